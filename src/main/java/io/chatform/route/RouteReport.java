package io.chatform.route;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/** Renders a {@link RouteResult} as the documented {@code --json} document or as text. */
public final class RouteReport {
  private RouteReport() {}

  /**
   * {@code {"rule": <description>|null, "groups": [...], "skipped": [{"rule", "why"}]}}, plus
   * {@code "scheduled": {<group>: [<agent or bot id>…]}} only when a time was asked for.
   */
  public static ObjectNode json(RouteResult r, RoutingModel model, Optional<ZonedDateTime> at) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    if (r.rule().isPresent()) {
      o.put("rule", r.rule().get().description());
    } else {
      o.putNull("rule");
    }
    ArrayNode groups = o.putArray("groups");
    r.groups().forEach(groups::add);
    ArrayNode skipped = o.putArray("skipped");
    for (RouteResult.Skipped s : r.skipped()) {
      skipped.addObject().put("rule", s.rule().description()).put("why", s.why());
    }
    at.ifPresent(
        t -> {
          ObjectNode sch = o.putObject("scheduled");
          for (String g : r.groups()) {
            ArrayNode ids = sch.putArray(g);
            scheduled(model, g, t).forEach(m -> ids.add(m.id()));
          }
        });
    return o;
  }

  /** Members of {@code group} who take chats there and are on duty at {@code at}. */
  public static List<Member> scheduled(RoutingModel model, String group, ZonedDateTime at) {
    return model.serving(group).stream().filter(m -> WorkHours.onDuty(m, at.toInstant())).toList();
  }

  public static String text(
      RouteResult r, RoutingModel model, Visitor v, Optional<ZonedDateTime> at) {
    StringBuilder b = new StringBuilder();
    b.append("Visitor: ").append(v.describe()).append('\n');
    for (RouteResult.Skipped s : r.skipped()) {
      b.append("  skipped  ").append(name(s.rule())).append(": ").append(s.why()).append('\n');
    }
    if (r.rule().isPresent()) {
      b.append("  matched  ").append(name(r.rule().get())).append('\n');
    } else {
      b.append("No rule matches: LiveChat routes the chat to group 0 (General).\n");
    }
    b.append("Routes to: ").append(String.join(", ", r.groups())).append('\n');
    for (String g : r.groups()) {
      List<Member> serving = model.serving(g);
      if (at.isEmpty()) {
        b.append("  ").append(g).append(": ").append(serving.size()).append(" agents and bots");
        b.append(" (pass --at to see who is scheduled)\n");
        continue;
      }
      List<Member> on = scheduled(model, g, at.get());
      b.append("  ").append(g).append(" at ").append(at.get()).append(": ");
      b.append(on.size()).append(" of ").append(serving.size()).append(" scheduled\n");
      on.forEach(m -> b.append("    ").append(m.label()).append('\n'));
    }
    return b.toString();
  }

  private static String name(Rule rule) {
    String at = rule.location().line() > 0 ? " (" + rule.location() + ")" : "";
    return "'" + rule.description() + "'" + at;
  }
}
