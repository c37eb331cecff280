package io.chatform.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.Kind;
import io.chatform.plan.Action;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadyQueueTest {
  /** Batches agents in threes; runs nothing. */
  private static final ActionRunner RUNNER =
      new ActionRunner() {
        @Override
        public void run(Action action) {}

        @Override
        public Optional<String> batchGroup(Action a) {
          return a.kind() == Kind.AGENTS ? Optional.of("batch_create_agents") : Optional.empty();
        }

        @Override
        public int batchSize() {
          return 3;
        }
      };

  @Test
  void startsTheLongestChainOfDependentsFirst() {
    Action leaf = action("leaf", Kind.WEBHOOKS);
    Action root = action("root", Kind.GROUPS);
    Action mid = action("mid", Kind.AUTO_ACCESS, "root");
    Action end = action("end", Kind.AUTO_ACCESS, "mid");
    List<Action> plan = List.of(leaf, root, mid, end);
    ReadyQueue q = new ReadyQueue(RUNNER, plan, dependents(plan));

    q.add(leaf);
    q.add(root);

    assertThat(ReadyQueue.heights(plan, dependents(plan)))
        .containsEntry("root", 2)
        .containsEntry("mid", 1)
        .containsEntry("leaf", 0);
    assertThat(q.next()).contains(List.of(root));
    assertThat(q.next()).contains(List.of(leaf));
    assertThat(q.next()).isEmpty();
  }

  @Test
  void holdsBatchesBackUntilFullOrNothingElseIsReady() {
    List<Action> plan = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      plan.add(action("a" + i, Kind.AGENTS));
    }
    Action hook = action("hook", Kind.WEBHOOKS);
    plan.add(hook);
    ReadyQueue q = new ReadyQueue(RUNNER, plan, dependents(plan));

    q.add(plan.get(0));
    q.add(hook);
    assertThat(q.next()).as("the lone agent waits for company").contains(List.of(hook));
    q.add(plan.get(1));
    q.add(plan.get(2));
    q.add(plan.get(3));
    assertThat(q.next()).contains(plan.subList(0, 3));
    assertThat(q.next())
        .as("partial batch when nothing else is ready")
        .contains(List.of(plan.get(3)));
    assertThat(q.next()).isEmpty();
  }

  @Test
  void batchSizeOneMeansOneCallPerAction() {
    ActionRunner single =
        new ActionRunner() {
          @Override
          public void run(Action action) {}

          @Override
          public Optional<String> batchGroup(Action a) {
            return Optional.of("batch_create_agents");
          }
        };
    Action a = action("a", Kind.AGENTS);
    Action b = action("b", Kind.AGENTS);
    ReadyQueue q = new ReadyQueue(single, List.of(a, b), Map.of());
    q.add(a);
    q.add(b);
    assertThat(q.next()).contains(List.of(a));
    assertThat(q.next()).contains(List.of(b));
  }

  private static Map<String, List<String>> dependents(List<Action> plan) {
    Map<String, List<String>> out = new HashMap<>();
    for (Action a : plan) {
      a.dependsOn().forEach(d -> out.computeIfAbsent(d, k -> new ArrayList<>()).add(a.id()));
    }
    return out;
  }

  private static Action action(String id, Kind kind, String... deps) {
    return new Action.Create(
        new Action.Head(
            id, kind, kind.section() + "/" + id, List.of(deps), false, Map.of(), List.of()),
        io.chatform.model.Json.object(),
        Optional.empty());
  }
}
