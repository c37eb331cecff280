package io.chatform.bench;

import io.chatform.apply.ClientRunner;
import io.chatform.kinds.LiveReader;
import io.chatform.model.DesiredState;
import io.chatform.plan.Plan;
import java.io.PrintWriter;

/**
 * Applies a workload to an empty emulator and compares the run with its floor: wall time, calls
 * made, minimal calls, and the latency floor over the plan's dependency levels.
 */
public final class ApplyBench {
  private final PrintWriter out;

  public ApplyBench(PrintWriter out) {
    this.out = out;
  }

  /** What one apply from empty measured, and what its plan needed at least. */
  public record Run(
      String name,
      BenchSettings settings,
      Plan plan,
      long wallMs,
      long readMs,
      long executeMs,
      long readCalls,
      long writeCalls,
      Floor.Result floor) {
    /** Calls the same plan makes one action per call (no batches), reads included. */
    public long unbatchedCalls() {
      return Floor.of(plan, a -> java.util.Optional.empty(), 1, 1, floor.readCalls())
          .minimalCalls();
    }

    public long calls() {
      return readCalls + writeCalls;
    }

    public long floorMs() {
      return floor.floorMillis(settings.latencyMs());
    }

    public double floorRatio() {
      return ratio(wallMs, floorMs());
    }

    public double callRatio() {
      return ratio(calls(), floor.minimalCalls());
    }
  }

  /** Reads, plans and applies {@code desired} against a fresh emulator. */
  public Run run(String name, DesiredState desired, BenchSettings settings) {
    try (Session s = new Session(settings)) {
      s.emulator.resetStats();
      long t0 = System.nanoTime();
      LiveReader.Snapshot snapshot = s.read(desired);
      Plan plan = s.plan(desired, snapshot);
      long t1 = System.nanoTime();
      long readCalls = s.emulator.statsCounters().total();
      ClientRunner runner = s.runner(snapshot);
      s.execute(plan, runner);
      long t2 = System.nanoTime();
      long writeCalls = s.emulator.statsCounters().total() - readCalls;
      Floor.Result floor =
          Floor.of(
              plan,
              runner::batchGroup,
              settings.batchSize(),
              settings.parallelism(),
              Floor.readCalls(desired));
      return new Run(
          name,
          settings,
          plan,
          ms(t2 - t0),
          ms(t1 - t0),
          ms(t2 - t1),
          readCalls,
          writeCalls,
          floor);
    }
  }

  /**
   * One untimed apply of a small generated account, so the measured runs see a warm JVM (JIT,
   * classes, TLS-free HTTP stack) as a long-running CI job would, not class loading.
   */
  public void warmUp(BenchSettings settings) {
    long t0 = System.nanoTime();
    LargeAccount.Sizes small = new LargeAccount.Sizes(100, 10, 25, 15);
    run("warm-up", Workloads.large(small, settings.version()), settings);
    out.printf(
        "(JVM warmed up by one untimed apply of a small account: %d ms)%n",
        ms(System.nanoTime() - t0));
    out.flush();
  }

  public void print(Run r) {
    Floor.Result f = r.floor();
    out.printf(
        "%s: %d actions in %d dependency levels%n",
        r.name(), r.plan().actions().size(), f.levels().size());
    out.printf(
        "  wall            %8d ms   (read+plan %d ms, execute %d ms)%n",
        r.wallMs(), r.readMs(), r.executeMs());
    out.printf(
        "  calls made      %8d      (reads %d, writes %d)%n",
        r.calls(), r.readCalls(), r.writeCalls());
    out.printf(
        "  minimal calls   %8d      (reads %d, writes %d)  ratio %.2f  [target <= 1.10]%n",
        f.minimalCalls(), f.readCalls(), f.writeCalls(), r.callRatio());
    out.printf(
        "  floor           %8d ms   (%d round trips x %d ms)  wall/floor %.2f  [target <= 1.50]%n",
        r.floorMs(), f.roundTrips(), r.settings().latencyMs(), r.floorRatio());
    StringBuilder levels = new StringBuilder();
    for (Floor.Level l : f.levels()) {
      levels
          .append(levels.length() == 0 ? "" : " ")
          .append(l.actions())
          .append('/')
          .append(l.calls());
    }
    out.printf("  per level       actions/calls: %s%n", levels);
    out.flush();
  }

  /** Prints the speed-up of {@code fast} over a sequential run (measured or estimated). */
  public void printSpeedup(Run fast, double sequentialMs, String how) {
    out.printf(
        "  one call at a time: %.0f ms (%s)  speed-up %.1fx  [target >= 10]%n",
        sequentialMs, how, sequentialMs / fast.wallMs());
    out.flush();
  }

  static double ratio(double a, double b) {
    return b <= 0 ? 0 : a / b;
  }

  static long ms(long nanos) {
    return nanos / 1_000_000;
  }
}
