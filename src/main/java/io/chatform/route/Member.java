package io.chatform.route;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * An agent or a bot as routing sees it: which groups it serves at which priority, how many chats it
 * takes and when it works.
 *
 * @param id the agent's e-mail, or the bot's {@code owner_client_id/name}
 * @param groups group name → priority ({@code first|normal|last|supervisor})
 * @param workScheduler the manifest-shaped {@code work_scheduler}, or a missing node when none
 * @param location where it was declared (or {@code live:agents}/{@code live:bots})
 */
public record Member(
    String id,
    String name,
    boolean bot,
    int maxChats,
    Map<String, String> groups,
    JsonNode workScheduler,
    io.chatform.model.SourceLocation location) {
  public Member {
    groups = Map.copyOf(groups);
  }

  /** Supervisors never get chats assigned automatically (API docs, groups[].priority). */
  public boolean takesChatsIn(String group) {
    String p = groups.get(group);
    return p != null && !p.equals("supervisor");
  }

  public String label() {
    return (bot ? "bot " : "") + (name.isEmpty() ? id : name) + (bot ? "" : " <" + id + ">");
  }
}
