package io.chatform.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/** Orders actions so each comes after everything it depends on; ties broken by a given order. */
final class TopoOrder {
  private TopoOrder() {}

  static List<Action> sort(List<Action> actions, Comparator<Action> tieBreak) {
    Map<String, Action> byId = new HashMap<>();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < actions.size(); i++) {
      byId.put(actions.get(i).id(), actions.get(i));
      index.put(actions.get(i).id(), i);
    }
    Map<String, Integer> waiting = new HashMap<>();
    Map<String, List<Action>> dependents = new HashMap<>();
    for (Action a : actions) {
      int n = 0;
      for (String d : a.dependsOn()) {
        if (byId.containsKey(d)) {
          n++;
          dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(a);
        }
      }
      waiting.put(a.id(), n);
    }
    PriorityQueue<Action> ready =
        new PriorityQueue<>(tieBreak.thenComparing(a -> index.get(a.id())));
    actions.stream().filter(a -> waiting.get(a.id()) == 0).forEach(ready::add);
    List<Action> out = new ArrayList<>();
    while (!ready.isEmpty()) {
      Action a = ready.poll();
      out.add(a);
      for (Action d : dependents.getOrDefault(a.id(), List.of())) {
        if (waiting.merge(d.id(), -1, Integer::sum) == 0) {
          ready.add(d);
        }
      }
    }
    if (out.size() != actions.size()) {
      throw new IllegalStateException("dependency cycle among plan actions");
    }
    return out;
  }
}
