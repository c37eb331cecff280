package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import io.chatform.model.GreetingRules;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Greetings (3.6+): proactive invitations of one group, with targeting rules checked against {@link
 * GreetingRules}. {@code list_greetings} pages through them ({@code limit} at most 100, an opaque
 * {@code page_id}), so a reader that stops at the first page misses greetings.
 */
public final class GreetingsModule implements Module {
  static final int MAX_LIMIT = 100;
  private static final String LIST = "greetings";

  private final Account account;

  /** The greetings as get_greeting answers them. */
  private final GroupedStore greetings;

  public GreetingsModule(Account account) {
    this.account = account;
    this.greetings = new GroupedStore(account, "Greeting", "greetings", "group");
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
    return Params.object().put("id", greetings.add(g));
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

  /** Only the fields sent change; {@code group} cannot be changed (update takes no group). */
  private JsonNode update(Call call) {
    ObjectNode b = call.body();
    ObjectNode next = greetings.existing(b).deepCopy();
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
    greetings.replace(next);
    return Methods.empty();
  }

  private JsonNode delete(Call call) {
    greetings.remove(greetings.existing(call.body()));
    return Methods.empty();
  }

  private JsonNode get(Call call) {
    return greetings.existing(call.body()).deepCopy();
  }

  /**
   * The first call may filter by {@code groups} and set {@code limit}; later calls send only {@code
   * page_id}, which carries both ("Cannot be used with groups or limit").
   */
  private JsonNode list(Call call) {
    ObjectNode b = call.body();
    ObjectNode cursor =
        Pages.cursor(
            b,
            LIST,
            List.of("groups", "limit"),
            () -> {
              int limit = Params.optInt(b, "limit", 1, MAX_LIMIT).orElse(MAX_LIMIT);
              ObjectNode first = Pages.first(LIST, limit);
              GroupIds.optional(b, "", "groups")
                  .ifPresent(g -> first.set("groups", GroupIds.toJson(g)));
              return first;
            });
    Optional<Set<Long>> groups = Pages.groups(cursor, "groups");
    List<ObjectNode> matching =
        greetings.matching(g -> groups.isEmpty() || groups.get().contains(g.get("group").asLong()));
    return Pages.answer(Pages.slice(matching, cursor), matching.size(), LIST, "found_greetings");
  }

  @Override
  public void writeState(ObjectNode into) {
    greetings.write(into);
  }

  @Override
  public void readState(JsonNode from) {
    greetings.read(from);
  }

  @Override
  public void reset() {
    greetings.reset();
  }
}
