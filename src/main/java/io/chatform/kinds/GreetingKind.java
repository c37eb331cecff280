package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.api.AnswerReader;
import io.chatform.api.ApiMethod;
import io.chatform.api.CreateProbe;
import io.chatform.api.Created;
import io.chatform.api.IdShape;
import io.chatform.api.LiveChatClient;
import io.chatform.api.PagedList;
import io.chatform.model.ApiVersion;
import io.chatform.model.GreetingRules;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import io.chatform.model.ManifestSchema;
import io.chatform.model.Reference;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;

/**
 * Greetings (3.6+): a group's proactive invitations, matched by (group, name), the group by name.
 * {@code update_greeting} takes no group, so a greeting moved to another group is another greeting
 * (both are identity). Rule values are strings on the wire and may be numbers in a manifest; times
 * compare as instants (any RFC 3339 offset). Buttons the API gave a {@code button_id} keep it on
 * update ("pass the existing ID if you want to preserve it"); an id a manifest does not write is
 * never compared nor exported. {@code type} defaults to {@code normal} and {@code active} to true
 * on create (the API requires both).
 */
public final class GreetingKind extends DeclaredKind
    implements Creator, Updater, Deleter, Mergeable {

  // A greeting belongs to one group and goes with it: listed among what a group delete drops.
  //
  @Override
  public List<Reference> references() {
    return List.of(Reference.groups("/group", false, 0));
  }

  @Override
  public ApiVersion since() {
    return ApiVersion.V3_6;
  }

  /** The largest page {@code list_greetings} documents (also its default). */
  static final int PAGE = 100;

  /**
   * Every greeting of every group, read page by page; a greeting's group is an integer id, and
   * anything else must not be read as group 0 ("General").
   */
  public static final ApiMethod<List<ObjectNode>> LIST =
      ApiMethod.read(
          "list_greetings",
          IdShape.INTEGER,
          PagedList.reader(
              "greetings",
              g -> g.path("group").isIntegralNumber(),
              "greetings with an integer group id"));

  /**
   * Creates a greeting ({@code group} an id), answered with its integer id; a lost answer is
   * resolved by reading every page for (group id, name), its identity in a manifest.
   */
  public static final ApiMethod<Created> CREATE =
      ApiMethod.create(
          "create_greeting",
          IdShape.INTEGER,
          CreateProbe.byFields(
              Kind.GREETINGS,
              LIST,
              GreetingKind::firstPage,
              List.of("name", "group"),
              List.of(),
              false),
          AnswerReader.CREATED_ID);

  private static final ApiMethod<JsonNode> UPDATE = ApiMethod.update("update_greeting");
  private static final ApiMethod<JsonNode> DELETE = ApiMethod.delete("delete_greeting");

  static final List<String> FIELDS =
      List.of(
          "name",
          "group",
          "type",
          "active",
          "active_from",
          "active_until",
          "rules",
          "properties",
          "rich_message");

  private static final List<String> TIMES = List.of("active_from", "active_until");

  GreetingKind() {
    super(Kind.GREETINGS, Scope.ACCOUNT);
  }

  private static ObjectNode firstPage(ObjectNode createBody) {
    return Json.object().put("limit", PAGE);
  }

  /** Every greeting of every group (3.6+). */
  public static List<ObjectNode> listGreetings(LiveChatClient client) {
    return client.call(LIST, firstPage(Json.object()));
  }

  /** Creates a greeting ({@code group} an id) and returns its id. */
  public static String createGreeting(LiveChatClient client, ObjectNode greeting) {
    return client.create(Kind.GREETINGS, CREATE, greeting).id().orElseThrow();
  }

  /** Sends the fields of {@code greeting} (with its {@code id}); update takes no group. */
  public static void updateGreeting(LiveChatClient client, ObjectNode greeting) {
    client.call(UPDATE, greeting);
  }

  public static void deleteGreeting(LiveChatClient client, String id) {
    client.delete(Kind.GREETINGS, DELETE, Json.object().put("id", Long.parseLong(id)), id, "");
  }

  /**
   * Owned (docs/manifests.md): what a greeting created without them has — chatform writes {@code
   * type: normal} and {@code active: true} on create (the API requires both) and {@code
   * update_greeting} takes both, so removing one plans its reset. {@code rules} is required. {@code
   * active_from}, {@code active_until}, {@code properties} and {@code rich_message} are compared
   * only when declared: the docs give {@code update_greeting} no way to clear them (no null, no
   * empty value documented), so a reset could not be written; the safe reading leaves them alone.
   */
  @Override
  public Map<String, JsonNode> ownedFields(ApiVersion version) {
    return Map.of("type", Json.F.textNode("normal"), "active", Json.F.booleanNode(true));
  }

  /** Rule types, operators, values, session fields and the activity window (3.6+). */
  @Override
  public void check(ManifestCheck check, List<? extends Declared> declared) {
    new GreetingCheck(check).run(declared);
  }

  @Override
  public ObjectNode normalize(ObjectNode spec) {
    ObjectNode copy = spec.deepCopy();
    for (String t : TIMES) {
      instant(copy.get(t)).ifPresent(i -> copy.put(t, i));
    }
    if (copy.get("rules") instanceof ArrayNode rules) {
      for (JsonNode r : rules) {
        if (r instanceof ObjectNode o && o.get("value") != null && o.get("value").isNumber()) {
          o.put("value", o.get("value").asText());
        }
      }
    }
    if (copy.get("properties") instanceof ObjectNode p) {
      for (Map.Entry<String, JsonNode> e : p.properties()) {
        if (e.getValue().isValueNode() && !e.getValue().isTextual()) {
          p.put(e.getKey(), e.getValue().asText());
        }
      }
    }
    return copy;
  }

  /** The same moment written with any offset compares equal. */
  private static Optional<String> instant(JsonNode v) {
    if (v == null || !v.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(v.asText()).toInstant().toString());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * Button ids the API generated are not the manifest's business unless it writes them. A live rich
   * message without {@code template_id} takes the manifest's: create requires it, but the
   * documented list and get answers (payloads {@code listGreetings.json}, {@code getGreeting.json})
   * do not return it, so it cannot be compared, and comparing it would plan the same update on
   * every run (as a write-only field would).
   */
  @Override
  public ObjectNode alignLive(ObjectNode desired, ObjectNode live) {
    ObjectNode copy = live.deepCopy();
    forEachButton(
        copy,
        (path, button) -> {
          if (!desired.at(path).has("button_id")) {
            button.remove("button_id");
          }
        });
    return Json.takeUnanswered(desired, copy, "/rich_message/template_id");
  }

  /**
   * Without generated button ids, and only what a manifest can declare: {@code properties} by their
   * documented keys (the documented answers also show others, e.g. {@code text}), and {@code
   * rich_message} or {@code properties} only when the manifest schema accepts them (a live rich
   * message without the {@code template_id} create requires, as the documented answers show it,
   * cannot be written back). Both are compared only when declared, so leaving one out of the export
   * leaves the live value alone: the export still plans "No changes." and validates.
   */
  @Override
  public ObjectNode exportForm(ObjectNode spec) {
    forEachButton(spec, (path, button) -> button.remove("button_id"));
    if (spec.get("properties") instanceof ObjectNode props) {
      props.retain(GreetingRules.PROPERTY_KEYS);
      if (props.isEmpty()) {
        spec.remove("properties");
      }
    }
    ObjectNode doc = Json.object().put("version", 1);
    doc.putArray(section()).add(spec);
    List<String> refused = ManifestSchema.refused(doc);
    for (String field : List.of("rich_message", "properties")) {
      String at = "/" + section() + "/0/" + field;
      if (refused.stream().anyMatch(p -> p.equals(at) || p.startsWith(at + "/"))) {
        spec.remove(field);
      }
    }
    return spec;
  }

  /** Calls {@code action} with the JSON pointer and node of every rich message button. */
  private static void forEachButton(
      ObjectNode spec, java.util.function.BiConsumer<String, ObjectNode> action) {
    JsonNode elements = spec.path("rich_message").path("elements");
    for (int e = 0; e < elements.size(); e++) {
      JsonNode buttons = elements.get(e).path("buttons");
      for (int b = 0; b < buttons.size(); b++) {
        if (buttons.get(b) instanceof ObjectNode button) {
          action.accept("/rich_message/elements/" + e + "/buttons/" + b, button);
        }
      }
    }
  }

  @Override
  public void create(WriteContext ctx, ObjectNode desired, Optional<String> moveBefore) {
    ObjectNode body = body(desired);
    body.put("group", ctx.groupId(Json.text(desired, "group")));
    if (!body.has("type")) {
      body.put("type", "normal");
    }
    if (!body.has("active")) {
      body.put("active", true);
    }
    createGreeting(ctx.client(), body);
  }

  @Override
  public void update(
      WriteContext ctx, String liveId, ObjectNode desired, ObjectNode live, Optional<String> m) {
    ObjectNode body = body(desired).put("id", Long.parseLong(liveId));
    forEachButton(
        body,
        (path, button) -> {
          JsonNode had = live.at(path + "/button_id");
          if (!button.has("button_id") && had.isTextual()) {
            button.set("button_id", had);
          }
        });
    updateGreeting(ctx.client(), body);
  }

  @Override
  public void delete(WriteContext ctx, String liveId, ObjectNode live) {
    deleteGreeting(ctx.client(), liveId);
  }

  /** The declared fields as the API takes them, without the group (by name here). */
  private ObjectNode body(ObjectNode desired) {
    ObjectNode body = Json.copyFields(normalize(desired), Json.object(), FIELDS);
    body.remove("group");
    for (String t : TIMES) {
      if (desired.get(t) != null && desired.get(t).isTextual()) {
        body.set(t, desired.get(t)); // as written: the API takes any RFC 3339 offset
      }
    }
    return body;
  }

  @Override
  public int pageSize() {
    return PAGE;
  }

  @Override
  public Listing list(Reading reading) {
    Future<List<ObjectNode>> greetings = reading.submit(() -> listGreetings(reading.client()));
    return () -> Reading.get(greetings).stream().map(g -> shape(g, reading.names())).toList();
  }

  static LiveObject shape(JsonNode g, Names names) {
    ObjectNode spec = Json.copyFields(g, Json.object(), FIELDS);
    spec.put("group", names.groupName(g.path("group").asLong()));
    return new LiveObject(Kind.GREETINGS, Json.text(g, "id"), spec);
  }

  // ---- repair: live greetings of one group sharing a name ------------------------------------

  @Override
  public List<ObjectNode> readRaw(LiveChatClient client, Set<String> owners) {
    return listGreetings(client);
  }

  /** The groups its reference names: the raw greeting has the group's id. */
  @Override
  public Set<Kind> mergeReads() {
    return Mergeable.targets(references());
  }

  @Override
  public String rawIdentity(ObjectNode raw, RawLists lists) {
    return Mergeable.named(lists, references().get(0), raw.path("group").asLong())
        + "/"
        + Json.text(raw, "name");
  }

  @Override
  public Merged merge(List<ObjectNode> same, RawLists raw) {
    return Mergeable.keepingTheOldest(
        same,
        "greeting",
        g ->
            (g.path("active").asBoolean(true) ? "active" : "inactive")
                + ", type "
                + Json.text(g, "type"),
        "delete_greeting");
  }
}
