package io.chatform.route;

import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Coverage checks on the routing picture: rules that can never match, groups nobody routes to or
 * nobody serves, hours when a group that gets traffic has nobody scheduled, and members in more
 * groups than they have chat slots.
 */
public final class Lint {
  private Lint() {}

  public static List<Finding> run(RoutingModel model) {
    List<Finding> out = new ArrayList<>();
    Set<String> routed = shadowedAndRouted(model, out);
    for (String g : model.groups()) {
      if (!routed.contains(g) && !g.equals(RoutingModel.GENERAL)) {
        out.add(
            new Finding(
                "unrouted-group",
                model.groupAt(g),
                "groups/" + g,
                "no auto access rule routes to this group: add a rule, or remove the group"));
      }
    }
    for (String g : model.groups()) {
      // General is skipped: LiveChat keeps every agent in group 0 whether or not it is listed.
      if (model.serving(g).isEmpty() && g.equals(RoutingModel.GENERAL)) {
        continue; // implicit members: nothing to say about its staffing either
      }
      if (model.serving(g).isEmpty()) {
        out.add(
            new Finding(
                "empty-group",
                model.groupAt(g),
                "groups/" + g,
                "no agent or bot takes chats in this group (supervisors do not): add members"));
      } else if (routed.contains(g)) {
        unstaffed(model, g).ifPresent(out::add);
      }
    }
    for (Member m : model.members()) {
      long served = m.groups().keySet().stream().filter(m::takesChatsIn).count();
      if (served > m.maxChats()) {
        out.add(
            new Finding(
                "over-capacity",
                m.location(),
                (m.bot() ? "bots/" : "agents/") + m.id(),
                "takes chats in "
                    + served
                    + " groups but max_chats_count is "
                    + m.maxChats()
                    + ": it cannot hold a chat from every group at once; raise max_chats_count"
                    + " or leave some groups"));
      }
    }
    return out;
  }

  /**
   * Reports shadowed rules; returns the groups that receive traffic: those of rules that can match,
   * and General unless an earlier rule matches everyone. "Matches everyone" is proven only for a
   * rule whose only condition is an exclude list (it still refuses the excluded), so General counts
   * as receiving traffic whenever no rule is unconditional.
   */
  private static Set<String> shadowedAndRouted(RoutingModel model, List<Finding> out) {
    Set<String> routed = new LinkedHashSet<>();
    routed.add(RoutingModel.GENERAL);
    List<Rule> rules = model.rules();
    for (int i = 0; i < rules.size(); i++) {
      Rule later = rules.get(i);
      Rule by = null;
      for (int j = 0; j < i && by == null; j++) {
        if (Shadowing.shadows(rules.get(j), later)) {
          by = rules.get(j);
        }
      }
      if (by == null) {
        routed.addAll(later.groups());
        continue;
      }
      out.add(
          new Finding(
              "shadowed-rule",
              later.location(),
              "auto_access/" + later.description(),
              "can never match: every visitor it matches is taken first by '"
                  + by.description()
                  + "'"
                  + (by.location().line() > 0 ? " (" + by.location() + ")" : "")
                  + "; move it above that rule, or narrow the earlier one"));
    }
    return routed;
  }

  private static java.util.Optional<Finding> unstaffed(RoutingModel model, String group) {
    Staffing.Week w = Staffing.week(model, group);
    List<String> spans = new ArrayList<>();
    int hours = 0;
    for (DayOfWeek d : DayOfWeek.values()) {
      int start = -1;
      for (int h = 0; h <= 24; h++) {
        boolean empty = h < 24 && w.at(d, h) == 0;
        if (empty) {
          hours++;
          start = start < 0 ? h : start;
        } else if (start >= 0) {
          spans.add(WorkHours.dayName(d) + " " + String.format("%02d:00-%02d:00", start, h));
          start = -1;
        }
      }
    }
    if (spans.isEmpty()) {
      return java.util.Optional.empty();
    }
    List<String> shown = spans.stream().limit(4).toList();
    return java.util.Optional.of(
        new Finding(
            "unstaffed-hours",
            model.groupAt(group),
            "groups/" + group,
            hours
                + " of 168 hours a week ("
                + w.zone()
                + ") have no scheduled agent although the group receives chats: "
                + String.join(", ", shown)
                + (spans.size() > shown.size() ? ", …" : "")
                + "; add work_scheduler slots"));
  }
}
