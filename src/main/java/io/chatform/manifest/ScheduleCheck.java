package io.chatform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.model.ApiVersion;
import java.util.HashMap;
import java.util.Map;

/**
 * Work schedules of agents and bots: a timezone where the API requires one, one slot a day in 3.4,
 * slots that end after they start and do not overlap. (Times themselves, 00:00 to 23:59, are the
 * schema's; the {@code enabled: true} default is {@link Defaults}'.)
 */
final class ScheduleCheck {
  private final SemanticCheck semantic;
  private final ApiVersion version;

  ScheduleCheck(SemanticCheck semantic, ApiVersion version) {
    this.semantic = semantic;
    this.version = version;
  }

  void check(Item item) {
    JsonNode ws = item.spec().get("work_scheduler");
    if (ws == null || !ws.isObject()) {
      return;
    }
    JsonNode schedule = ws.get("schedule");
    if (io.chatform.kinds.Kinds.of(item.kind()).scheduleNeedsTimezone() && !ws.has("timezone")) {
      semantic.report(
          item,
          "/work_scheduler",
          "a bot's work_scheduler needs a timezone",
          "add timezone: e.g. Europe/Warsaw");
    } else if (schedule != null
        && schedule.isArray()
        && !schedule.isEmpty()
        && !ws.has("timezone")) {
      semantic.report(
          item,
          "/work_scheduler",
          "a schedule needs a timezone",
          "add timezone: e.g. Europe/Warsaw");
    }
    if (schedule == null) {
      semantic.report(
          item,
          "/work_scheduler",
          "a work_scheduler needs a schedule (the API requires it)",
          "add schedule: [{day: monday, start: \"09:00\", end: \"17:00\"}], or leave"
              + " work_scheduler out for no working hours");
      return;
    }
    if (!schedule.isArray()) {
      return;
    }
    Map<String, Integer> days = new HashMap<>();
    for (int i = 0; i < schedule.size(); i++) {
      JsonNode slot = schedule.get(i);
      Integer first =
          slot.path("day").isTextual() ? days.putIfAbsent(slot.get("day").asText(), i) : null;
      if (first != null && !version.atLeast(ApiVersion.V3_5)) {
        // 3.4's work_scheduler is {<day>: {start, end}}: one slot a day.
        semantic.report(
            item,
            "/work_scheduler/schedule/" + i,
            "API "
                + version.label()
                + " allows one slot a day; "
                + slot.get("day").asText()
                + " already has one at "
                + item.at("/work_scheduler/schedule/" + first),
            "keep one slot per day or use --api-version 3.5 or later");
        continue;
      }
      JsonNode start = slot.get("start");
      JsonNode end = slot.get("end");
      if (start != null
          && end != null
          && start.isTextual()
          && end.isTextual()
          && start.asText().matches("\\d\\d:\\d\\d")
          && end.asText().matches("\\d\\d:\\d\\d")
          && start.asText().compareTo(end.asText()) >= 0) {
        semantic.report(
            item,
            "/work_scheduler/schedule/" + i + "/end",
            "end " + end.asText() + " is not after start " + start.asText(),
            "a slot must end after it starts");
      } else {
        overlap(item, schedule, i);
      }
    }
  }

  /** Two slots of one day that overlap are almost surely a typo (HH:MM strings sort as times). */
  private void overlap(Item item, JsonNode schedule, int i) {
    JsonNode a = schedule.get(i);
    for (int j = 0; j < i; j++) {
      JsonNode b = schedule.get(j);
      if (a.path("day").asText("?").equals(b.path("day").asText("!"))
          && a.path("start").isTextual()
          && a.path("end").isTextual()
          && b.path("start").isTextual()
          && b.path("end").isTextual()
          && a.path("start").asText().compareTo(b.path("end").asText()) < 0
          && b.path("start").asText().compareTo(a.path("end").asText()) < 0
          && b.path("start").asText().compareTo(b.path("end").asText()) < 0) {
        semantic.report(
            item,
            "/work_scheduler/schedule/" + i,
            "this "
                + a.path("day").asText()
                + " slot overlaps the one at "
                + item.at("/work_scheduler/schedule/" + j),
            "merge the two slots or make them not overlap");
        return;
      }
    }
  }
}
