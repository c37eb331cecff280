package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.chatform.api.AnswerReader;
import io.chatform.api.ApiMethod;
import io.chatform.api.CreateProbe;
import io.chatform.api.Created;
import io.chatform.api.IdShape;
import io.chatform.api.Lists;
import io.chatform.api.LiveChatClient;
import io.chatform.model.ApiVersion;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;

/**
 * Groups: matched by name (names are not unique in LiveChat; the planner refuses ambiguity);
 * membership is written on the agents' side; group 0 (General) always exists.
 */
public final class GroupKind extends DeclaredKind implements Creator, Updater, Deleter, Mergeable {

  @Override
  public Optional<String> renameField() {
    return Optional.of("name");
  }

  @Override
  public boolean pinnable() {
    return true;
  }

  /** Group 0, "General", which every account has and a manifest may name without declaring. */
  @Override
  public List<String> implicitIdentities() {
    return List.of("General");
  }

  /** Found again by name after a lost answer. */
  public static final ApiMethod<Created> CREATE =
      ApiMethod.create(
          "create_group",
          IdShape.INTEGER,
          CreateProbe.byFields(
              Kind.GROUPS,
              Lists.GROUPS,
              CreateProbe::noParameters,
              List.of("name"),
              List.of(),
              false),
          AnswerReader.CREATED_ID);

  private static final ApiMethod<JsonNode> UPDATE = ApiMethod.update("update_group");
  private static final ApiMethod<JsonNode> DELETE = ApiMethod.delete("delete_group");

  GroupKind() {
    super(Kind.GROUPS, Scope.ACCOUNT);
  }

  /** Creates a group and returns its id. */
  public static long createGroup(LiveChatClient client, ObjectNode group) {
    return client.create(Kind.GROUPS, CREATE, group).answer().path("id").asLong();
  }

  public static void updateGroup(LiveChatClient client, ObjectNode group) {
    client.call(UPDATE, group);
  }

  public static void deleteGroup(LiveChatClient client, long id) {
    client.delete(Kind.GROUPS, DELETE, Json.object().put("id", id), Long.toString(id), "");
  }

  @Override
  public Optional<Routing> routing() {
    return Optional.of(Routing.GROUP);
  }

  /** Owned (docs/manifests.md): a group created without a language is {@code en}. */
  @Override
  public Map<String, JsonNode> ownedFields(ApiVersion version) {
    return Map.of("language_code", TextNode.valueOf("en"));
  }

  @Override
  public Optional<String> deleteWarning() {
    return Optional.of(
        "the group's id is gone for good (chat widget code, reports and integrations use it)");
  }

  @Override
  public Optional<String> replaceWarning() {
    return Optional.of(
        "the group gets a new id (chat widget code, reports and integrations use the old one)");
  }

  @Override
  public Optional<Protection> protection(LiveObject live, Optional<String> callerAgentId) {
    return "0".equals(live.liveId())
        ? Optional.of(new Protection("group 0 (General) always exists", true))
        : Optional.empty();
  }

  @Override
  public void create(WriteContext ctx, ObjectNode desired, Optional<String> moveBefore) {
    ObjectNode body = Json.object().put("name", Json.text(desired, "name"));
    if (desired.has("language_code")) {
      body.set("language_code", desired.get("language_code"));
    }
    ObjectNode priorities = body.putObject("agent_priorities");
    // Up to 3.5 a group needs one member with priority normal; agents' own groups follow later.
    if (!ctx.version().atLeast(ApiVersion.V3_6)) {
      ctx.groupSeedMember().ifPresent(m -> priorities.put(m, "normal"));
    }
    long id = createGroup(ctx.client(), body);
    ctx.names().group(id, Json.text(desired, "name"));
  }

  @Override
  public void update(
      WriteContext ctx, String liveId, ObjectNode desired, ObjectNode live, Optional<String> m) {
    ObjectNode body = Json.object().put("id", Long.parseLong(liveId));
    String name = Json.text(desired, "name");
    boolean renamed = !name.equals(Json.text(live, "name"));
    if (renamed) { // matched by a previous name or an id pin: renamed in place, id kept
      body.put("name", name);
    }
    if (desired.has("language_code")) {
      body.set("language_code", desired.get("language_code"));
    }
    updateGroup(ctx.client(), body);
    if (renamed) {
      ctx.names().renameGroup(Long.parseLong(liveId), name);
    }
  }

  @Override
  public void delete(WriteContext ctx, String liveId, ObjectNode live) {
    deleteGroup(ctx.client(), Long.parseLong(liveId));
    ctx.names().forgetGroup(Json.text(live, "name"));
  }

  @Override
  public Listing list(Reading reading) {
    Future<List<ObjectNode>> groups = reading.submit(() -> reading.client().listGroups(List.of()));
    return () -> {
      List<LiveObject> out = new ArrayList<>();
      for (ObjectNode g : Reading.get(groups)) {
        reading.names().group(g.path("id").asLong(), Json.text(g, "name"));
        out.add(shape(g));
      }
      return out;
    };
  }

  /**
   * Groups as a manifest writes them; where the account names several alike, each is pinned to its
   * live id ({@code id: 2}) so the export plans "No changes." against the same account.
   */
  @Override
  public void export(ObjectNode doc, List<LiveObject> objects) {
    Map<String, Long> names =
        objects.stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    LiveObject::identity, java.util.stream.Collectors.counting()));
    ArrayNode out = doc.putArray(section());
    for (LiveObject o : objects) {
      ObjectNode spec = Exporter.clean(o.spec());
      if (names.get(o.identity()) > 1) {
        spec.put(Kind.PIN, Long.parseLong(o.liveId()));
      }
      out.add(exportForm(spec));
    }
  }

  static LiveObject shape(JsonNode g) {
    ObjectNode spec = Json.object().put("name", Json.text(g, "name"));
    Json.copyFields(g, spec, List.of("language_code"));
    return new LiveObject(Kind.GROUPS, g.path("id").asText(), spec);
  }

  @Override
  public List<ObjectNode> readRaw(LiveChatClient client, Set<String> owners) {
    return client.listGroups(List.of("agent_priorities"));
  }

  /** A merge of groups moves what the referring kinds hold: {@link GroupMerge}. */
  @Override
  public Set<Kind> mergeReads() {
    return GroupMerge.referrerKinds();
  }

  @Override
  public Merged merge(List<ObjectNode> same, RawLists raw) {
    return new GroupMerge(raw).merge(same);
  }
}
