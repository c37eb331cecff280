package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Converts {@code work_scheduler} between its per-version shapes: 3.4 has one slot a day ({@code
 * {<day>: {start, end}}}), 3.5+ has {@code {timezone, schedule: [{day, enabled, start, end}]}}. The
 * emulator stores the 3.5 shape and renders whichever the caller's version speaks.
 */
final class WorkScheduler {
  static final Set<String> DAYS =
      Set.of("sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday");
  private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

  private WorkScheduler() {}

  /** Validates {@code body.work_scheduler} for the version and returns the stored (3.5) shape. */
  static ObjectNode parse(JsonNode ws, ApiVersion version) {
    return parse(ws, version, false);
  }

  /**
   * As above; {@code timezoneRequired} for bots, whose create_bot and update_bot mark {@code
   * work_scheduler.timezone} required without the agents' "only when schedule is not empty".
   */
  static ObjectNode parse(JsonNode ws, ApiVersion version, boolean timezoneRequired) {
    if (!ws.isObject()) {
      throw ApiError.validation("`work_scheduler` must be an object");
    }
    ObjectNode out = Params.object();
    var schedule = out.putArray("schedule");
    if (!version.atLeast(ApiVersion.V3_5)) {
      var it = ws.fields();
      while (it.hasNext()) {
        var e = it.next();
        String at = "work_scheduler." + e.getKey();
        if (!DAYS.contains(e.getKey())) {
          throw ApiError.validation("`" + at + "` is not a day of the week");
        }
        ObjectNode slot = schedule.addObject().put("day", e.getKey()).put("enabled", true);
        slot.put("start", time(e.getValue(), at + ".start", "start"));
        slot.put("end", time(e.getValue(), at + ".end", "end"));
      }
      return out;
    }
    JsonNode tz = ws.get("timezone");
    if (tz != null && !tz.isNull() && !tz.isTextual()) {
      throw ApiError.validation("`work_scheduler.timezone` must be a string");
    }
    JsonNode sched = ws.path("schedule");
    if (sched.isMissingNode()) {
      // create_agent: work_scheduler.schedule "Required: Yes" (bots refer to the same table).
      throw ApiError.validation("`work_scheduler.schedule` is required");
    }
    if (!sched.isArray()) {
      throw ApiError.validation("`work_scheduler.schedule` must be an array");
    }
    for (int i = 0; i < sched.size(); i++) {
      JsonNode s = sched.get(i);
      String at = "work_scheduler.schedule[" + i + "]";
      if (!s.isObject()) {
        throw ApiError.validation("`" + at + "` must be an object");
      }
      if (!DAYS.contains(s.path("day").asText())) {
        throw ApiError.validation("`" + at + ".day` must be a day of the week");
      }
      if (!s.path("enabled").isBoolean()) {
        throw ApiError.validation("`" + at + ".enabled` is required and must be a boolean");
      }
      schedule
          .addObject()
          .put("day", s.get("day").asText())
          .put("enabled", s.get("enabled").asBoolean())
          .put("start", time(s, at + ".start", "start"))
          .put("end", time(s, at + ".end", "end"));
    }
    String timezone = tz == null || tz.isNull() ? "" : tz.asText();
    if ((timezoneRequired || !schedule.isEmpty()) && timezone.isEmpty()) {
      throw ApiError.validation(
          "`work_scheduler.timezone` is required when `schedule` is not empty");
    }
    out.put("timezone", timezone);
    return out;
  }

  private static String time(JsonNode slot, String at, String field) {
    JsonNode t = slot.get(field);
    if (t == null || !t.isTextual() || !TIME.matcher(t.asText()).matches()) {
      throw ApiError.validation("`" + at + "` is required and must be HH:MM");
    }
    return t.asText();
  }

  /** Renders the stored shape for the caller's version (3.4: first enabled slot per day). */
  static ObjectNode render(JsonNode stored, ApiVersion version) {
    if (version.atLeast(ApiVersion.V3_5)) {
      ObjectNode out = Params.object();
      out.put("timezone", stored.path("timezone").asText(""));
      out.set(
          "schedule",
          stored.path("schedule").isArray() ? stored.get("schedule").deepCopy() : Params.array());
      return out;
    }
    ObjectNode out = Params.object();
    for (JsonNode s : stored.path("schedule")) {
      String day = s.get("day").asText();
      if (s.get("enabled").asBoolean() && !out.has(day)) {
        out.putObject(day).put("start", s.get("start").asText()).put("end", s.get("end").asText());
      }
    }
    return out;
  }
}
