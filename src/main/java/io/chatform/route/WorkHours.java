package io.chatform.route;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads a {@code work_scheduler} ({@code {timezone, schedule: [{day, enabled, start, end}]}}) to
 * say whether an agent or bot is on duty at an instant, using the JDK's time-zone rules (so
 * daylight saving time moves the hours as it does for the agent).
 */
public final class WorkHours {
  private WorkHours() {}

  /** Whether {@code member} has a schedule at all; members without one are never "scheduled". */
  public static boolean hasSchedule(Member member) {
    return member.workScheduler().path("schedule").size() > 0;
  }

  /**
   * True when an enabled slot of the member's schedule covers {@code at} in the schedule's time
   * zone: {@code start <= time < end} by the minute, with an end of {@code 23:59} covering the
   * whole last minute of the day. A slot whose end is not after its start covers nothing; a missing
   * {@code enabled} counts as enabled; an unknown time zone means not scheduled.
   */
  public static boolean onDuty(Member member, Instant at) {
    JsonNode ws = member.workScheduler();
    if (!hasSchedule(member)) {
      return false;
    }
    ZoneId zone;
    try {
      zone = ZoneId.of(ws.path("timezone").asText("UTC"));
    } catch (DateTimeException e) {
      return false;
    }
    ZonedDateTime local = at.atZone(zone);
    String day = dayName(local.getDayOfWeek());
    int minute = local.getHour() * 60 + local.getMinute();
    for (JsonNode slot : ws.path("schedule")) {
      if (!slot.path("day").asText().equalsIgnoreCase(day)
          || !slot.path("enabled").asBoolean(true)) {
        continue;
      }
      int start = minutes(slot.path("start").asText(""));
      int end = minutes(slot.path("end").asText(""));
      if (end == 23 * 60 + 59) {
        end = 24 * 60;
      }
      if (start >= 0 && end > start && minute >= start && minute < end) {
        return true;
      }
    }
    return false;
  }

  static int minutes(String hhmm) {
    if (hhmm.equals("24:00")) {
      return 24 * 60;
    }
    try {
      LocalTime t = LocalTime.parse(hhmm);
      return t.getHour() * 60 + t.getMinute();
    } catch (DateTimeParseException e) {
      return -1;
    }
  }

  /** The day names the API uses ({@code monday}…), for a JDK day. */
  public static String dayName(DayOfWeek d) {
    return d.name().toLowerCase(Locale.ROOT);
  }
}
