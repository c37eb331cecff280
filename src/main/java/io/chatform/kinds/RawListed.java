package io.chatform.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.api.LiveChatClient;
import java.util.List;
import java.util.Set;

/**
 * A kind whose live objects a repair reads as the API lists them, with ids (not the
 * manifest-shaped, name-based snapshot a plan uses): duplicates share a name, so only ids can tell
 * which object a rule or membership means.
 */
public interface RawListed {
  /**
   * The kind's live objects with ids, and the fields a merge reads ({@code groups} of members, …);
   * of app-owned kinds only those of {@code owners}. Empty where the API version cannot list them
   * the way a merge needs.
   */
  List<ObjectNode> readRaw(LiveChatClient client, Set<String> owners);
}
