package io.chatform.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The webhook actions each API version accepts (what {@code list_webhook_names} answers), shared by
 * manifest validation and the emulator so both agree on one list.
 */
public final class WebhookActions {
  private static final List<String> V36 =
      List.of(
          "incoming_chat",
          "chat_deactivated",
          "chat_access_updated",
          "chat_transferred",
          "user_added_to_chat",
          "user_removed_from_chat",
          "incoming_event",
          "event_deleted",
          "event_updated",
          "incoming_rich_message_postback",
          "chat_properties_updated",
          "chat_properties_deleted",
          "thread_properties_updated",
          "thread_properties_deleted",
          "event_properties_updated",
          "event_properties_deleted",
          "thread_tagged",
          "thread_untagged",
          "routing_status_set",
          "customer_session_fields_updated",
          "events_marked_as_seen",
          "group_created",
          "group_updated",
          "group_deleted",
          "agent_created",
          "agent_updated",
          "agent_deleted",
          "agent_suspended",
          "agent_unsuspended",
          "agent_approved",
          "bot_created",
          "bot_updated",
          "bot_deleted",
          "auto_accesses_updated",
          "tag_created",
          "tag_deleted",
          "tag_updated",
          "thread_summary_set");

  private WebhookActions() {}

  /** The actions valid in {@code version}, in the documented order. */
  public static List<String> forVersion(ApiVersion version) {
    List<String> out = new ArrayList<>(V36);
    if (version.atLeast(ApiVersion.V3_6)) { // 3.7's table is 3.6's, row for row
      return List.copyOf(out);
    }
    out.removeAll(Set.of("event_deleted", "thread_summary_set"));
    out.add(out.indexOf("incoming_event"), "incoming_customer");
    if (version == ApiVersion.V3_4) {
      out.removeIf(a -> a.startsWith("tag_"));
      int i = out.indexOf("auto_accesses_updated");
      out.remove(i);
      out.addAll(i, List.of("auto_access_added", "auto_access_updated", "auto_access_deleted"));
    }
    return List.copyOf(out);
  }

  /** Actions whose webhooks accept {@code filters.author_type}. */
  public static boolean acceptsAuthorType(String action) {
    return action.equals("incoming_event") || action.equals("event_updated");
  }
}
