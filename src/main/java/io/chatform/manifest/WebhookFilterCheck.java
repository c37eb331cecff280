package io.chatform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.model.ApiVersion;
import io.chatform.model.WebhookActions;
import io.chatform.model.WebhookFilters;
import java.util.Iterator;
import java.util.List;

/**
 * The per-action half of a webhook's check: a filter or {@code additional_data} the API refuses for
 * the webhook's action (the docs' "Triggering actions" table, shared with the emulator through
 * {@link WebhookFilters}) is reported at its place, so validate refuses what register_webhook
 * would.
 */
final class WebhookFilterCheck {
  private WebhookFilterCheck() {}

  static void check(SemanticCheck check, Item w, String action, ApiVersion version) {
    if (!WebhookActions.forVersion(version).contains(action)) {
      return; // the unknown action is reported on its own
    }
    List<String> allowed = WebhookFilters.forAction(action);
    JsonNode filters = w.spec().get("filters");
    if (filters != null && filters.isObject()) {
      for (Iterator<String> it = filters.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        // author_type elsewhere is accepted and left out of the API call (docs/manifests.md).
        if (f.equals("author_type") || !WebhookFilters.ALL.contains(f) || allowed.contains(f)) {
          continue;
        }
        check.reportKey(
            w,
            "/filters/" + f,
            "filter " + f + " is not available for action " + action,
            action + " takes " + String.join(", ", allowed) + "; remove " + f);
      }
    }
    JsonNode data = w.spec().get("additional_data");
    if (data != null
        && data.isArray()
        && !data.isEmpty()
        && !WebhookFilters.takesAdditionalData(action, version)) {
      check.reportKey(
          w,
          "/additional_data",
          "additional_data is not available for action " + action,
          "LiveChat sends it with every action except agent_deleted and routing_status_set"
              + (version.atLeast(ApiVersion.V3_6) ? "" : " (and incoming_customer)")
              + "; remove it");
    }
  }
}
