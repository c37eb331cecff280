package io.chatform.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import java.util.Optional;

/** create_group / update_group / delete_group; membership is written on the agents' side. */
final class GroupWriter implements KindWriter {
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
    long id = ctx.client().createGroup(body);
    ctx.names().group(id, Json.text(desired, "name"));
  }

  @Override
  public void update(
      WriteContext ctx, String liveId, ObjectNode desired, ObjectNode live, Optional<String> m) {
    ObjectNode body = Json.object().put("id", Long.parseLong(liveId));
    if (desired.has("language_code")) {
      body.set("language_code", desired.get("language_code"));
    }
    ctx.client().updateGroup(body);
  }

  @Override
  public void delete(WriteContext ctx, String liveId, ObjectNode live) {
    ctx.client().deleteGroup(Long.parseLong(liveId));
    ctx.names().forgetGroup(Json.text(live, "name"));
  }
}
