package io.chatform.route;

import io.chatform.model.SourceLocation;
import java.time.DayOfWeek;
import java.util.List;

/**
 * One expectation from a manifest's {@code tests:} section, with where it was written so that a
 * failure points at {@code file:line:col}.
 */
public sealed interface Expectation {
  /** Where the expectation (the list item) starts. */
  SourceLocation at();

  /** {@code tests[i]}, or the item's {@code name} when it has one. */
  String label();

  /** {@code {visitor: {...}, routes_to: Billing | [Support, General]}}. */
  record RoutesTo(SourceLocation at, String label, Visitor visitor, List<String> groups)
      implements Expectation {
    public RoutesTo {
      groups = List.copyOf(groups);
    }
  }

  /**
   * {@code {group, staffed: {timezone, days, from, to, min_agents}}}; times in minutes of the day.
   */
  record Staffed(
      SourceLocation at,
      String label,
      String group,
      String timezone,
      List<DayOfWeek> days,
      int from,
      int to,
      int minAgents)
      implements Expectation {
    public Staffed {
      days = List.copyOf(days);
    }
  }
}
