package io.chatform.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Agents, one by one or through the 3.5+ batch methods. */
final class AgentWriter implements KindWriter {
  @Override
  public void create(WriteContext ctx, ObjectNode desired, Optional<String> moveBefore) {
    ctx.client().createAgent(request(ctx, "create", null, desired, null));
  }

  @Override
  public void update(
      WriteContext ctx, String liveId, ObjectNode desired, ObjectNode live, Optional<String> m) {
    ctx.client().updateAgent(request(ctx, "update", liveId, desired, live));
  }

  @Override
  public void delete(WriteContext ctx, String liveId, ObjectNode live) {
    ctx.client().deleteAgent(liveId);
  }

  @Override
  public Optional<String> batchMethod(String verb) {
    return Optional.of("batch_" + verb + "_agents");
  }

  @Override
  public ObjectNode request(
      WriteContext ctx, String verb, String liveId, ObjectNode desired, ObjectNode live) {
    if (verb.equals("delete")) {
      return Json.object().put("id", liveId);
    }
    Set<String> skip = new HashSet<>();
    boolean v36 = ctx.version().atLeast(ApiVersion.V3_6);
    if (v36) {
      skip.add("avatar"); // gone from create and update in 3.6
    }
    if (verb.equals("update") && v36) {
      skip.add("name"); // set on create only in 3.6
    }
    ObjectNode body = MemberWriter.body(ctx, desired, live, skip, "normal");
    if (verb.equals("create") && !body.has("name")) {
      body.put("name", Json.text(desired, "id")); // required on create
    }
    return body;
  }
}
