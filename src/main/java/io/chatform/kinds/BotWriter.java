package io.chatform.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/** Bots; secrets returned by create are dropped on the spot, never stored or printed. */
final class BotWriter implements KindWriter {
  @Override
  public void create(WriteContext ctx, ObjectNode desired, Optional<String> moveBefore) {
    ctx.client().createBot(request(ctx, "create", null, desired, null));
  }

  @Override
  public void update(
      WriteContext ctx, String liveId, ObjectNode desired, ObjectNode live, Optional<String> m) {
    ctx.client().updateBot(request(ctx, "update", liveId, desired, live));
  }

  @Override
  public void delete(WriteContext ctx, String liveId, ObjectNode live) {
    ctx.client().deleteBot(liveId);
  }

  @Override
  public Optional<String> batchMethod(String verb) {
    return verb.equals("create") ? Optional.empty() : Optional.of("batch_" + verb + "_bots");
  }

  @Override
  public ObjectNode request(
      WriteContext ctx, String verb, String liveId, ObjectNode desired, ObjectNode live) {
    if (verb.equals("delete")) {
      return Json.object().put("id", liveId);
    }
    Set<String> skip = new HashSet<>();
    if (!ctx.version().atLeast(ApiVersion.V3_6)) {
      skip.add("type");
    }
    if (verb.equals("update")) {
      skip.add("owner_client_id");
    }
    String priority = desired.path("default_group_priority").asText("normal");
    ObjectNode body = MemberWriter.body(ctx, desired, live, skip, priority);
    if (liveId != null) {
      body.put("id", liveId);
    }
    return body;
  }
}
