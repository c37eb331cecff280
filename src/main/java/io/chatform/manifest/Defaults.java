package io.chatform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Kind;

/**
 * Values the manifest format fills in where the user may leave them out but the API requires them;
 * each is documented in docs/manifests.md, applied like a written value, and shown in the plan.
 */
final class Defaults {
  private Defaults() {}

  /**
   * create_agent / update_agent / create_bot: "work_scheduler.schedule[].enabled — bool — Required:
   * Yes". A slot written without it is meant to be in force, so it becomes {@code enabled: true}.
   */
  static void apply(Kind kind, ObjectNode spec) {
    if (kind == Kind.CANNED_RESPONSES) {
      cannedResponse(spec);
      return;
    }
    if (kind != Kind.AGENTS && kind != Kind.BOTS) {
      return;
    }
    JsonNode schedule = spec.path("work_scheduler").path("schedule");
    if (!schedule.isArray()) {
      return;
    }
    for (JsonNode slot : schedule) {
      if (slot instanceof ObjectNode o && !o.has("enabled")) {
        o.put("enabled", true);
      }
    }
  }

  /**
   * create_canned_response takes a group_id (required) and tags (required): a response written
   * without {@code group} belongs to "General" (group 0), and without {@code key} its key, the
   * identity within the group, is its first tag.
   */
  private static void cannedResponse(ObjectNode spec) {
    if (!spec.has("group")) {
      spec.put("group", "General");
    }
    JsonNode first = spec.path("tags").path(0);
    if (!spec.has("key") && first.isTextual()) {
      spec.put("key", first.asText());
    }
  }
}
