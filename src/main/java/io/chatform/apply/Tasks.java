package io.chatform.apply;

import io.chatform.plan.Action;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Groups ready actions into tasks: one action each, or up to a batch of one batch group. */
final class Tasks {
  private Tasks() {}

  static List<List<Action>> group(List<Action> ready, ActionRunner runner) {
    List<List<Action>> tasks = new ArrayList<>();
    Map<String, List<Action>> batches = new LinkedHashMap<>();
    for (Action a : ready) {
      Optional<String> g = runner.batchGroup(a);
      if (g.isPresent()) {
        batches.computeIfAbsent(g.get(), k -> new ArrayList<>()).add(a);
      } else {
        tasks.add(List.of(a));
      }
    }
    int size = Math.max(1, runner.batchSize());
    for (List<Action> group : batches.values()) {
      for (int i = 0; i < group.size(); i += size) {
        tasks.add(List.copyOf(group.subList(i, Math.min(group.size(), i + size))));
      }
    }
    return tasks;
  }
}
