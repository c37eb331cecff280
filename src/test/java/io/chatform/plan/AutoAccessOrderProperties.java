package io.chatform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.kinds.LiveObject;
import io.chatform.model.ApiVersion;
import io.chatform.model.Kind;
import io.chatform.model.Resource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Whatever the live order and whatever order independent actions run in, applying the planned
 * placements yields the manifest's order, with no more moves than necessary.
 */
class AutoAccessOrderProperties {
  @Property(tries = 300)
  void placementsInAnyValidOrderYieldTheDesiredOrder(
      @ForAll @IntRange(min = 0, max = 12) int wanted,
      @ForAll @IntRange(min = 0, max = 12) int existing,
      @ForAll @IntRange(min = 0, max = 4) int extras,
      @ForAll long seed) {
    Random rnd = new Random(seed);
    List<String> desired = new ArrayList<>();
    for (int i = 0; i < wanted; i++) {
      desired.add("r" + i);
    }
    Collections.shuffle(desired, rnd);
    List<String> liveOrder = new ArrayList<>();
    for (int i = 0; i < Math.min(existing, wanted); i++) {
      liveOrder.add(desired.get(rnd.nextInt(wanted)));
    }
    liveOrder = new ArrayList<>(new java.util.LinkedHashSet<>(liveOrder));
    for (int i = 0; i < extras; i++) {
      liveOrder.add(rnd.nextInt(liveOrder.size() + 1), "x" + i);
    }
    Collections.shuffle(liveOrder, rnd);

    var d = new Fixtures.Desired();
    d.section(Kind.AUTO_ACCESS);
    for (String r : desired) {
      d.section(Kind.AUTO_ACCESS, rule(r));
    }
    List<LiveObject> live = new ArrayList<>();
    for (String r : liveOrder) {
      live.add(Fixtures.live(Kind.AUTO_ACCESS, "id-" + r, ruleJson(r)));
    }
    Plan plan =
        new Planner()
            .plan(
                d.build(),
                Fixtures.liveState(live.toArray(LiveObject[]::new)),
                new PlanOptions(
                    ApiVersion.V3_6, Fixtures.TARGET, true, true, java.util.OptionalInt.empty()));

    List<String> list = new ArrayList<>(liveOrder);
    for (Action a : randomTopologicalOrder(plan.actions(), rnd)) {
      String me = a.address().substring("auto_access/".length());
      if (a.type() == ActionType.DELETE) {
        list.remove(me);
      } else if (a.moveBefore().isPresent()) {
        // add_auto_access / update_auto_access with next_id: goes right before it, "" = last.
        list.remove(me);
        String before = a.moveBefore().get();
        list.add(before.isEmpty() ? list.size() : list.indexOf(before), me);
      } else {
        assertThat(a.type()).as("only updates keep their place").isEqualTo(ActionType.UPDATE);
      }
    }
    assertThat(list).isEqualTo(desired);
    Set<String> kept = FewestMoves.stable(desired, liveOrder);
    long survivors = liveOrder.stream().filter(desired::contains).count();
    assertThat(plan.count(ActionType.MOVE)).isEqualTo(survivors - kept.size());
  }

  private static Resource rule(String description) {
    return Fixtures.res(Kind.AUTO_ACCESS, ruleJson(description));
  }

  private static String ruleJson(String description) {
    return "{'description':'" + description + "','groups':['General']}";
  }

  /** Any order that respects dependsOn: what a parallel executor might do. */
  private static List<Action> randomTopologicalOrder(List<Action> actions, Random rnd) {
    Map<String, Action> byId = new HashMap<>();
    actions.forEach(a -> byId.put(a.id(), a));
    Set<String> done = new HashSet<>();
    List<Action> pending = new ArrayList<>(actions);
    List<Action> out = new ArrayList<>();
    while (!pending.isEmpty()) {
      List<Action> ready =
          pending.stream()
              .filter(
                  a ->
                      a.dependsOn().stream()
                          .allMatch(dep -> done.contains(dep) || !byId.containsKey(dep)))
              .toList();
      assertThat(ready).as("no cycle").isNotEmpty();
      Action pick = ready.get(rnd.nextInt(ready.size()));
      pending.remove(pick);
      done.add(pick.id());
      out.add(pick);
    }
    return out;
  }
}
