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
  public ObjectNode normalize(ObjectNode given) {
    ObjectNode spec = withoutInertAuthorType(given);
    ObjectNode out = AgentRules.sortField(spec, "additional_data");
    if (!out.path("filters").isObject()) {
      return out;
    }
    // source_type, agent_ids and the chat_presence user ids are sets: their order must never
    // make a diff (and a webhook diff is a replace).
    out = out == spec ? spec.deepCopy() : out;
    ObjectNode filters = (ObjectNode) out.get("filters");
    out.set(
        "filters", AgentRules.sortField(AgentRules.sortField(filters, "source_type"), "agent_ids"));
    filters = (ObjectNode) out.get("filters");
    if (filters.path("chat_presence").path("user_ids").isObject()) {
      ObjectNode ids = (ObjectNode) filters.get("chat_presence").get("user_ids");
      ids = AgentRules.sortField(AgentRules.sortField(ids, "values"), "exclude_values");
      ((ObjectNode) filters.get("chat_presence")).set("user_ids", ids);
    }
    return out;
  }

  /**
   * {@code filters.author_type} works only on incoming_event and event_updated; on other actions
   * the manifest may carry it (the format's own example does) but it is never sent, so it must not
   * make a diff either.
   */
  static ObjectNode withoutInertAuthorType(ObjectNode spec) {
    if (!(spec.get("filters") instanceof ObjectNode filters)
        || !filters.has("author_type")
        || io.chatform.model.WebhookActions.acceptsAuthorType(Json.text(spec, "action"))) {
      return spec;
    }
    ObjectNode copy = spec.deepCopy();
    ObjectNode f = (ObjectNode) copy.get("filters");
    f.remove("author_type");
    return copy;
  }
}
