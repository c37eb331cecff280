package io.chatform.apply;

import io.chatform.plan.Action;
import io.chatform.plan.Plan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

/**
 * Runs a plan: each action once its dependencies are done, independent ones in parallel (longest
 * chain of dependents first), same-kind agent/bot actions grouped into batch calls. A failure skips
 * what depends on it and (unless fail-fast) lets independent work go on; an interrupt stops
 * starting new work and waits for what is in flight. The report is accurate whatever happens.
 */
public final class Executor {
  private final ActionRunner runner;
  private final int parallelism;
  private final boolean failFast;
  private final Progress progress;
  private final BooleanSupplier interrupted;

  public Executor(
      ActionRunner runner,
      int parallelism,
      boolean failFast,
      Progress progress,
      BooleanSupplier interrupted) {
    this.runner = runner;
    this.parallelism = Math.max(1, parallelism);
    this.failFast = failFast;
    this.progress = progress;
    this.interrupted = interrupted;
  }

  public ApplyReport execute(Plan plan) {
    long start = System.nanoTime();
    runner.starting(plan);
    List<Action> actions = plan.actions();
    Map<String, Action> byId = new LinkedHashMap<>();
    actions.forEach(a -> byId.put(a.id(), a));
    Map<String, Integer> waiting = new HashMap<>();
    Map<String, List<String>> dependents = new HashMap<>();
    for (Action a : actions) {
      int n = 0;
      for (String d : a.dependsOn()) {
        if (byId.containsKey(d)) {
          n++;
          dependents.computeIfAbsent(d, k -> new ArrayList<>()).add(a.id());
        }
      }
      waiting.put(a.id(), n);
    }
    Map<String, ActionResult> results = new HashMap<>();
    List<Action> ready =
        new ArrayList<>(actions.stream().filter(a -> waiting.get(a.id()) == 0).toList());
    ReadyQueue queue = new ReadyQueue(runner, actions, dependents);
    ExecutorService pool = Executors.newFixedThreadPool(parallelism);
    ExecutorCompletionService<List<ActionResult>> done = new ExecutorCompletionService<>(pool);
    progress.start(actions.size());
    int inFlight = 0;
    boolean stopped = false;
    try {
      while (true) {
        if (!stopped && (interrupted.getAsBoolean() || (failFast && anyFailed(results)))) {
          stopped = true;
        }
        ready.forEach(queue::add);
        ready.clear();
        // At most one task per worker: what waits stays in the queue, where a more urgent
        // action or a fuller batch can still overtake it.
        while (!stopped && inFlight < parallelism) {
          Optional<List<Action>> task = queue.next();
          if (task.isEmpty()) {
            break;
          }
          List<Action> t = task.get();
          done.submit(() -> runTask(t));
          inFlight++;
        }
        if (inFlight == 0) {
          break;
        }
        List<ActionResult> finished = take(done);
        inFlight--;
        for (ActionResult r : finished) {
          results.put(r.action().id(), r);
          progress.finished(r);
          release(r, byId, waiting, dependents, results, ready);
        }
      }
    } finally {
      pool.shutdown();
    }
    String why =
        interrupted.getAsBoolean()
            ? "not started: interrupted"
            : "not started: --fail-fast after a failure";
    List<ActionResult> ordered = new ArrayList<>();
    for (Action a : actions) {
      ordered.add(results.getOrDefault(a.id(), ActionResult.skipped(a, why)));
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new ApplyReport(ordered, interrupted.getAsBoolean(), millis);
  }

  /** Marks what became ready, or skips what can no longer run because a dependency did not. */
  private static void release(
      ActionResult r,
      Map<String, Action> byId,
      Map<String, Integer> waiting,
      Map<String, List<String>> dependents,
      Map<String, ActionResult> results,
      List<Action> ready) {
    for (String d : dependents.getOrDefault(r.action().id(), List.of())) {
      if (results.containsKey(d)) {
        continue;
      }
      if (r.outcome() != Outcome.DONE) {
        ActionResult skip =
            ActionResult.skipped(
                byId.get(d),
                "skipped: depends on "
                    + r.action().address()
                    + switch (r.outcome()) {
                      case FAILED -> ", which failed";
                      case UNKNOWN -> ", whose outcome is unknown";
                      default -> ", which was skipped";
                    });
        results.put(d, skip);
        release(skip, byId, waiting, dependents, results, ready);
      } else if (waiting.merge(d, -1, Integer::sum) == 0) {
        ready.add(byId.get(d));
      }
    }
  }

  private List<ActionResult> runTask(List<Action> task) {
    long t0 = System.nanoTime();
    List<ActionResult> out = new ArrayList<>();
    if (task.size() == 1) {
      Action a = task.get(0);
      try {
        runner.run(a);
        out.add(ActionResult.done(a, ms(t0)));
      } catch (Exception e) {
        out.add(ended(a, e, ms(t0)));
      }
      return out;
    }
    List<Optional<Exception>> rs;
    try {
      rs = runner.runBatch(task);
    } catch (Exception e) {
      task.forEach(a -> out.add(ended(a, e, ms(t0))));
      return out;
    }
    for (int i = 0; i < task.size(); i++) {
      Action a = task.get(i);
      Optional<Exception> err = rs.get(i);
      out.add(err.isEmpty() ? ActionResult.done(a, ms(t0)) : ended(a, err.get(), ms(t0)));
    }
    return out;
  }

  /** A thrown action: failed when the API said no, unknown when it may have applied. */
  private ActionResult ended(Action a, Exception e, long millis) {
    return runner.outcomeUnknown(e)
        ? ActionResult.unknown(a, runner.errorType(e), message(e), millis)
        : ActionResult.failed(a, runner.errorType(e), message(e), millis);
  }

  private static String message(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  private static long ms(long t0) {
    return (System.nanoTime() - t0) / 1_000_000;
  }

  private static boolean anyFailed(Map<String, ActionResult> results) {
    return results.values().stream()
        .anyMatch(r -> r.outcome() == Outcome.FAILED || r.outcome() == Outcome.UNKNOWN);
  }

  private static List<ActionResult> take(ExecutorCompletionService<List<ActionResult>> done) {
    while (true) {
      try {
        Future<List<ActionResult>> f = done.take();
        return f.get();
      } catch (InterruptedException e) {
        // Keep waiting: in-flight calls must finish so the report stays accurate.
        Thread.interrupted();
      } catch (java.util.concurrent.ExecutionException e) {
        throw new IllegalStateException("executor task failed unexpectedly", e.getCause());
      }
    }
  }
}
