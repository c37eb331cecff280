package io.chatform.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import io.chatform.model.WebhookActions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The {@code list_webhook_names} catalogue: each action of a version with the filters and
 * additional data it accepts, derived from {@link WebhookActions} so it never disagrees with {@code
 * register_webhook}.
 */
final class WebhookNames {
  // Configuration events (groups, agents, bots, auto access, tags) are not about a chat: the 3.6
  // register_webhook table lists only `source_type` for them, and no chat additional data.
  private static final Set<String> CONFIGURATION_PREFIXES =
      Set.of("group_", "agent_", "bot_", "auto_access", "tag_");
  private static final List<String> CHAT_DATA =
      List.of("chat_properties", "chat_presence_user_ids");

  private WebhookNames() {}

  /**
   * Each action with its filters and additional data as the 3.6 "Triggering actions" table lists
   * them (older versions use the same table: their docs are no more precise). Empty lists are left
   * out, as in the documented payloads ({@code {"action":"incoming_customer"}}) and the Go SDK's
   * {@code omitempty}.
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
      if (acceptsChatData(action)) {
        CHAT_DATA.forEach(item.putArray("additional_data")::add);
      }
    }
    return out;
  }

  /** The filters {@code register_webhook} accepts for {@code action}. */
  static List<String> filters(String action) {
    if (isConfiguration(action) || action.equals("incoming_customer")) {
      return List.of("source_type");
    }
    if (action.equals("routing_status_set")) {
      return List.of("agent_ids", "source_type");
    }
    if (action.equals("customer_session_fields_updated")) {
      return List.of("chat_presence", "source_type");
    }
    List<String> out = new ArrayList<>(List.of("chat_presence"));
    if (WebhookActions.acceptsAuthorType(action)) {
      out.add("author_type");
    }
    out.addAll(List.of("only_my_chats", "source_type"));
    return List.copyOf(out);
  }

  // register_webhook: additional data for "all actions except for agent_status_changed,
  // agent_deleted, incoming_customer"; the documented list_webhook_names payloads show none for
  // non-chat actions, so only chat actions advertise it.
  private static boolean acceptsChatData(String action) {
    return !isConfiguration(action)
        && !action.equals("incoming_customer")
        && !action.equals("routing_status_set");
  }

  private static boolean isConfiguration(String action) {
    return CONFIGURATION_PREFIXES.stream().anyMatch(action::startsWith);
  }
}
