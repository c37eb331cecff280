package io.chatform.bench;

import io.chatform.kinds.LiveReader;
import io.chatform.model.DesiredState;
import io.chatform.plan.Plan;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * Times {@code chatform plan} on a seeded account: the snapshot fetch (wall time and calls, which
 * should be about one round trip for all kinds together) and the diff (CPU time of the planner).
 */
public final class PlanBench {
  private static final int ROUNDS = 5;
  private final PrintWriter out;

  public PlanBench(PrintWriter out) {
    this.out = out;
  }

  public void run(String name, DesiredState desired, BenchSettings settings) {
    BenchSettings seeding =
        new BenchSettings(0, Math.max(8, settings.parallelism()), 50, 100_000, settings.version());
    com.fasterxml.jackson.databind.node.ObjectNode state;
    LiveReader.Snapshot empty;
    long seedMs;
    try (Session seed = new Session(seeding)) {
      long t0 = System.nanoTime();
      empty = seed.read(desired);
      seed.execute(seed.plan(desired, empty), seed.runner(empty));
      seedMs = ApplyBench.ms(System.nanoTime() - t0);
      state = seed.emulator.state();
    }
    out.printf("%s: seeded by an untimed apply without latency (%d ms)%n", name, seedMs);
    try (Session s = new Session(settings)) {
      s.emulator.replaceState(state);
      long[] wall = new long[ROUNDS];
      long calls = 0;
      LiveReader.Snapshot snapshot = null;
      for (int i = 0; i < ROUNDS; i++) {
        s.emulator.resetStats();
        long t0 = System.nanoTime();
        snapshot = s.read(desired);
        wall[i] = ApplyBench.ms(System.nanoTime() - t0);
        calls = s.emulator.statsCounters().total();
      }
      long expected = Floor.readCalls(desired);
      long trips = (expected + settings.parallelism() - 1) / settings.parallelism();
      out.printf(
          "  snapshot fetch  %s ms (runs; first is cold), %d calls (expected %d = %d round"
              + " trip%s at parallelism %d, floor %d ms)%n",
          Arrays.toString(wall),
          calls,
          expected,
          trips,
          trips == 1 ? "" : "s",
          settings.parallelism(),
          trips * settings.latencyMs());
      LiveReader.Snapshot live = snapshot;
      long[] quiet = cpu(() -> s.plan(desired, live));
      Plan again = s.plan(desired, live);
      out.printf(
          "  diff, seeded    %s ms CPU (runs), %d actions (%s)%n",
          Arrays.toString(quiet), again.actions().size(), again.summary());
      long[] full = cpu(() -> s.plan(desired, empty));
      Plan fromEmpty = s.plan(desired, empty);
      out.printf(
          "  diff, empty     %s ms CPU (runs), %d actions (%s)%n",
          Arrays.toString(full), fromEmpty.actions().size(), fromEmpty.summary());
      out.flush();
    }
  }

  private static long[] cpu(Runnable r) {
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long[] out = new long[ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      long t0 = mx.getCurrentThreadCpuTime();
      r.run();
      out[i] = (mx.getCurrentThreadCpuTime() - t0) / 1_000_000;
    }
    return out;
  }
}
