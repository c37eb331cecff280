package io.chatform.plan;

import io.chatform.kinds.Kinds;
import io.chatform.kinds.ResourceKind;
import io.chatform.model.Reference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Which actions of a plan must go before which, from the kinds' facts: a referrer lets go of what
 * is deleted or replaced first, a capacity slot is freed before it is taken, a kind written after
 * another's writes of the same app waits for them. Every action is indexed once by what it names,
 * frees and writes, so finding an action's predecessors is a few map look-ups: linear in the plan
 * (comparing every pair of actions took minutes for plans of 10,000 agents).
 */
final class Precedence {
  private record Referrer(int index, Reference.Tie tie) {}

  private final List<Action> actions;

  /** section + NUL + identity → the actions whose live spec names it, and how. */
  private final Map<String, List<Referrer>> referrers = new HashMap<>();

  /** kind + NUL + slot → the deletions that free that slot. */
  private final Map<String, List<Integer>> freeing = new HashMap<>();

  /** section + NUL + owner_client_id → the actions that write an object of that section. */
  private final Map<String, List<Integer>> writing = new HashMap<>();

  Precedence(List<Action> actions) {
    this.actions = actions;
    for (int j = 0; j < actions.size(); j++) {
      Action first = actions.get(j);
      ResourceKind kind = Kinds.of(first.kind());
      for (Reference r : kind.references()) {
        for (String name : new LinkedHashSet<>(Dependencies.named(r, first.live()))) {
          referrers
              .computeIfAbsent(key(r.section(), name), k -> new ArrayList<>())
              .add(new Referrer(j, r.tie()));
        }
      }
      if (first.type() == ActionType.DELETE) {
        int index = j;
        first
            .live()
            .flatMap(kind::slot)
            .ifPresent(
                slot ->
                    freeing
                        .computeIfAbsent(key(first.kind().name(), slot), k -> new ArrayList<>())
                        .add(index));
      } else {
        writing
            .computeIfAbsent(
                key(kind.section(), Dependencies.owner(first.desired())), k -> new ArrayList<>())
            .add(j);
      }
    }
  }

  /** The positions of the actions that must go before the {@code i}th, in plan order. */
  List<Integer> before(int i) {
    Action a = actions.get(i);
    ResourceKind kind = Kinds.of(a.kind());
    TreeSet<Integer> found = new TreeSet<>();
    if (a.type() == ActionType.DELETE || a.type() == ActionType.REPLACE) {
      String target = Dependencies.rawAddress(a).substring(kind.section().length() + 1);
      for (Referrer r : referrers.getOrDefault(key(kind.section(), target), List.of())) {
        Action first = actions.get(r.index());
        if (first.kind() != a.kind() && lets(r.tie(), first.type(), a.type())) {
          found.add(r.index());
        }
      }
    }
    if (a.type() != ActionType.DELETE) {
      // Capacity (webhooks: 3 per action and app): free slots before taking new ones.
      Optional<String> slot = a.desired().flatMap(kind::slot);
      slot.ifPresent(s -> found.addAll(freeing.getOrDefault(key(a.kind().name(), s), List.of())));
    }
    kind.writtenAfter()
        .ifPresent(
            section ->
                found.addAll(
                    writing.getOrDefault(
                        key(section, Dependencies.owner(a.desired())), List.of())));
    found.remove(i);
    return new ArrayList<>(found);
  }

  /**
   * Whether the referrer's {@code first} step must go before its target's {@code then}: a member
   * lets go (any change but its creation) before the target is deleted; a value is deleted before
   * its target is deleted or replaced.
   */
  private static boolean lets(Reference.Tie tie, ActionType first, ActionType then) {
    return switch (tie) {
      case MEMBER -> then == ActionType.DELETE && first != ActionType.CREATE;
      case VALUE -> first == ActionType.DELETE;
    };
  }

  private static String key(String a, String b) {
    return a + '\0' + b;
  }
}
