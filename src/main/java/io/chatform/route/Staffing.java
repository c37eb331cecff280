package io.chatform.route;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A group's week as a grid of hours × weekdays: how many of its members (not supervisors) are
 * scheduled in each hour. Used by the lint's unstaffed-hours check and the report's heatmap.
 */
public final class Staffing {
  private Staffing() {}

  /** The winter reference week (starts on a Monday); see {@link ExpectationRunner}. */
  static final LocalDate WEEK = LocalDate.of(2026, 1, 5);

  /** A group's grid, in {@code zone}: {@code counts[day 0=monday][hour]}. */
  public record Week(String group, ZoneId zone, int[][] counts) {
    public int at(DayOfWeek day, int hour) {
      return counts[day.getValue() - 1][hour];
    }
  }

  /**
   * Members scheduled at any quarter-hour of each hour (distinct members per hour), in the time
   * zone most of the group's scheduled members use (UTC when none has a schedule).
   */
  public static Week week(RoutingModel model, String group) {
    List<Member> serving = model.serving(group);
    ZoneId zone = zoneOf(serving);
    int[][] counts = new int[7][24];
    for (int d = 0; d < 7; d++) {
      for (int h = 0; h < 24; h++) {
        Set<String> on = new HashSet<>();
        for (int q = 0; q < 60; q += 15) {
          Instant at = WEEK.plusDays(d).atTime(h, q).atZone(zone).toInstant();
          for (Member m : serving) {
            if (WorkHours.onDuty(m, at)) {
              on.add(m.id());
            }
          }
        }
        counts[d][h] = on.size();
      }
    }
    return new Week(group, zone, counts);
  }

  static ZoneId zoneOf(List<Member> members) {
    Map<String, Integer> votes = new HashMap<>();
    for (Member m : members) {
      if (WorkHours.hasSchedule(m)) {
        votes.merge(m.workScheduler().path("timezone").asText("UTC"), 1, Integer::sum);
      }
    }
    return votes.entrySet().stream()
        .sorted(
            Comparator.<Map.Entry<String, Integer>>comparingInt(Map.Entry::getValue)
                .reversed()
                .thenComparing(Map.Entry::getKey))
        .map(e -> safeZone(e.getKey()))
        .findFirst()
        .orElse(ZoneId.of("UTC"));
  }

  private static ZoneId safeZone(String id) {
    try {
      return ZoneId.of(id);
    } catch (java.time.DateTimeException e) {
      return ZoneId.of("UTC");
    }
  }
}
