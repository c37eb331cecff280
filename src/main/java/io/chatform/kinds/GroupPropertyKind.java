package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;

/** Group property values: one object per (group name, namespace, name). */
final class GroupPropertyKind extends PropertyValueKind {
  GroupPropertyKind() {
    super(Kind.GROUP_PROPERTIES);
  }

  @Override
  void write(WriteContext ctx, ObjectNode spec, ObjectNode values) {
    ctx.client().updateGroupProperties(ctx.groupId(Json.text(spec, "group")), values);
  }

  @Override
  void erase(WriteContext ctx, ObjectNode spec, ObjectNode names) {
    ctx.client().deleteGroupProperties(ctx.groupId(Json.text(spec, "group")), names);
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
