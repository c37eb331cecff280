package io.chatform.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Property definitions: register, publish (irreversible), unregister. There is no update: the
 * planner turns any other change into a replace.
 */
final class PropertyWriter implements KindWriter {
  private static final List<String> FIELDS =
      List.of(
          "owner_client_id",
          "name",
          "type",
          "access",
          "description",
          "domain",
          "range",
          "default_value");

  @Override
  public void create(WriteContext ctx, ObjectNode desired, Optional<String> moveBefore) {
    ObjectNode body = Json.copyFields(desired, Json.object(), FIELDS);
    ctx.client().registerProperty(body);
    publish(ctx, desired);
  }

  @Override
  public void update(
      WriteContext ctx, String liveId, ObjectNode desired, ObjectNode live, Optional<String> m) {
    publish(ctx, desired); // the only change a definition allows in place
  }

  @Override
  public void delete(WriteContext ctx, String liveId, ObjectNode live) {
    ctx.client().unregisterProperty(Json.text(live, "owner_client_id"), Json.text(live, "name"));
  }

  private static void publish(WriteContext ctx, ObjectNode desired) {
    List<String> access = new ArrayList<>();
    PropertyRules.publishList(desired.get("publish")).forEach(a -> access.add(a.asText()));
    if (!access.isEmpty()) {
      ctx.client()
          .publishProperty(
              Json.text(desired, "owner_client_id"), Json.text(desired, "name"), access);
    }
  }
}
