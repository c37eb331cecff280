package io.chatform.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import io.chatform.model.WebhookActions;
import java.util.List;
import java.util.Set;

/**
 * The {@code list_webhook_names} catalogue: each action of a version with the filters and
 * additional data it accepts, derived from {@link WebhookActions} so it never disagrees with {@code
 * register_webhook}.
 */
final class WebhookNames {
  // Configuration events (groups, agents, bots, auto access, tags) are not about a chat, so the
  // chat filters and chat additional data do not apply to them.
  private static final Set<String> CONFIGURATION_PREFIXES =
      Set.of("group_", "agent_", "bot_", "auto_access", "tag_");

  private WebhookNames() {}

  static ArrayNode forVersion(ApiVersion version) {
    ArrayNode out = BodyFields.JSON.arrayNode();
    for (String action : WebhookActions.forVersion(version)) {
      ObjectNode item = out.addObject();
      item.put("action", action);
      ArrayNode filters = item.putArray("filters");
      ArrayNode additional = item.putArray("additional_data");
      if (isConfiguration(action)) {
        continue;
      }
      if (WebhookActions.acceptsAuthorType(action)) {
        filters.add("author_type");
      }
      List.of("only_my_chats", "chat_presence", "source_type").forEach(filters::add);
      List.of("chat_properties", "chat_presence_user_ids").forEach(additional::add);
    }
    return out;
  }

  private static boolean isConfiguration(String action) {
    return CONFIGURATION_PREFIXES.stream().anyMatch(action::startsWith);
  }
}
