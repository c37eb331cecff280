package io.chatform.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/** Webhooks: register and unregister (no update: the planner plans a replace). */
final class WebhookWriter implements KindWriter {
  private static final List<String> FIELDS =
      List.of(
          "owner_client_id",
          "type",
          "action",
          "url",
          "secret_key",
          "description",
          "filters",
          "additional_data");

  @Override
  public void create(WriteContext ctx, ObjectNode desired, Optional<String> moveBefore) {
    desired = WebhookRules.withoutInertAuthorType(desired);
    ObjectNode body = Json.copyFields(desired, Json.object(), FIELDS);
    ctx.client().registerWebhook(body);
  }

  @Override
  public void update(
      WriteContext ctx, String liveId, ObjectNode desired, ObjectNode live, Optional<String> m) {
    replace(ctx, liveId, desired, live);
  }

  @Override
  public void delete(WriteContext ctx, String liveId, ObjectNode live) {
    ctx.client().unregisterWebhook(liveId, Json.text(live, "owner_client_id"));
  }
}
