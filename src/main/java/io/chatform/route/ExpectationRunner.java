package io.chatform.route;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Runs manifest expectations against a routing model and words each failure so that the reader
 * knows what happened instead and what to change.
 */
public final class ExpectationRunner {
  private ExpectationRunner() {}

  /**
   * Staffing is checked on two reference weeks, one in winter and one in summer (both starting on a
   * Monday), so that schedules in zones with different daylight-saving rules are checked in both
   * regimes.
   */
  static final List<LocalDate> REFERENCE_WEEKS =
      List.of(LocalDate.of(2026, 1, 5), LocalDate.of(2026, 7, 6));

  /** Empty when the expectation holds, else what failed. */
  public static Optional<String> check(RoutingModel model, Expectation e) {
    if (e instanceof Expectation.RoutesTo r) {
      return routesTo(model, r);
    }
    return staffed(model, (Expectation.Staffed) e);
  }

  private static Optional<String> routesTo(RoutingModel model, Expectation.RoutesTo e) {
    RouteResult r = Router.route(model, e.visitor());
    // The listed groups must be exactly the routed ones (order aside): a rule that also sends the
    // chat to a second group is a change a reviewer should see.
    if (new HashSet<>(r.groups()).equals(new HashSet<>(e.groups()))) {
      return Optional.empty();
    }
    String by = r.rule().map(x -> "rule '" + x.description() + "'").orElse("no rule (the default)");
    String unknown =
        e.groups().stream()
            .filter(g -> !model.groups().contains(g))
            .map(g -> " ('" + g + "' is not a declared group)")
            .findFirst()
            .orElse("");
    return Optional.of(
        "visitor "
            + e.visitor().describe()
            + " routes to "
            + r.groups()
            + " by "
            + by
            + ", expected "
            + e.groups()
            + unknown);
  }

  private static Optional<String> staffed(RoutingModel model, Expectation.Staffed e) {
    if (!model.groups().contains(e.group())) {
      return Optional.of("group '" + e.group() + "' is not declared in the manifests");
    }
    ZoneId zone;
    try {
      zone = ZoneId.of(e.timezone());
    } catch (DateTimeException ex) {
      return Optional.of(
          "unknown timezone '" + e.timezone() + "': use an IANA name such as Europe/Berlin");
    }
    if (e.from() < 0 || e.to() <= e.from()) {
      return Optional.of("staffed.from must be before staffed.to");
    }
    List<Member> serving = model.serving(e.group());
    List<String> gaps = new ArrayList<>();
    for (LocalDate monday : REFERENCE_WEEKS) {
      for (DayOfWeek day : new TreeSet<>(e.days())) {
        LocalDate date = monday.plusDays(day.getValue() - 1L);
        int gapStart = -1;
        int fewest = Integer.MAX_VALUE;
        for (int m = e.from(); m <= e.to(); m++) {
          int on = m == e.to() ? Integer.MAX_VALUE : onDuty(serving, date, m, zone);
          if (on < e.minAgents()) {
            gapStart = gapStart < 0 ? m : gapStart;
            fewest = Math.min(fewest, on);
          } else if (gapStart >= 0) {
            gaps.add(
                WorkHours.dayName(day)
                    + " "
                    + hhmm(gapStart)
                    + "-"
                    + hhmm(m)
                    + " ("
                    + fewest
                    + " scheduled, week of "
                    + monday
                    + ")");
            gapStart = -1;
            fewest = Integer.MAX_VALUE;
          }
        }
      }
    }
    Set<String> unique = new java.util.LinkedHashSet<>(gaps);
    if (unique.isEmpty()) {
      return Optional.empty();
    }
    List<String> shown = unique.stream().limit(3).toList();
    return Optional.of(
        "group "
            + e.group()
            + " has fewer than "
            + e.minAgents()
            + " agents scheduled ("
            + e.timezone()
            + ") on "
            + String.join(", ", shown)
            + (unique.size() > shown.size()
                ? " and " + (unique.size() - shown.size()) + " more"
                : "")
            + "; add work_scheduler slots for its agents or lower min_agents");
  }

  private static int onDuty(List<Member> serving, LocalDate date, int minute, ZoneId zone) {
    Instant at = date.atTime(minute / 60, minute % 60).atZone(zone).toInstant();
    int n = 0;
    for (Member m : serving) {
      if (WorkHours.onDuty(m, at)) {
        n++;
      }
    }
    return n;
  }

  static String hhmm(int minute) {
    return String.format("%02d:%02d", minute / 60, minute % 60);
  }
}
