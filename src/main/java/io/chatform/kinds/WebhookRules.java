package io.chatform.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Kind;
import java.util.Set;

/**
 * Webhooks: no update method, so any change is a replace; {@code secret_key} is never returned by
 * the API, so it is written on create but cannot be compared.
 */
public final class WebhookRules implements KindRules {
  @Override
  public Kind kind() {
    return Kind.WEBHOOKS;
  }

  @Override
  public Set<String> identityFields() {
    return Set.of("owner_client_id", "type", "action", "url");
  }

  @Override
  public boolean replaces(String field) {
    return true;
  }

  @Override
  public Set<String> writeOnlyFields() {
    return Set.of("secret_key");
  }

  @Override
  public ObjectNode normalize(ObjectNode spec) {
    return AgentRules.sortField(spec, "additional_data");
  }
}
