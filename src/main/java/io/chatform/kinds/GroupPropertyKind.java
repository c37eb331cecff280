package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.api.ApiMethod;
import io.chatform.api.LiveChatClient;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;

/** Group property values: one object per (group name, namespace, name). */
public final class GroupPropertyKind extends PropertyValueKind {

  @Override
  public java.util.List<io.chatform.model.Reference> references() {
    return java.util.List.of(
        io.chatform.model.Reference.groups("/group", false, 2),
        io.chatform.model.Reference.DEFINITION);
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
}
