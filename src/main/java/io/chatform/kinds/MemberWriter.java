package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Set;

/** Shared by agents and bots: builds API bodies from declared manifest fields. */
final class MemberWriter {
  private MemberWriter() {}

  /**
   * Copies the declared fields of {@code desired} except {@code skip}, translating {@code groups}
   * names to ids (keeping live General membership the manifest does not mention).
   */
  static ObjectNode body(
      WriteContext ctx,
      ObjectNode desired,
      JsonNode live,
      Set<String> skip,
      String defaultPriority) {
    ObjectNode body = Json.object();
    for (Iterator<String> it = desired.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (skip.contains(f)) {
        continue;
      }
      if (f.equals("groups")) {
        body.set(
            "groups",
            ctx.memberships(desired.get(f), live == null ? null : live.get(f), defaultPriority));
      } else {
        body.set(f, desired.get(f).deepCopy());
      }
    }
    return body;
  }
}
