package io.chatform.route;

import java.time.DayOfWeek;
import java.util.List;

/**
 * One self-contained HTML page (inline CSS, no scripts, no network) with the routing map, a
 * staffing heatmap per group, the lint findings and, given a plan, its changes on the map — for
 * reviewers of a pull request, who see behaviour rather than fields.
 */
public final class HtmlReport {
  private HtmlReport() {}

  private static final String CSS =
      """
      body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;background:#fff}
      h1{font-size:22px}h2{font-size:18px;margin-top:32px}
      table{border-collapse:collapse;margin:8px 0}
      td,th{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}
      .chip{display:inline-block;padding:1px 8px;margin:1px;border-radius:10px;background:#e8eefc}
      .new{background:#d4f7d4;outline:2px solid #2a2}.changed{background:#fff3c4;outline:2px solid #c90}
      .moved{background:#e3dcff;outline:2px solid #74c}.deleted{background:#fdd;text-decoration:line-through}
      .mark{font-size:11px;font-weight:bold;text-transform:uppercase;margin-left:6px}
      table.heat td{width:22px;height:16px;padding:0;text-align:center;font-size:11px}
      table.heat th{font-size:11px;padding:2px 4px}
      .c0{background:#f6d5d5}.c1{background:#cfe8cf}.c2{background:#9fd39f}.c3{background:#5fb35f;color:#fff}
      .warn{color:#8a5a00}.heatwrap{display:inline-block;margin:0 16px 16px 0;vertical-align:top}
      """;

  public static String render(RoutingModel model, List<Finding> findings, PlanMarks plan) {
    StringBuilder b = new StringBuilder(64 * 1024);
    b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    b.append("<meta name=\"viewport\" content=\"width=device-width\">");
    b.append("<title>chatform routing report</title><style>").append(CSS);
    b.append("</style></head><body>\n<h1>Routing report</h1>\n");
    routingMap(b, model, plan);
    heatmaps(b, model);
    lint(b, findings);
    b.append("</body></html>\n");
    return b.toString();
  }

  private static void routingMap(StringBuilder b, RoutingModel model, PlanMarks plan) {
    b.append("<h2>Routing map</h2>\n<p>Rules are evaluated in order; the first match wins. ");
    b.append("A visitor no rule matches goes to General.</p>\n");
    b.append("<table id=\"routing-map\"><tr><th>#</th><th>rule</th><th>groups</th>");
    b.append("<th>agents and bots (taking chats)</th></tr>\n");
    int i = 1;
    for (Rule r : model.rules()) {
      String mark = plan.of("auto_access/" + r.description());
      b.append("<tr class=\"rule ").append(mark).append("\" data-rule=\"");
      b.append(esc(r.description())).append("\"><td>").append(i++).append("</td><td>");
      b.append(esc(r.description())).append(markLabel(mark)).append("</td><td>");
      r.groups().forEach(g -> group(b, g, plan));
      b.append("</td><td>");
      for (String g : r.groups()) {
        members(b, model, g, plan);
      }
      b.append("</td></tr>\n");
    }
    b.append("<tr class=\"rule default\" data-rule=\"\"><td>–</td><td><i>no rule matches</i>");
    b.append("</td><td>");
    group(b, RoutingModel.GENERAL, plan);
    b.append("</td><td>");
    members(b, model, RoutingModel.GENERAL, plan);
    b.append("</td></tr>\n</table>\n");
    if (!plan.deleted().isEmpty()) {
      b.append("<p>Deleted by the plan: ");
      plan.deleted()
          .forEach(a -> b.append("<span class=\"chip deleted\">").append(esc(a)).append("</span>"));
      b.append("</p>\n");
    }
  }

  private static void group(StringBuilder b, String g, PlanMarks plan) {
    String mark = plan.of("groups/" + g);
    b.append("<span class=\"chip group ").append(mark).append("\" data-group=\"").append(esc(g));
    b.append("\">").append(esc(g)).append(markLabel(mark)).append("</span> ");
  }

  private static void members(StringBuilder b, RoutingModel model, String g, PlanMarks plan) {
    List<Member> serving = model.serving(g);
    b.append("<div class=\"members\" data-group=\"").append(esc(g)).append("\"><b>");
    b.append(esc(g)).append("</b>: ");
    if (serving.isEmpty() && g.equals(RoutingModel.GENERAL)) {
      b.append("<i>every agent (LiveChat keeps all agents in group 0)</i>");
    } else if (serving.isEmpty()) {
      b.append("<span class=\"warn\">nobody</span>");
    }
    for (Member m : serving) {
      String mark = plan.of((m.bot() ? "bots/" : "agents/") + m.id());
      b.append("<span class=\"chip member ").append(mark).append("\">");
      b.append(esc(m.label())).append(markLabel(mark)).append("</span>");
    }
    b.append("</div>");
  }

  private static void heatmaps(StringBuilder b, RoutingModel model) {
    b.append("<h2>Staffing</h2>\n<p>Agents and bots scheduled per hour (work_scheduler, ");
    b.append("supervisors not counted), in the zone most of the group's schedules use.</p>\n");
    for (String g : model.groups()) {
      Staffing.Week w = Staffing.week(model, g);
      b.append("<div class=\"heatwrap\"><h3>")
          .append(esc(g))
          .append(" <small>(")
          .append(w.zone())
          .append(")</small></h3>");
      b.append("<table class=\"heat\" data-heatmap=\"").append(esc(g)).append("\"><tr><th></th>");
      for (DayOfWeek d : DayOfWeek.values()) {
        b.append("<th>").append(WorkHours.dayName(d), 0, 3).append("</th>");
      }
      b.append("</tr>\n");
      for (int h = 0; h < 24; h++) {
        b.append("<tr><th>").append(String.format("%02d:00", h)).append("</th>");
        for (DayOfWeek d : DayOfWeek.values()) {
          int n = w.at(d, h);
          b.append("<td class=\"c").append(Math.min(n, 3)).append("\" data-day=\"");
          b.append(WorkHours.dayName(d)).append("\" data-hour=\"").append(h);
          b.append("\" data-count=\"").append(n).append("\">").append(n == 0 ? "" : n);
          b.append("</td>");
        }
        b.append("</tr>\n");
      }
      b.append("</table></div>\n");
    }
  }

  private static void lint(StringBuilder b, List<Finding> findings) {
    b.append("<h2>Lint findings</h2>\n");
    if (findings.isEmpty()) {
      b.append("<p id=\"lint\">No warnings.</p>\n");
      return;
    }
    b.append("<ul id=\"lint\">\n");
    for (Finding f : findings) {
      b.append("<li class=\"finding\" data-type=\"").append(f.type()).append("\">");
      b.append("<code>").append(esc(f.type())).append("</code> ");
      b.append(esc(f.subject())).append(": ").append(esc(f.message()));
      if (f.at().line() > 0) {
        b.append(" <small>(").append(esc(f.at().toString())).append(")</small>");
      }
      b.append("</li>\n");
    }
    b.append("</ul>\n");
  }

  private static String markLabel(String mark) {
    return mark.isEmpty() ? "" : "<span class=\"mark\">" + mark + "</span>";
  }

  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;");
  }
}
