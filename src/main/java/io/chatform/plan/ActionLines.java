package io.chatform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.kinds.KindRules;
import io.chatform.kinds.Kinds;
import io.chatform.model.Escapes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One action as the text and Markdown plans show it: a head line (symbol, address, id, ⚠ and why)
 * and the body below it — a create's values, a delete's lost values, a change's differing members
 * (with {@code # forces replacement} on the fields that force a replace), the new position and the
 * notes. Every line is escaped ({@link Escapes}); sensitive values print as {@code (sensitive)}.
 */
final class ActionLines {
  static final String FORCES = "  # forces replacement";

  private ActionLines() {}

  /** The head: what is colour-painted ({@code symbol address}), then the rest of the line. */
  record Head(String painted, String rest) {}

  static Head head(Action a) {
    String symbol = a.type() == ActionType.UPDATE && a.moves() ? "~ ↕" : a.type().symbol();
    StringBuilder rest = new StringBuilder();
    rest.append(
        a.renamedFrom().map(was -> "  (renamed from \"" + Escapes.line(was) + "\"").orElse(""));
    ShownIds.liveId(a)
        .ifPresent(
            id ->
                rest.append(a.renamedFrom().isPresent() ? ", id " : "  (id ")
                    .append(Escapes.line(id))
                    .append(')'));
    if (a.renamedFrom().isPresent() && ShownIds.liveId(a).isEmpty()) {
      rest.append(')');
    }
    ReplaceReasons.warning(a)
        .ifPresent(w -> rest.append("  ⚠ irreversible: ").append(Escapes.line(w)));
    return new Head(symbol + " " + Escapes.line(a.address()), rest.toString());
  }

  /** The body lines, unindented, for a step whose plan leaves the rule order alone. */
  static List<String> body(Action a) {
    return body(a, List.of());
  }

  /** The body lines, unindented; {@code order} (the plan's routing order) words positions. */
  static List<String> body(Action a, List<RoutingOrder.Entry> order) {
    List<String> raw = new ArrayList<>();
    if (a.type() == ActionType.CREATE) {
      a.desired().ifPresent(d -> values(d, a, Set.of(), raw));
    }
    if (a.type() == ActionType.DELETE) {
      KindRules rules = Kinds.rules(a.kind());
      Set<String> identity = rules == null ? Set.of() : rules.identityFields();
      a.live().ifPresent(l -> values(l, a, identity, raw));
    }
    for (FieldChange c : a.changes()) {
      boolean forces = ReplaceReasons.forces(a, c.field());
      ChangeLines.of(c).forEach(l -> raw.add(forces ? l + FORCES : l));
    }
    a.moveBefore().ifPresent(m -> raw.add("position: " + position(a, m, order)));
    ReplaceReasons.otherNotes(a).forEach(n -> raw.add("# " + n));
    return raw.stream().map(Escapes::line).toList();
  }

  /**
   * Where a placed rule ends up: "2 of 6, before "X"" from the routing order (names as outputs show
   * them), or the rule it is placed in front of when the order is not known.
   */
  private static String position(Action a, String before, List<RoutingOrder.Entry> order) {
    String name = a.address().substring(a.kind().section().length() + 1);
    List<RoutingOrder.Entry> after =
        order.stream().filter(e -> e.status() != RoutingOrder.Status.DELETED).toList();
    for (int i = 0; i < after.size(); i++) {
      if (after.get(i).name().equals(name)) {
        String of = (i + 1) + " of " + after.size();
        return i + 1 < after.size()
            ? of + ", before \"" + after.get(i + 1).name() + "\""
            : of + " (last)";
      }
    }
    return before.isEmpty() ? "last" : "before \"" + before + "\"";
  }

  /**
   * A spec's fields as YAML-like lines, a field holding a sensitive value as {@code (sensitive)},
   * and {@code skip}ped fields (a deleted object's identity, already in its address) left out.
   */
  private static void values(ObjectNode spec, Action a, Set<String> skip, List<String> out) {
    for (Iterator<Map.Entry<String, JsonNode>> it = spec.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String k = e.getKey();
      if (skip.contains(k) || k.startsWith("_")) {
        continue;
      }
      if (secret(a, k)) {
        out.add(YamlLines.key(k) + ": " + PlanJson.REDACTED);
      } else {
        YamlLines.field(k, e.getValue(), "", out);
      }
    }
  }

  private static boolean secret(Action a, String field) {
    return a.sensitive().keySet().stream()
        .anyMatch(p -> p.equals("/" + field) || p.startsWith("/" + field + "/"));
  }

  /** The lines of the routing order block, or none when the plan leaves the order alone. */
  static List<String> routingOrder(Plan plan) {
    List<String> out = new ArrayList<>();
    if (plan.routingOrder().isEmpty()) {
      return out;
    }
    out.add("Auto access order after apply (the first rule that matches wins):");
    int width = String.valueOf(plan.routingOrder().size()).length();
    for (RoutingOrder.Entry e : plan.routingOrder()) {
      String mark =
          switch (e.status()) {
            case NEW -> "  (new)";
            case MOVED -> "  (moved from " + e.was() + ")";
            case DELETED -> "  (deleted, was " + e.was() + ")";
            case KEPT -> "";
          };
      String place =
          e.position() == 0
              ? " ".repeat(width - 1) + "- "
              : String.format("%" + width + "d.", e.position());
      out.add(Escapes.line(place + " " + e.name() + mark));
    }
    return out;
  }
}
