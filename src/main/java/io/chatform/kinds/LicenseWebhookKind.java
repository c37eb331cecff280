package io.chatform.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Kind;
import java.util.Optional;

/**
 * License webhook state per Client ID: always exists, so it is only ever set (enabled or not) and
 * never deleted; it is set once the app's webhooks are registered.
 */
final class LicenseWebhookKind implements ResourceKind, Setter {
  @Override
  public Kind kind() {
    return Kind.LICENSE_WEBHOOKS;
  }

  @Override
  public Optional<String> writtenAfter() {
    return Optional.of("webhooks");
  }

  @Override
  public void set(WriteContext ctx, ObjectNode desired) {
    ctx.client()
        .setLicenseWebhooks(
            Json.text(desired, "owner_client_id"), desired.path("enabled").asBoolean());
  }
}
