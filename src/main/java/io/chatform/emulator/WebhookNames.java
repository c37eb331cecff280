package io.chatform.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import io.chatform.model.WebhookActions;
import io.chatform.model.WebhookFilters;
import java.util.List;

/**
 * The {@code list_webhook_names} catalogue: each action of a version with the filters and
 * additional data it accepts, derived from {@link WebhookActions} and {@link WebhookFilters} so it
 * never disagrees with {@code register_webhook}.
 */
final class WebhookNames {
  private WebhookNames() {}

  /**
   * Each action with its filters ("Triggering actions" table) and additional data (the {@code
   * additional_data} row of register_webhook). Empty lists are left out, as in the documented
   * payloads ({@code {"action":"incoming_customer"}}) and the Go SDK's {@code omitempty}.
   */
  static ArrayNode forVersion(ApiVersion version) {
    ArrayNode out = BodyFields.JSON.arrayNode();
    for (String action : WebhookActions.forVersion(version)) {
      ObjectNode item = out.addObject();
      item.put("action", action);
      List<String> filters = filters(action);
      if (!filters.isEmpty()) {
        filters.forEach(item.putArray("filters")::add);
      }
      if (WebhookFilters.takesAdditionalData(action, version)) {
        WebhookFilters.ADDITIONAL_DATA.forEach(item.putArray("additional_data")::add);
      }
    }
    return out;
  }

  /** The filters {@code register_webhook} accepts for {@code action}. */
  static List<String> filters(String action) {
    return WebhookFilters.forAction(action);
  }
}
