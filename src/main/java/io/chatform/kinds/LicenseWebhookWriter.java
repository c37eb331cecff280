package io.chatform.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** License webhook state: enable or disable per Client ID; it always exists. */
final class LicenseWebhookWriter implements KindWriter {
  @Override
  public void create(WriteContext ctx, ObjectNode desired, Optional<String> moveBefore) {
    set(ctx, desired);
  }

  @Override
  public void update(
      WriteContext ctx, String liveId, ObjectNode desired, ObjectNode live, Optional<String> m) {
    set(ctx, desired);
  }

  @Override
  public void delete(WriteContext ctx, String liveId, ObjectNode live) {
    throw new UnsupportedOperationException("license webhook state cannot be deleted");
  }

  private static void set(WriteContext ctx, ObjectNode desired) {
    ctx.client()
        .setLicenseWebhooks(
            Json.text(desired, "owner_client_id"), desired.path("enabled").asBoolean());
  }
}
