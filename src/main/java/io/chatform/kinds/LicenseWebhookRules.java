package io.chatform.kinds;

import io.chatform.model.Kind;
import java.util.Set;

/** License webhook state per Client ID: always exists, only ever updated (enabled or not). */
public final class LicenseWebhookRules implements KindRules {
  @Override
  public Kind kind() {
    return Kind.LICENSE_WEBHOOKS;
  }

  @Override
  public Set<String> identityFields() {
    return Set.of("owner_client_id");
  }
}
