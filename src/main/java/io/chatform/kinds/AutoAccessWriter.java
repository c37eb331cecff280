package io.chatform.kinds;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * Auto access rules. Placement uses the API's linked list: {@code next_id} names the rule that
 * follows; on create an absent next_id appends, on update {@code ""} moves the rule to the end.
 */
final class AutoAccessWriter implements KindWriter {
  @Override
  public void create(WriteContext ctx, ObjectNode desired, Optional<String> moveBefore) {
    ObjectNode body = body(ctx, desired);
    moveBefore.filter(m -> !m.isEmpty()).ifPresent(m -> body.put("next_id", ctx.ruleId(m)));
    String id = ctx.client().addAutoAccess(body);
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
    body.remove("description"); // the identity: unchanged
    moveBefore.ifPresent(m -> body.put("next_id", m.isEmpty() ? "" : ctx.ruleId(m)));
    ctx.client().updateAutoAccess(body);
  }

  @Override
  public void delete(WriteContext ctx, String liveId, ObjectNode live) {
    ctx.client().deleteAutoAccess(liveId);
    ctx.ruleDeleted(Json.text(live, "description"));
  }

  /** A move is an update that changes nothing but the place. */
  static void move(WriteContext ctx, String liveId, String before) {
    ObjectNode body = Json.object().put("id", liveId);
    body.put("next_id", before.isEmpty() ? "" : ctx.ruleId(before));
    ctx.client().updateAutoAccess(body);
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
}
