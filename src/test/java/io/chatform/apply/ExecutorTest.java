package io.chatform.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.Json;
import io.chatform.model.Kind;
import io.chatform.plan.Action;
import io.chatform.plan.Plan;
import io.chatform.plan.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The executor with a fake runner: interrupts, failures, fail-fast, and the report. */
class ExecutorTest {
  private static Action action(String name, String... deps) {
    return new Action.Create(
        new Action.Head(
            "groups/" + name + "#create",
            Kind.GROUPS,
            "groups/" + name,
            Arrays.stream(deps).map(d -> "groups/" + d + "#create").toList(),
            false,
            Map.of(),
            List.of()),
        Json.object().put("name", name),
        Optional.empty());
  }

  private static Plan plan(Action... actions) {
    return new Plan(
        Plan.FORMAT_VERSION,
        new Target("u", "a", "3.6"),
        "h",
        List.of(actions),
        Map.of(),
        List.of());
  }

  /** Records what ran; actions named in {@code failing} throw. */
  private static class FakeRunner implements ActionRunner {
    final Set<String> started = ConcurrentHashMap.newKeySet();
    final Set<String> failing;

    FakeRunner(String... failing) {
      this.failing = Set.of(failing);
    }

    @Override
    public void run(Action a) throws Exception {
      started.add(a.address());
      if (failing.contains(a.address())) {
        throw new java.io.IOException("boom " + a.address());
      }
    }
  }

  @Test
  void stopMidRunStartsNothingNewFinishesInFlightAndSkipsTheRest() throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch twoRunning = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    FakeRunner runner =
        new FakeRunner() {
          @Override
          public void run(Action a) throws Exception {
            super.run(a);
            twoRunning.countDown();
            assertThat(release.await(10, TimeUnit.SECONDS)).isTrue();
          }
        };
    List<Action> actions = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      actions.add(action("g" + i));
    }
    actions.add(action("child", "g0"));
    Thread stopper =
        new Thread(
            () -> {
              try {
                twoRunning.await();
                stop.set(true); // Ctrl-C while two actions are in flight
                release.countDown();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    stopper.start();
    ApplyReport report =
        new Executor(runner, 2, false, Progress.NONE, stop::get)
            .execute(plan(actions.toArray(Action[]::new)));
    stopper.join();
    assertThat(report.interrupted()).isTrue();
    assertThat(report.results()).hasSize(11);
    assertThat(runner.started).hasSize(2);
    assertThat(report.count(Outcome.DONE)).isEqualTo(2);
    assertThat(report.count(Outcome.SKIPPED)).isEqualTo(9);
    for (ActionResult r : report.results()) {
      boolean ran = runner.started.contains(r.action().address());
      assertThat(r.outcome()).isEqualTo(ran ? Outcome.DONE : Outcome.SKIPPED);
      if (!ran) {
        assertThat(r.message().orElseThrow()).contains("interrupted");
      }
    }
    assertThat(report.incomplete()).isTrue();
    assertThat(report.summary()).startsWith("Apply interrupted: 2 done, 0 failed, 9 skipped");
  }

  @Test
  void failureSkipsDependentsTransitivelyAndIndependentWorkGoesOn() {
    FakeRunner runner = new FakeRunner("groups/a");
    ApplyReport report =
        new Executor(runner, 4, false, Progress.NONE, () -> false)
            .execute(plan(action("a"), action("b", "a"), action("c", "b"), action("x")));
    assertThat(report.results())
        .extracting(r -> r.action().address() + "=" + r.outcome())
        .containsExactly(
            "groups/a=FAILED", "groups/b=SKIPPED", "groups/c=SKIPPED", "groups/x=DONE");
    ActionResult failed = report.results().get(0);
    assertThat(failed.errorType()).contains("io");
    assertThat(failed.message()).contains("boom groups/a");
    assertThat(report.results().get(2).message().orElseThrow())
        .contains("depends on groups/b, which was skipped");
    assertThat(report.text())
        .contains("failed  + groups/a [io]: boom groups/a")
        .contains("skipped + groups/b")
        .contains("Apply incomplete: 1 done, 1 failed, 2 skipped");
    assertThat(report.json().path("results")).hasSize(4);
  }

  @Test
  void failFastStartsNothingAfterTheFirstFailure() {
    FakeRunner runner = new FakeRunner("groups/a");
    List<Action> actions = new ArrayList<>(List.of(action("a")));
    for (int i = 0; i < 20; i++) {
      actions.add(action("after" + i, "z"));
    }
    actions.add(action("z", "a"));
    // parallelism 1: "a" runs alone and fails; everything else waits on it or on z.
    ApplyReport report =
        new Executor(runner, 1, true, Progress.NONE, () -> false)
            .execute(plan(actions.toArray(Action[]::new)));
    assertThat(runner.started).containsExactly("groups/a");
    assertThat(report.count(Outcome.FAILED)).isEqualTo(1);
    assertThat(report.count(Outcome.SKIPPED)).isEqualTo(21);
  }

  @Test
  void failFastStopsQueuedIndependentActions() {
    FakeRunner runner = new FakeRunner("groups/i0");
    List<Action> actions = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      actions.add(action("i" + i));
    }
    ApplyReport report =
        new Executor(runner, 1, true, Progress.NONE, () -> false)
            .execute(plan(actions.toArray(Action[]::new)));
    assertThat(runner.started).containsExactly("groups/i0");
    assertThat(report.count(Outcome.SKIPPED)).isEqualTo(9);
    assertThat(report.results().get(1).message().orElseThrow()).contains("--fail-fast");
  }

  @Test
  void aRunnerThrowingAnErrorIsReportedNotThrown() {
    ActionRunner runner =
        a -> {
          throw new IllegalStateException("unexpected");
        };
    ApplyReport report =
        new Executor(runner, 2, false, Progress.NONE, () -> false)
            .execute(plan(action("a"), action("b", "a")));
    assertThat(report.results())
        .extracting(ActionResult::outcome)
        .containsExactly(Outcome.FAILED, Outcome.SKIPPED);
    assertThat(report.results().get(0).errorType()).contains("internal");
  }
}
