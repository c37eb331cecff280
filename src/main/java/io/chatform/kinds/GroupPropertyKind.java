package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.api.ApiMethod;
import io.chatform.api.LiveChatClient;
import io.chatform.model.ApiVersion;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import io.chatform.model.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;

/** Group property values: one object per (group name, namespace, name). */
public final class GroupPropertyKind extends PropertyValueKind implements GroupReferrer {

  @Override
  public List<Reference> references() {
    return List.of(Reference.groups("/group", false, 2), Reference.DEFINITION);
  }

  private static final ApiMethod<JsonNode> UPDATE = ApiMethod.update("update_group_properties");
  private static final ApiMethod<JsonNode> DELETE = ApiMethod.delete("delete_group_properties");

  GroupPropertyKind() {
    super(Kind.GROUP_PROPERTIES);
  }

  public static void updateGroupProperties(
      LiveChatClient client, long groupId, ObjectNode properties) {
    client.call(UPDATE, wrap(properties).put("group_id", groupId));
  }

  public static void deleteGroupProperties(
      LiveChatClient client, long groupId, ObjectNode properties) {
    // API quirk: the delete spells the group parameter `id`, the update `group_id`.
    client.call(DELETE, wrap(properties).put("id", groupId));
  }

  @Override
  public void check(ManifestCheck check, List<? extends Declared> declared) {
    check.propertyValues(declared, "group");
  }

  @Override
  void write(WriteContext ctx, ObjectNode spec, ObjectNode values) {
    updateGroupProperties(ctx.client(), ctx.groupId(Json.text(spec, "group")), values);
  }

  @Override
  void erase(WriteContext ctx, ObjectNode spec, ObjectNode names) {
    deleteGroupProperties(ctx.client(), ctx.groupId(Json.text(spec, "group")), names);
  }

  @Override
  public Listing list(Reading reading) {
    Future<List<ObjectNode>> answer =
        reading.submit(() -> reading.client().listGroupsProperties(List.of(), Optional.empty()));
    return () -> {
      List<LiveObject> out = new ArrayList<>();
      for (JsonNode g : Reading.get(answer)) {
        long id = g.path("id").asLong();
        ObjectNode group = Json.object().put("group", reading.names().groupName(id));
        shapeEach(g.path("properties"), reading, group, id + "/", out);
      }
      return out;
    };
  }

  /** Values move with their group; 3.4 lists them per group only (not read: noted in docs). */
  @Override
  public List<ObjectNode> readRaw(LiveChatClient client, Set<String> owners) {
    return client.version().atLeast(ApiVersion.V3_5)
        ? client.listGroupsProperties(List.of(), Optional.empty())
        : List.of();
  }

  @Override
  public Stage stage() {
    return Stage.VALUES;
  }

  @Override
  public List<String> naming(List<ObjectNode> raw, long group) {
    List<String> out = new ArrayList<>();
    values(raw, group)
        .fields()
        .forEachRemaining(
            ns -> ns.getValue().fieldNames().forEachRemaining(n -> out.add(ns.getKey() + "/" + n)));
    return out;
  }

  private static ObjectNode values(List<ObjectNode> raw, long group) {
    for (ObjectNode entry : raw) {
      if (entry.path("id").asLong(-1) == group && entry.path("properties").isObject()) {
        return (ObjectNode) entry.path("properties");
      }
    }
    return Json.object();
  }

  /** The extra's values the keeper has no value of its own for are written to the keeper. */
  @Override
  public List<RepairStep> move(List<ObjectNode> raw, long extra, long keeper) {
    ObjectNode from = values(raw, extra);
    ObjectNode to = values(raw, keeper);
    ObjectNode moved = Json.object();
    from.fields()
        .forEachRemaining(
            ns ->
                ns.getValue()
                    .fields()
                    .forEachRemaining(
                        v -> {
                          if (!to.path(ns.getKey()).has(v.getKey())) {
                            moved.with(ns.getKey()).set(v.getKey(), v.getValue().deepCopy());
                          }
                        }));
    if (moved.isEmpty()) {
      return List.of();
    }
    ObjectNode body = Json.object().put("group_id", keeper);
    body.set("properties", moved);
    return List.of(
        new RepairStep(
            "group " + keeper + ": take over property values " + moved + " from group " + extra,
            "update_group_properties",
            body));
  }
}
