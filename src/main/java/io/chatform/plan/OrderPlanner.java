package io.chatform.plan;

import io.chatform.kinds.LiveObject;
import io.chatform.model.Resource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Adds order to the auto access actions: each new or moved rule is placed directly in front of its
 * desired successor (or at the end), and runs after its successor's own placement, so the chain
 * ends in manifest order whatever runs in parallel. Rules on the longest increasing subsequence of
 * the live order stay where they are: the fewest moves.
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
    Set<String> stable = AutoAccessOrder.stable(desired, liveOrder);
    Map<String, Integer> actionAt = new HashMap<>();
    for (int i = 0; i < actions.size(); i++) {
      actionAt.put(actions.get(i).address(), i);
    }
    String placedSuccessor = null; // id of the successor's placing action, if it has one
    for (int i = desired.size() - 1; i >= 0; i--) {
      Resource r = want.get(i);
      String next = i + 1 < desired.size() ? desired.get(i + 1) : "";
      Integer at = actionAt.get(r.address());
      Action existing = at == null ? null : actions.get(at);
      boolean isNew = existing != null && existing.type() == ActionType.CREATE;
      if (!isNew && stable.contains(r.identity())) {
        placedSuccessor = null;
        continue;
      }
      if (!isNew && !liveOrder.contains(r.identity())) {
        placedSuccessor = null; // ambiguous: refused elsewhere
        continue;
      }
      List<String> deps = new ArrayList<>();
      if (placedSuccessor != null) {
        deps.add(placedSuccessor);
      }
      Action placed;
      if (existing != null) {
        placed = placeExisting(existing, next, deps);
        actions.set(at, placed);
      } else {
        LiveObject live = findLive(r.identity());
        placed =
            new Action(
                r.address() + "#move",
                ActionType.MOVE,
                r.kind(),
                r.address(),
                Optional.of(live.liveId()),
                Optional.empty(),
                Optional.of(live.spec()),
                List.of(),
                Optional.of(next),
                deps,
                false,
                Map.of(),
                List.of());
        actions.add(placed);
      }
      placedSuccessor = placed.id();
    }
  }

  private static Action placeExisting(Action a, String next, List<String> deps) {
    List<String> all = new ArrayList<>(a.dependsOn());
    all.addAll(deps);
    return new Action(
        a.id(),
        a.type(),
        a.kind(),
        a.address(),
        a.liveId(),
        a.desired(),
        a.live(),
        a.changes(),
        Optional.of(next),
        all,
        a.irreversible(),
        a.sensitive(),
        a.notes());
  }

  private LiveObject findLive(String identity) {
    return have.stream()
        .filter(o -> o.identity().equals(identity) && matched.containsKey(o.liveId()))
        .findFirst()
        .orElseThrow();
  }
}
