package io.chatform.plan;

import io.chatform.model.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups objects given the very same change (one shared schedule edited for 40 agents), so a
 * pull-request comment shows the change once with the list of objects instead of 40 copies. Only
 * plain updates are grouped: creates, deletes, replaces, moves and ⚠ steps stay one by one.
 */
final class SameChange {
  /** Actions shown together: one action, or several with identical bodies. */
  record Block(List<Action> actions, List<String> body) {}

  private SameChange() {}

  /** The blocks in plan order, each group where its first member was. */
  static List<Block> blocks(List<Action> actions, int groupFrom) {
    Map<List<String>, List<Action>> same = new LinkedHashMap<>();
    for (Action a : actions) {
      if (groupable(a)) {
        same.computeIfAbsent(ActionLines.body(a), k -> new ArrayList<>()).add(a);
      }
    }
    List<Block> out = new ArrayList<>();
    Set<List<String>> done = new HashSet<>();
    for (Action a : actions) {
      List<String> body = groupable(a) ? ActionLines.body(a) : List.of();
      List<Action> group = groupable(a) ? same.get(body) : List.of(a);
      if (group.size() < groupFrom) {
        out.add(new Block(List.of(a), body));
      } else if (done.add(body)) {
        out.add(new Block(group, body));
      }
    }
    return out;
  }

  private static boolean groupable(Action a) {
    return a.type() == ActionType.UPDATE
        && !a.moves()
        && !a.irreversible()
        && !a.changes().isEmpty();
  }

  /** A group as lines: the shared change once, then the objects it applies to. */
  static void render(StringBuilder out, Kind kind, Block b) {
    out.append("~ the same change on ")
        .append(b.actions().size())
        .append(' ')
        .append(kind.section())
        .append(":\n");
    b.body().forEach(l -> out.append("    ").append(l).append('\n'));
    out.append("  on:\n");
    for (Action a : b.actions()) {
      ActionLines.Head head = ActionLines.head(a);
      out.append("    ").append(head.painted().substring(2)).append(head.rest()).append('\n');
    }
    out.append('\n');
  }
}
