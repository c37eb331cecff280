package io.chatform.plan;

import io.chatform.kinds.LiveObject;
import io.chatform.model.Resource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Adds order to the auto access actions: each new or moved rule is placed directly in front of a
 * rule already in its final relative place (or at the end), halving runs of rules to place so 500
 * new rules take 9 dependency levels rather than a chain of 500; the chain ends in manifest order
 * whatever runs in parallel. Rules on the longest increasing subsequence of the live order stay
 * where they are: the fewest moves.
 */
final class OrderPlanner {
  private final List<Resource> want;
  private final List<LiveObject> have;
  private final Map<String, LiveObject> matched;
  private final List<Action> actions;

  OrderPlanner(
      List<Resource> want,
      List<LiveObject> have,
      Map<String, LiveObject> matched,
      List<Action> actions) {
    this.want = want;
    this.have = have;
    this.matched = matched;
    this.actions = actions;
  }

  void plan() {
    List<String> desired = want.stream().map(Resource::identity).toList();
    List<String> liveOrder =
        have.stream()
            .filter(o -> matched.containsKey(o.liveId()))
            .map(LiveObject::identity)
            .toList();
    Set<String> stable = FewestMoves.stable(desired, liveOrder);
    Set<String> live = new HashSet<>(liveOrder);
    Map<String, Integer> actionAt = new HashMap<>();
    for (int i = 0; i < actions.size(); i++) {
      actionAt.put(actions.get(i).address(), i);
    }
    // Runs of rules to place, each ending in front of a rule that stays (or at the end).
    int end = desired.size();
    for (int i = desired.size() - 1; i >= -1; i--) {
      if (i >= 0 && needsPlacement(want.get(i), actionAt, stable, live)) {
        continue;
      }
      String next = end < desired.size() ? desired.get(end) : "";
      placeRun(i + 1, end, next, List.of(), actionAt);
      end = i;
    }
  }

  private boolean needsPlacement(
      Resource r, Map<String, Integer> actionAt, Set<String> stable, Set<String> live) {
    Integer at = actionAt.get(r.address());
    if (at != null && actions.get(at).type() == ActionType.CREATE) {
      return true;
    }
    // Stable rules keep their place; a rule missing from the live order is ambiguous (refused).
    return !stable.contains(r.identity()) && live.contains(r.identity());
  }

  /**
   * Places rules {@code lo..hi-1} in front of {@code next}, halving: the middle rule first, then
   * both halves in parallel (the left in front of the middle, the right in front of {@code next},
   * both after the middle is in place). Each placement goes directly in front of a rule no other
   * concurrent placement targets, so any execution order that respects the dependencies ends in
   * manifest order, in log2(n) levels instead of a chain of n.
   */
  private void placeRun(
      int lo, int hi, String next, List<String> deps, Map<String, Integer> actionAt) {
    if (lo >= hi) {
      return;
    }
    int mid = (lo + hi) >>> 1;
    Resource r = want.get(mid);
    Integer at = actionAt.get(r.address());
    Action placed;
    if (at != null) {
      placed = placeExisting(actions.get(at), next, deps);
      actions.set(at, placed);
    } else {
      LiveObject live = findLive(r.identity());
      placed =
          new Action.Move(
              new Action.Head(
                  r.address() + "#move", r.kind(), r.address(), deps, false, Map.of(), List.of()),
              live.liveId(),
              live.spec(),
              next);
      actions.add(placed);
    }
    List<String> after = List.of(placed.id());
    placeRun(lo, mid, r.identity(), after, actionAt);
    placeRun(mid + 1, hi, next, after, actionAt);
  }

  private static Action placeExisting(Action a, String next, List<String> deps) {
    return Action.placed(a, next, deps);
  }

  private LiveObject findLive(String identity) {
    return have.stream()
        .filter(o -> o.identity().equals(identity) && matched.containsKey(o.liveId()))
        .findFirst()
        .orElseThrow();
  }
}
