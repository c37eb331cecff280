package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.api.AnswerReader;
import io.chatform.api.ApiMethod;
import io.chatform.api.CreateProbe;
import io.chatform.api.Created;
import io.chatform.api.Lists;
import io.chatform.api.LiveChatClient;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import io.chatform.model.Reference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;

/**
 * Auto access rules: matched by description; target groups compare as a set; {@code exact_match}
 * defaults to false (the API's default) so writing it or not makes no diff. Order is planned
 * separately (moves), not as a field: placement uses the API's linked list, where {@code next_id}
 * names the rule that follows; on create an absent next_id appends, on update {@code ""} moves the
 * rule to the end.
 */
public final class AutoAccessKind extends DeclaredKind
    implements Creator, Updater, Deleter, Mover, Mergeable, GroupReferrer {

  @Override
  public List<Reference> references() {
    return List.of(Reference.groups("/groups/*", false, 0));
  }

  @Override
  public Optional<String> renameField() {
    return Optional.of("description");
  }

  /** Adds a rule (before {@code next_id} if given, else at the end); found again by description. */
  public static final ApiMethod<Created> ADD =
      ApiMethod.create(
          "add_auto_access",
          CreateProbe.byFields(
              Kind.AUTO_ACCESS,
              Lists.AUTO_ACCESSES,
              CreateProbe::noParameters,
              List.of("description"),
              List.of(),
              false),
          AnswerReader.CREATED_ID);

  private static final ApiMethod<JsonNode> UPDATE = ApiMethod.update("update_auto_access");
  private static final ApiMethod<JsonNode> DELETE = ApiMethod.delete("delete_auto_access");

  AutoAccessKind() {
    super(Kind.AUTO_ACCESS, Scope.ACCOUNT);
  }

  /** Adds a rule and returns its id. */
  public static String addAutoAccess(LiveChatClient client, ObjectNode rule) {
    return client.create(Kind.AUTO_ACCESS, ADD, rule).id().orElseThrow();
  }

  public static void updateAutoAccess(LiveChatClient client, ObjectNode rule) {
    client.call(UPDATE, rule);
  }

  public static void deleteAutoAccess(LiveChatClient client, String id) {
    client.delete(Kind.AUTO_ACCESS, DELETE, Json.object().put("id", id), id, "");
  }

  /**
   * A rule without a description (add_auto_access: {@code description} is optional, and rules made
   * in the LiveChat app may have none) cannot be named in a manifest, where the description is its
   * identity: it is never deleted, with a notice, and export leaves it out (saying so).
   */
  @Override
  public Optional<Protection> protection(LiveObject live, Optional<String> callerAgentId) {
    if (kind().identityIncomplete(live.spec())) {
      return Optional.of(
          new Protection(
              "a rule without a description cannot be named in a manifest (the description is"
                  + " its identity): give it one in LiveChat to manage it",
              false));
    }
    return Optional.empty();
  }

  /** Rules are evaluated in list order, which an export keeps (their {@code next_id} chain). */
  @Override
  public boolean exportKeepsListOrder() {
    return true;
  }

  @Override
  public Optional<Routing> routing() {
    return Optional.of(Routing.RULE);
  }

  @Override
  public ObjectNode normalize(ObjectNode spec) {
    ObjectNode copy = spec.deepCopy();
    if (copy.path("groups").isArray()) {
      copy.set("groups", Json.sorted(copy.get("groups")));
    }
    JsonNode conditions = copy.get("conditions");
    if (conditions instanceof ObjectNode c) {
      for (String field : new String[] {"url", "domain"}) {
        if (c.get(field) instanceof ObjectNode cond) {
          fillExactMatch(cond, "values");
          fillExactMatch(cond, "exclude_values");
        }
      }
      if (c.get("geolocation") instanceof ObjectNode geo && geo.path("values").isArray()) {
        geo.set("values", Json.sorted(geo.get("values")));
      }
    }
    return copy;
  }

  @Override
  public void check(ManifestCheck check, List<? extends Declared> declared) {
    for (Declared r : declared) {
      conditions(check, r);
      check.countries(r);
    }
  }

  private static void conditions(ManifestCheck check, Declared r) {
    JsonNode c = r.spec().get("conditions");
    if (c == null || !c.isObject()) {
      return;
    }
    if (!c.has("url") && !c.has("domain") && !c.has("geolocation")) {
      check.report(
          r,
          "/conditions",
          "conditions need at least one of url, domain, geolocation",
          "add e.g. domain: {values: [{value: example.com}]}");
    }
    for (String field : List.of("url", "domain")) {
      check.exclusive(r, c.get(field), "/conditions/" + field);
    }
  }

  /** Descriptions identify rules. */
  @Override
  public Optional<ManifestCheck.Wording> duplicate(
      String id, String first, String firstAt, boolean caseOnly) {
    return Optional.of(
        new ManifestCheck.Wording(
            "auto access description '" + id + "' is repeated (first at " + firstAt + ")",
            "descriptions identify rules: make each one unique"));
  }

  private static void fillExactMatch(ObjectNode cond, String field) {
    JsonNode values = cond.get(field);
    if (values == null || !values.isArray()) {
      return;
    }
    ArrayNode out = Json.array();
    for (JsonNode v : values) {
      ObjectNode item =
          v.isObject() ? ((ObjectNode) v).deepCopy() : Json.object().put("value", v.asText());
      if (!item.has("exact_match")) {
        item.put("exact_match", false);
      }
      out.add(item);
    }
    cond.set(field, Json.sorted(out));
  }

  @Override
  public void create(WriteContext ctx, ObjectNode desired, Optional<String> moveBefore) {
    ObjectNode body = body(ctx, desired);
    moveBefore.filter(m -> !m.isEmpty()).ifPresent(m -> body.put("next_id", ctx.ruleId(m)));
    String id = addAutoAccess(ctx.client(), body);
    ctx.ruleCreated(Json.text(desired, "description"), id);
  }

  @Override
  public void update(
      WriteContext ctx,
      String liveId,
      ObjectNode desired,
      ObjectNode live,
      Optional<String> moveBefore) {
    ObjectNode body = body(ctx, desired).put("id", liveId);
    String description = Json.text(desired, "description");
    boolean renamed = !description.equals(Json.text(live, "description"));
    if (!renamed) {
      body.remove("description"); // the identity: unchanged unless matched by a previous name
    }
    moveBefore.ifPresent(m -> body.put("next_id", m.isEmpty() ? "" : ctx.ruleId(m)));
    updateAutoAccess(ctx.client(), body);
    if (renamed) {
      ctx.ruleCreated(description, liveId);
    }
  }

  @Override
  public void delete(WriteContext ctx, String liveId, ObjectNode live) {
    deleteAutoAccess(ctx.client(), liveId);
    ctx.ruleDeleted(Json.text(live, "description"));
  }

  /** A move is an update that changes nothing but the place. */
  @Override
  public void move(WriteContext ctx, String liveId, String before) {
    ObjectNode body = Json.object().put("id", liveId);
    body.put("next_id", before.isEmpty() ? "" : ctx.ruleId(before));
    updateAutoAccess(ctx.client(), body);
  }

  private static ObjectNode body(WriteContext ctx, ObjectNode desired) {
    ObjectNode body = Json.object().put("description", Json.text(desired, "description"));
    if (desired.has("groups")) {
      ArrayNode ids = body.putObject("access").putArray("groups");
      desired.get("groups").forEach(g -> ids.add(ctx.groupId(g.asText())));
    }
    if (desired.has("conditions")) {
      body.set("conditions", desired.get("conditions").deepCopy());
    }
    return body;
  }

  @Override
  public Listing list(Reading reading) {
    Future<List<ObjectNode>> rules = reading.submit(reading.client()::listAutoAccesses);
    return () -> Reading.get(rules).stream().map(r -> shape(r, reading.names())).toList();
  }

  static LiveObject shape(JsonNode r, Names names) {
    ObjectNode spec = Json.object().put("description", Json.text(r, "description"));
    ArrayNode groups = spec.putArray("groups");
    r.path("access").path("groups").forEach(g -> groups.add(names.groupName(g.asLong())));
    if (r.has("conditions")) {
      spec.set("conditions", r.get("conditions").deepCopy());
    }
    return new LiveObject(Kind.AUTO_ACCESS, Json.text(r, "id"), spec);
  }

  @Override
  public List<ObjectNode> readRaw(LiveChatClient client, Set<String> owners) {
    return client.listAutoAccesses();
  }

  /** Rules: nothing references a rule's id but the order chain; the earliest in it is kept. */
  @Override
  public Merged merge(List<ObjectNode> same, RawLists raw) {
    List<ObjectNode> chain = raw.of(kind());
    Keeper choice =
        Keeper.choose(
            same,
            r -> 0,
            Comparator.comparingInt(chain::indexOf),
            "the rule earliest in the order (the one visitors meet first, so routing does not"
                + " change)");
    return Mergeable.deletingExtras(
        choice,
        same,
        r ->
            "rule "
                + Json.text(r, "id")
                + ": position "
                + (chain.indexOf(r) + 1)
                + " of "
                + chain.size()
                + ", routes to groups "
                + r.path("access").path("groups"),
        extra ->
            new RepairStep(
                "delete extra rule " + Json.text(extra, "id"),
                "delete_auto_access",
                Json.object().put("id", Json.text(extra, "id"))));
  }

  @Override
  public Stage stage() {
    return Stage.ROUTES;
  }

  @Override
  public List<String> naming(List<ObjectNode> raw, long group) {
    return routingTo(raw, group).stream().map(r -> Json.text(r, "id")).toList();
  }

  private static List<ObjectNode> routingTo(List<ObjectNode> raw, long group) {
    return raw.stream().filter(r -> hasId(r.path("access").path("groups"), group)).toList();
  }

  /** Each rule routing to {@code extra} routes to {@code keeper} instead (once). */
  @Override
  public List<RepairStep> move(List<ObjectNode> raw, long extra, long keeper) {
    List<RepairStep> steps = new ArrayList<>();
    for (ObjectNode r : routingTo(raw, extra)) {
      ArrayNode groups = Json.array();
      for (JsonNode id : r.path("access").path("groups")) {
        long to = id.asLong() == extra ? keeper : id.asLong();
        if (!hasId(groups, to)) {
          groups.add(to);
        }
      }
      ObjectNode body = Json.object().put("id", Json.text(r, "id"));
      body.putObject("access").set("groups", groups);
      steps.add(
          new RepairStep(
              "rule " + Json.text(r, "id") + ": route to group " + keeper + " instead of " + extra,
              "update_auto_access",
              body));
      ((ObjectNode) r.path("access")).set("groups", groups.deepCopy());
    }
    return steps;
  }

  private static boolean hasId(JsonNode ids, long id) {
    for (JsonNode n : ids) {
      if (n.asLong(-1) == id) {
        return true;
      }
    }
    return false;
  }
}
