package io.chatform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.kinds.Kinds;
import io.chatform.model.Kind;

/**
 * Values the manifest format fills in where the user may leave them out but the API requires them;
 * each is documented in docs/manifests.md, applied like a written value, and shown in the plan. A
 * kind's own such values are its {@code ResourceKind.fillIn}.
 */
final class Defaults {
  private Defaults() {}

  /**
   * create_agent / update_agent / create_bot: "work_scheduler.schedule[].enabled — bool — Required:
   * Yes". A slot written without it is meant to be in force, so it becomes {@code enabled: true}.
   */
  static void apply(Kind kind, ObjectNode spec) {
    Kinds.of(kind).fillIn(spec);
    if (!io.chatform.kinds.Kinds.of(kind).scheduled()) {
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
}
