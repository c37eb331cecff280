package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Json;

/** Work schedules compare as sets of slots: the API does not promise an order. */
final class Schedules {
  private Schedules() {}

  static ObjectNode normalize(ObjectNode spec) {
    JsonNode ws = spec.get("work_scheduler");
    if (ws == null || !ws.isObject() || !ws.path("schedule").isArray()) {
      return spec;
    }
    ObjectNode copy = spec.deepCopy();
    ObjectNode w = (ObjectNode) copy.get("work_scheduler");
    w.set("schedule", Json.sorted(w.get("schedule")));
    return copy;
  }
}
