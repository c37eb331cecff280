package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.api.ApiMethod;
import io.chatform.api.Created;
import io.chatform.api.LiveChatClient;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import io.chatform.model.Reference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;

/**
 * What agents and bots share: group membership (by name in manifests, by id on the wire), written
 * one by one or through the 3.5+ batch methods.
 */
abstract class MemberKind extends DeclaredKind
    implements Creator, Updater, Deleter, Batchable, GroupReferrer {

  @Override
  public List<Reference> references() {
    return List.of(Reference.groups("/groups/*/group", true, 0));
  }

  @Override
  public boolean scheduled() {
    return true;
  }

  private final ApiMethod<Created> createMethod;
  private final BiConsumer<LiveChatClient, ObjectNode> create;
  private final BiConsumer<LiveChatClient, ObjectNode> update;
  private final BiConsumer<LiveChatClient, String> delete;

  /** The kind's create method, and its create, update and delete calls. */
  MemberKind(
      Kind kind,
      Scope scope,
      ApiMethod<Created> createMethod,
      BiConsumer<LiveChatClient, ObjectNode> create,
      BiConsumer<LiveChatClient, ObjectNode> update,
      BiConsumer<LiveChatClient, String> delete) {
    super(kind, scope);
    this.createMethod = createMethod;
    this.create = create;
    this.update = update;
    this.delete = delete;
  }

  /** Items of a batch create whose outcome is unknown are probed and created one by one. */
  @Override
  public Optional<ApiMethod<Created>> singleCreate() {
    return Optional.of(createMethod);
  }

  /** The create or update body. */
  abstract ObjectNode body(
      WriteContext ctx, String verb, String liveId, ObjectNode d, ObjectNode l);

  @Override
  public ObjectNode alignLive(ObjectNode desired, ObjectNode live) {
    return Membership.alignLive(desired, live);
  }

  @Override
  public void create(WriteContext ctx, ObjectNode desired, Optional<String> moveBefore) {
    create.accept(ctx.client(), request(ctx, "create", null, desired, null));
  }

  @Override
  public void update(
      WriteContext ctx, String liveId, ObjectNode desired, ObjectNode live, Optional<String> m) {
    update.accept(ctx.client(), request(ctx, "update", liveId, desired, live));
  }

  @Override
  public void delete(WriteContext ctx, String liveId, ObjectNode live) {
    delete.accept(ctx.client(), liveId);
  }

  @Override
  public ObjectNode request(
      WriteContext ctx, String verb, String liveId, ObjectNode desired, ObjectNode live) {
    if (verb.equals("delete")) {
      return Json.object().put("id", liveId);
    }
    return body(ctx, verb, liveId, desired, live);
  }

  /**
   * Copies the declared fields of {@code desired} except {@code skip}, translating {@code groups}
   * names to ids (keeping live General membership the manifest does not mention).
   */
  static ObjectNode copy(
      WriteContext ctx,
      ObjectNode desired,
      JsonNode live,
      Set<String> skip,
      String defaultPriority) {
    ObjectNode body = Json.object();
    for (Iterator<String> it = desired.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (skip.contains(f)) {
        continue;
      }
      if (f.equals("groups")) {
        body.set(
            "groups",
            ctx.memberships(desired.get(f), live == null ? null : live.get(f), defaultPriority));
      } else {
        body.set(f, desired.get(f).deepCopy());
      }
    }
    return body;
  }

  /** The fields its list call asks for beyond the defaults. */
  abstract List<String> listedFields();

  /** The fields of a list answer the manifest shape keeps as they are. */
  abstract List<String> shapedFields();

  /** Starts the list call. */
  abstract Future<List<ObjectNode>> submit(Reading reading);

  @Override
  public Listing list(Reading reading) {
    Future<List<ObjectNode>> answer = submit(reading);
    return () -> {
      List<ObjectNode> raw = Reading.get(answer);
      listed(reading, raw);
      return raw.stream().map(a -> shape(a, reading.names())).toList();
    };
  }

  /** What the raw answer tells beyond the objects. */
  void listed(Reading reading, List<ObjectNode> raw) {}

  /** The manifest shape of one listed agent or bot. */
  LiveObject shape(JsonNode a, Names names) {
    ObjectNode spec = Json.object();
    Json.copyFields(a, spec, shapedFields());
    avatar(a, spec);
    // listAgents.json (3.5-3.7) spells an agent's email_subscriptions "summaries", the field
    // tables and every create/update email_subscriptions: read either.
    JsonNode summaries = a.get("summaries");
    if (shapedFields().contains("email_subscriptions")
        && !spec.has("email_subscriptions")
        && summaries != null
        && summaries.isArray()) {
      spec.set("email_subscriptions", summaries.deepCopy());
    }
    if (a.has("groups")) {
      spec.set("groups", members(a.get("groups"), names));
    }
    return new LiveObject(kind(), Json.text(a, "id"), spec);
  }

  /**
   * The docs' payloads spell the avatar {@code avatar} in some answers and {@code avatar_path} in
   * others (e.g. 3.6 getAgent vs listAgents, getBot, listBots), while every create/update documents
   * {@code avatar}: the manifest field is {@code avatar}, read from either spelling ({@code avatar}
   * wins when both come), so the spelling never makes a diff. Bot templates too: 3.5's
   * listBotTemplates answers {@code avatar}, 3.6's and 3.7's {@code avatar_path}.
   */
  static void avatar(JsonNode answer, ObjectNode spec) {
    JsonNode path = answer.get("avatar_path");
    if (!spec.has("avatar") && path != null && !path.isNull()) {
      spec.set("avatar", path.deepCopy());
    }
  }

  /** {@code [{id, priority}]} → {@code [{group, priority}]}. */
  private static ArrayNode members(JsonNode groups, Names names) {
    ArrayNode out = Json.array();
    for (JsonNode g : groups) {
      out.addObject()
          .put("group", names.groupName(g.path("id").asLong()))
          .put("priority", g.path("priority").asText("normal"));
    }
    return out;
  }

  /**
   * Everyone is in General with priority normal: that membership goes without saying. A work
   * schedule without slots (a time zone alone, as a cleared bot's keeps) is no schedule: left out,
   * as a manifest would write it.
   */
  @Override
  public ObjectNode exportForm(ObjectNode spec) {
    if (spec.get("work_scheduler") instanceof ObjectNode ws && ws.path("schedule").isEmpty()) {
      spec.remove("work_scheduler");
    }
    JsonNode groups = spec.get("groups");
    if (groups != null && groups.isArray()) {
      ArrayNode kept = Json.array();
      for (JsonNode g : groups) {
        boolean implicit =
            Membership.GENERAL.equals(g.path("group").asText())
                && "normal".equals(g.path("priority").asText("normal"));
        if (!implicit) {
          kept.add(g);
        }
      }
      spec.set("groups", kept);
    }
    return spec;
  }

  /** The member's word in repair steps: {@code agent} or {@code bot}. */
  abstract String noun();

  /** How an explanation lists a member: agents by id, bots as {@code bot <id>}. */
  abstract String named(ObjectNode member);

  @Override
  public Stage stage() {
    return Stage.MEMBERS;
  }

  @Override
  public List<String> naming(List<ObjectNode> raw, long group) {
    return raw.stream()
        .filter(m -> Membership.hasMember(m.path("groups"), group))
        .map(this::named)
        .toList();
  }

  /** Each member of {@code extra} becomes a member of {@code keeper}, keeping its priority. */
  @Override
  public List<RepairStep> move(List<ObjectNode> raw, long extra, long keeper) {
    List<RepairStep> steps = new ArrayList<>();
    for (ObjectNode m : raw) {
      if (!Membership.hasMember(m.path("groups"), extra)) {
        continue;
      }
      ArrayNode groups = Json.array();
      String priority = "normal";
      for (JsonNode membership : m.path("groups")) {
        if (membership.path("id").asLong() == extra) {
          priority = membership.path("priority").asText("normal");
        } else {
          groups.add(membership.deepCopy());
        }
      }
      if (!Membership.hasMember(groups, keeper)) {
        groups.addObject().put("id", keeper).put("priority", priority);
      }
      ObjectNode body = Json.object().put("id", Json.text(m, "id"));
      if (m.has("owner_client_id")) {
        body.put("owner_client_id", Json.text(m, "owner_client_id"));
      }
      body.set("groups", groups);
      steps.add(
          new RepairStep(
              noun()
                  + " "
                  + Json.text(m, "id")
                  + ": member of group "
                  + keeper
                  + " instead of "
                  + extra,
              "update_" + noun(),
              body));
      m.set("groups", groups.deepCopy());
    }
    return steps;
  }
}
