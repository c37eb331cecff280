package io.chatform.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which {@code filters} and {@code additional_data} each webhook action takes, from the docs'
 * register_webhook tables; shared by the manifest checks and the emulator ({@code
 * register_webhook}, {@code list_webhook_names}) so all three agree.
 *
 * <p>Filters: the "Triggering actions" table (3.4, 3.5, 3.6, 3.7 agree action by action): chat
 * actions take {@code chat_presence}, {@code only_my_chats}, {@code source_type} ({@code
 * author_type} too on incoming_event and event_updated); {@code routing_status_set} takes {@code
 * agent_ids} and {@code source_type}; {@code customer_session_fields_updated} takes {@code
 * chat_presence} and {@code source_type}; configuration actions (groups, agents, bots, auto access,
 * tags) and {@code incoming_customer} take only {@code source_type}.
 *
 * <p>Additional data: the {@code additional_data} row says "all actions except for {@code
 * agent_status_changed}, {@code agent_deleted}" (3.4 and 3.5 add {@code incoming_customer}). {@code
 * agent_status_changed} was replaced by {@code routing_status_set} in 3.2 (changelog), so that one
 * is excluded too.
 */
public final class WebhookFilters {
  /** Every filter name the API knows, in the docs' parameter order. */
  public static final List<String> ALL =
      List.of("author_type", "only_my_chats", "chat_presence", "source_type", "agent_ids");

  /** The values of {@code additional_data}. */
  public static final List<String> ADDITIONAL_DATA =
      List.of("chat_properties", "chat_presence_user_ids");

  private static final Set<String> CONFIGURATION_PREFIXES =
      Set.of("group_", "agent_", "bot_", "auto_access", "tag_");

  private WebhookFilters() {}

  /** The filters {@code action} takes, in the order of the "Triggering actions" table. */
  public static List<String> forAction(String action) {
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

  /** True when {@code action} takes {@code additional_data} in {@code version}. */
  public static boolean takesAdditionalData(String action, ApiVersion version) {
    if (action.equals("agent_deleted") || action.equals("routing_status_set")) {
      return false;
    }
    return !(action.equals("incoming_customer") && !version.atLeast(ApiVersion.V3_6));
  }

  /** Configuration actions: about the account's setup, not a chat. */
  public static boolean isConfiguration(String action) {
    return CONFIGURATION_PREFIXES.stream().anyMatch(action::startsWith);
  }
}
