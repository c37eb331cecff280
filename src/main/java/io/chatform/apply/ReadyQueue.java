package io.chatform.apply;

import io.chatform.plan.Action;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * The actions that may start, as tasks in the order that finishes a plan soonest: the longest chain
 * of dependents first (critical path), and batchable actions held back until a batch is full — a
 * partial batch starts only when a worker would otherwise sit idle, so actions released one by one
 * (agents as their groups appear) still travel in few calls.
 */
final class ReadyQueue {
  private record Task(List<Action> actions, int height, long seq) {}

  private final ActionRunner runner;
  private final int batchSize;
  private final Map<String, Integer> heights;
  private final PriorityQueue<Task> tasks =
      new PriorityQueue<>(
          Comparator.comparingInt((Task t) -> -t.height()).thenComparingLong(Task::seq));
  private final Map<String, List<Action>> partial = new LinkedHashMap<>();
  private long seq;

  ReadyQueue(ActionRunner runner, List<Action> plan, Map<String, List<String>> dependents) {
    this.runner = runner;
    this.batchSize = Math.max(1, runner.batchSize());
    this.heights = heights(plan, dependents);
  }

  void add(Action a) {
    Optional<String> group = batchSize > 1 ? runner.batchGroup(a) : Optional.empty();
    if (group.isEmpty()) {
      offer(List.of(a));
      return;
    }
    List<Action> batch = partial.computeIfAbsent(group.get(), k -> new ArrayList<>());
    batch.add(a);
    if (batch.size() >= batchSize) {
      partial.remove(group.get());
      offer(List.copyOf(batch));
    }
  }

  /** The next task to start: a ready single action or full batch, else the tallest partial. */
  Optional<List<Action>> next() {
    Task t = tasks.poll();
    if (t != null) {
      return Optional.of(t.actions());
    }
    String best = null;
    int bestHeight = -1;
    for (Map.Entry<String, List<Action>> e : partial.entrySet()) {
      int h = height(e.getValue());
      if (h > bestHeight) {
        best = e.getKey();
        bestHeight = h;
      }
    }
    return best == null ? Optional.empty() : Optional.of(List.copyOf(partial.remove(best)));
  }

  private void offer(List<Action> actions) {
    tasks.add(new Task(actions, height(actions), seq++));
  }

  private int height(List<Action> actions) {
    return actions.stream().mapToInt(a -> heights.getOrDefault(a.id(), 0)).max().orElse(0);
  }

  /** Length of the longest chain of dependents after each action (0 for the last ones). */
  static Map<String, Integer> heights(List<Action> plan, Map<String, List<String>> dependents) {
    Map<String, Integer> out = new HashMap<>();
    for (Action a : plan) {
      height(a.id(), dependents, out);
    }
    return out;
  }

  private static int height(
      String id, Map<String, List<String>> dependents, Map<String, Integer> memo) {
    Integer known = memo.get(id);
    if (known != null) {
      return known;
    }
    memo.put(id, 0); // guards against a cycle (whose actions never become ready anyway)
    int h = 0;
    for (String d : dependents.getOrDefault(id, List.of())) {
      h = Math.max(h, height(d, dependents, memo) + 1);
    }
    memo.put(id, h);
    return h;
  }
}
