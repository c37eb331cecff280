package io.chatform.plan;

import io.chatform.model.FieldMode;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An immutable, ordered, serialisable set of actions with everything needed to apply it exactly
 * later: the target, a hash of the manifests, and a fingerprint of every live object it touches.
 *
 * @param fingerprints object address → hash of its live spec at plan time ({@code absent} for
 *     objects the plan creates); checked before a saved plan is applied. Sorted by address, so
 *     everything that lists them (stale-plan errors, the JSON) is stable between runs
 * @param routingOrder the auto access rules in their order after apply ({@link RoutingOrder});
 *     empty when the plan leaves auto access alone or the order was not worked out
 * @param shownRules auto access identity → the description as outputs show it, for the rules whose
 *     description came from {@code ${env:…}}/{@code ${file:…}} (an action's {@code moveBefore}
 *     holds the resolved value, which must never be written out)
 * @param fields the field mode the plan was made in ({@code plan.fields} in its JSON)
 */
public record Plan(
    int formatVersion,
    Target target,
    String manifestHash,
    List<Action> actions,
    Map<String, String> fingerprints,
    List<Notice> notices,
    List<RoutingOrder.Entry> routingOrder,
    Map<String, String> shownRules,
    FieldMode fields) {
  public static final int FORMAT_VERSION = 1;

  /** A plan made in the default {@code owned} field mode. */
  public Plan(
      int formatVersion,
      Target target,
      String manifestHash,
      List<Action> actions,
      Map<String, String> fingerprints,
      List<Notice> notices,
      List<RoutingOrder.Entry> routingOrder,
      Map<String, String> shownRules) {
    this(
        formatVersion,
        target,
        manifestHash,
        actions,
        fingerprints,
        notices,
        routingOrder,
        shownRules,
        FieldMode.OWNED);
  }

  /** This plan, made in the field mode {@code mode} (which a saved plan re-plans in). */
  public Plan withFields(FieldMode mode) {
    return new Plan(
        formatVersion,
        target,
        manifestHash,
        actions,
        fingerprints,
        notices,
        routingOrder,
        shownRules,
        mode);
  }

  public Plan {
    actions = List.copyOf(actions);
    fingerprints = Collections.unmodifiableMap(new TreeMap<>(fingerprints));
    notices = List.copyOf(notices);
    routingOrder = List.copyOf(routingOrder);
    shownRules = Map.copyOf(shownRules);
  }

  /** A plan with its routing order and no masked rule descriptions. */
  public Plan(
      int formatVersion,
      Target target,
      String manifestHash,
      List<Action> actions,
      Map<String, String> fingerprints,
      List<Notice> notices,
      List<RoutingOrder.Entry> routingOrder) {
    this(
        formatVersion,
        target,
        manifestHash,
        actions,
        fingerprints,
        notices,
        routingOrder,
        Map.of());
  }

  /** How outputs name the rule an action is placed in front of (never a resolved secret). */
  public String shownRule(String identity) {
    return shownRules.getOrDefault(identity, identity);
  }

  /** A plan whose routing order is not (yet) known: {@link RoutingOrder#attach} adds it. */
  public Plan(
      int formatVersion,
      Target target,
      String manifestHash,
      List<Action> actions,
      Map<String, String> fingerprints,
      List<Notice> notices) {
    this(formatVersion, target, manifestHash, actions, fingerprints, notices, List.of());
  }

  public boolean hasChanges() {
    return !actions.isEmpty();
  }

  public long count(ActionType type) {
    return actions.stream().filter(a -> a.type() == type).count();
  }

  /** Moves include updates that also move a rule; a new rule placed where it belongs is no move. */
  public long moveCount() {
    return actions.stream().filter(a -> a.moves() && a.type() != ActionType.CREATE).count();
  }

  /** {@code Plan: 3 to create, 2 to update, 1 to replace, 1 to delete, 1 to move.} */
  public String summary() {
    if (!hasChanges()) {
      return "No changes.";
    }
    return String.format(
        "Plan: %d to create, %d to update, %d to replace, %d to delete, %d to move.",
        count(ActionType.CREATE),
        count(ActionType.UPDATE),
        count(ActionType.REPLACE),
        count(ActionType.DELETE),
        moveCount());
  }
}
