package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import io.chatform.model.GreetingRules;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Greetings (3.6+): proactive invitations of one group, with targeting rules checked against {@link
 * GreetingRules}. {@code list_greetings} pages through them ({@code limit} at most 100, an opaque
 * {@code page_id}), so a reader that stops at the first page misses greetings.
 */
public final class GreetingsModule implements Module {
  static final int MAX_LIMIT = 100;
  private static final String LIST = "greetings";

  private final Account account;

  /** Id → the greeting as get_greeting answers it. */
  private final TreeMap<Long, ObjectNode> greetings = new TreeMap<>();

  private long nextId = 1;

  public GreetingsModule(Account account) {
    this.account = account;
  }

  @Override
  public String name() {
    return "greetings";
  }

  @Override
  public Map<String, Handler> methods() {
    Map<String, Handler> m = new LinkedHashMap<>();
    m.put("create_greeting", Methods.since(ApiVersion.V3_6, this::create));
    m.put("update_greeting", Methods.since(ApiVersion.V3_6, this::update));
    m.put("delete_greeting", Methods.since(ApiVersion.V3_6, this::delete));
    m.put("get_greeting", Methods.since(ApiVersion.V3_6, this::get));
    m.put("list_greetings", Methods.since(ApiVersion.V3_6, this::list));
    return m;
  }

  private JsonNode create(Call call) {
    ObjectNode b = call.body();
    ObjectNode g = Params.object();
    g.put("type", GreetingValidator.oneOf(b, "", "type", GreetingRules.TYPES));
    g.put(
        "active",
        BodyFields.optionalBoolean(b, "", "active")
            .orElseThrow(() -> ApiError.validation("active is required")));
    window(b, g);
    g.put("name", BodyFields.requiredString(b, "", "name"));
    long group = Params.requireId(b, "group");
    GroupIds.requireGroup(account, "group", group);
    g.put("group", group);
    g.set("rules", GreetingValidator.rules(BodyFields.requiredArray(b, "", "rules")));
    content(b, g);
    long id = nextId++;
    ObjectNode stored = Params.object().put("id", id);
    stored.setAll(g);
    greetings.put(id, stored);
    return Params.object().put("id", id);
  }

  /** {@code active_from}/{@code active_until}: set when given, cleared by JSON null. */
  private static void window(ObjectNode b, ObjectNode into) {
    for (String f : List.of("active_from", "active_until")) {
      if (b.has(f) && b.get(f).isNull()) {
        into.remove(f);
      }
      GreetingValidator.dateTime(b, f).ifPresent(t -> into.put(f, b.get(f).asText()));
    }
    if (into.has("active_from") && into.has("active_until")) {
      OffsetDateTime from = OffsetDateTime.parse(into.get("active_from").asText());
      OffsetDateTime until = OffsetDateTime.parse(into.get("active_until").asText());
      if (!until.isAfter(from)) {
        throw ApiError.validation("active_until must be later than active_from");
      }
    }
  }

  private static void content(ObjectNode b, ObjectNode into) {
    BodyFields.optionalObject(b, "", "properties")
        .ifPresent(p -> into.set("properties", GreetingValidator.properties(p)));
    BodyFields.optionalObject(b, "", "rich_message")
        .ifPresent(m -> into.set("rich_message", GreetingValidator.richMessage(m)));
  }

  /** A greeting of a group deleted since is gone with it. */
  private Optional<ObjectNode> find(long id) {
    return Optional.ofNullable(greetings.get(id)).filter(this::live);
  }

  private boolean live(ObjectNode g) {
    return account.groupExists(g.get("group").asLong());
  }

  private ObjectNode existing(Call call) {
    long id = Params.requireId(call.body(), "id");
    return find(id).orElseThrow(() -> ApiError.notFound("Greeting " + id + " not found"));
  }

  /** Only the fields sent change; {@code group} cannot be changed (update takes no group). */
  private JsonNode update(Call call) {
    ObjectNode b = call.body();
    ObjectNode next = existing(call).deepCopy();
    if (b.hasNonNull("type")) {
      next.put("type", GreetingValidator.oneOf(b, "", "type", GreetingRules.TYPES));
    }
    BodyFields.optionalBoolean(b, "", "active").ifPresent(a -> next.put("active", a));
    window(b, next);
    if (b.hasNonNull("name")) {
      next.put("name", BodyFields.requiredString(b, "", "name"));
    }
    BodyFields.optionalArray(b, "", "rules")
        .ifPresent(r -> next.set("rules", GreetingValidator.rules(r)));
    content(b, next);
    greetings.put(next.get("id").asLong(), next);
    return Methods.empty();
  }

  private JsonNode delete(Call call) {
    greetings.remove(existing(call).get("id").asLong());
    return Methods.empty();
  }

  private JsonNode get(Call call) {
    return existing(call).deepCopy();
  }

  /**
   * The first call may filter by {@code groups} and set {@code limit}; later calls send only {@code
   * page_id}, which carries both ("Cannot be used with groups or limit").
   */
  private JsonNode list(Call call) {
    ObjectNode b = call.body();
    Optional<String> pageId = BodyFields.optionalString(b, "", "page_id");
    ObjectNode cursor;
    if (pageId.isPresent()) {
      if (b.hasNonNull("groups") || b.hasNonNull("limit")) {
        throw ApiError.validation("page_id cannot be used with groups or limit");
      }
      cursor = Pages.decode(pageId.get(), LIST);
    } else {
      int limit = Params.optInt(b, "limit", 1, MAX_LIMIT).orElse(MAX_LIMIT);
      cursor = Pages.first(LIST, limit);
      GroupIds.optional(b, "", "groups").ifPresent(g -> cursor.set("groups", GroupIds.toJson(g)));
    }
    Optional<Set<Long>> groups = groupsOf(cursor);
    List<ObjectNode> matching =
        greetings.values().stream()
            .filter(this::live)
            .filter(g -> groups.isEmpty() || groups.get().contains(g.get("group").asLong()))
            .map(ObjectNode::deepCopy)
            .toList();
    return Pages.answer(Pages.slice(matching, cursor), matching.size(), LIST, "found_greetings");
  }

  private static Optional<Set<Long>> groupsOf(ObjectNode cursor) {
    if (!cursor.has("groups")) {
      return Optional.empty();
    }
    Set<Long> out = new java.util.HashSet<>();
    cursor.get("groups").forEach(g -> out.add(g.asLong()));
    return Optional.of(out);
  }

  @Override
  public void writeState(ObjectNode into) {
    into.put("next_id", nextId);
    ArrayNode list = into.putArray("greetings");
    greetings.values().stream().filter(this::live).forEach(g -> list.add(g.deepCopy()));
  }

  @Override
  public void readState(JsonNode from) {
    greetings.clear();
    long max = 0;
    for (JsonNode g : from.path("greetings")) {
      if (!Params.isId(g.get("id")) || !Params.isId(g.get("group"))) {
        throw new IllegalArgumentException("`greetings.greetings[]` needs an id and a group");
      }
      greetings.put(g.get("id").asLong(), (ObjectNode) g.deepCopy());
      max = Math.max(max, g.get("id").asLong());
    }
    nextId = Math.max(from.path("next_id").asLong(1), max + 1);
  }

  @Override
  public void reset() {
    greetings.clear();
    nextId = 1;
  }
}
