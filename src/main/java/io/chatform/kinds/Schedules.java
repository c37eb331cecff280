package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import io.chatform.model.Json;

/** Work schedules compare as sets of slots: the API does not promise an order. */
final class Schedules {
  private Schedules() {}

  /**
   * A schedule never set, as the API renders it and as chatform writes it to clear one: 3.5+ {@code
   * {timezone: "", schedule: []}} (the docs: {@code timezone} is required only when {@code
   * schedule} is not empty, an empty one falls back to the agent's), 3.4 {@code {}} (no day).
   */
  static JsonNode none(ApiVersion version) {
    ObjectNode none = Json.object();
    if (version.atLeast(ApiVersion.V3_5)) {
      none.put("timezone", "");
      none.putArray("schedule");
    }
    return none;
  }

  /** Slots sorted; an empty schedule compares as none, whatever time zone it names. */
  static ObjectNode normalize(ObjectNode spec) {
    JsonNode ws = spec.get("work_scheduler");
    if (ws == null || !ws.isObject() || !ws.path("schedule").isArray()) {
      return spec;
    }
    ObjectNode copy = spec.deepCopy();
    ObjectNode w = (ObjectNode) copy.get("work_scheduler");
    w.set("schedule", Json.sorted(w.get("schedule")));
    if (w.get("schedule").isEmpty() && w.has("timezone")) {
      // No working hours: the time zone they would be read in is no setting of its own (a bot's
      // schedule is cleared keeping its time zone, which the API requires there).
      w.put("timezone", "");
    }
    return copy;
  }
}
