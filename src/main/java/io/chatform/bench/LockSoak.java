package io.chatform.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.api.ClientConfig;
import io.chatform.api.Credentials;
import io.chatform.api.LiveChatClient;
import io.chatform.api.RetryPolicy;
import io.chatform.api.Secret;
import io.chatform.apply.ApplyReport;
import io.chatform.apply.ClientRunner;
import io.chatform.apply.Executor;
import io.chatform.apply.Progress;
import io.chatform.emulator.Emulator;
import io.chatform.emulator.EmulatorConfig;
import io.chatform.emulator.FaultConfig;
import io.chatform.kinds.Kinds;
import io.chatform.kinds.LiveReader;
import io.chatform.kinds.ResourceKind;
import io.chatform.kinds.WriteContext;
import io.chatform.lock.AccountLock;
import io.chatform.lock.Holder;
import io.chatform.lock.Lease;
import io.chatform.lock.LockSettings;
import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import io.chatform.model.Kind;
import io.chatform.plan.Plan;
import io.chatform.plan.PlanOptions;
import io.chatform.plan.Planner;
import io.chatform.plan.Target;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The fault soak behind {@code chatform bench lock}: seeded runs, each with two writers applying
 * one manifest at once under the account lock, against an emulator mixing lost answers, 5xx, 429
 * and a consistency delay; counts duplicates and losses object by object in the emulator's own
 * state.
 */
public final class LockSoak {

  /** The figures of a soak. */
  public record Result(
      int runs, int duplicates, int losses, int waited, int failedWriters, long wallMs) {
    public String text() {
      return String.format(
          "runs %d, duplicates %d, losses %d, writers that waited for the lock %d, writers that"
              + " failed %d, wall %.1f s%n",
          runs, duplicates, losses, waited, failedWriters, wallMs / 1000.0);
    }
  }

  private final DesiredState desired;
  private final ApiVersion version;
  private final int delayMs;

  public LockSoak(DesiredState desired, ApiVersion version, int delayMs) {
    this.desired = desired;
    this.version = version;
    this.delayMs = delayMs;
  }

  /** The faults of run {@code i}: one kind each, every fifth run all of them. */
  FaultConfig faults(int i, long seed) {
    FaultConfig f = FaultConfig.none().withSeed(seed + i).withLatency(2, 3);
    return switch (i % 5) {
      case 0 -> f.withResetAfterWriteRate(0.15);
      case 1 -> f.withFailRate(0.15);
      case 2 -> f.withRateLimit(150);
      case 3 -> f.withConsistencyDelayMs(delayMs);
      default ->
          f.withResetAfterWriteRate(0.1)
              .withFailRate(0.1)
              .withRateLimit(200)
              .withConsistencyDelayMs(delayMs);
    };
  }

  public Result run(int runs, long seed, Consumer<String> perRun) throws Exception {
    long start = System.nanoTime();
    int dup = 0;
    int lost = 0;
    int waited = 0;
    int failed = 0;
    for (int i = 0; i < runs; i++) {
      FaultConfig faults = faults(i, seed);
      try (Emulator e = Emulator.start(EmulatorConfig.defaults().withFaults(faults))) {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<Boolean>> writers = new ArrayList<>();
        List<String> logs = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int w = 0; w < 2; w++) {
          String name = "writer" + w;
          writers.add(pool.submit(() -> write(e, name, logs::add)));
        }
        for (Future<Boolean> f : writers) {
          if (!f.get(120, TimeUnit.SECONDS)) {
            failed++;
          }
        }
        pool.shutdownNow();
        waited += (int) logs.stream().filter(l -> l.contains("waiting up to")).count();
        int[] counted = count(e);
        dup += counted[0];
        lost += counted[1];
        perRun.accept(
            String.format(
                "run %d (%s): duplicates %d, losses %d",
                i + 1, describe(i), counted[0], counted[1]));
      }
    }
    return new Result(runs, dup, lost, waited, failed, (System.nanoTime() - start) / 1_000_000);
  }

  private String describe(int i) {
    return switch (i % 5) {
      case 0 -> "reset after write";
      case 1 -> "5xx";
      case 2 -> "429";
      case 3 -> "consistency delay " + delayMs + " ms";
      default -> "all faults";
    };
  }

  /** One writer: lock, wait out the consistency window after the previous apply, plan, apply. */
  private boolean write(Emulator e, String name, Consumer<String> log) throws Exception {
    try (LiveChatClient client = client(e)) {
      AccountLock lock =
          new AccountLock(
              client,
              new LockSettings(
                  EmulatorConfig.SANDBOX_CLIENT_ID,
                  Duration.ofSeconds(30),
                  Duration.ofMillis(50),
                  Duration.ofSeconds(1)),
              new Holder("soak", name, ProcessHandle.current().pid(), Optional.empty()),
              Clock.systemUTC(),
              log);
      try (Lease lease = lock.acquire(Duration.ofSeconds(90))) {
        settle(lease.lastApplyEnded());
        for (int attempt = 0; attempt < 6; attempt++) {
          LiveReader.Snapshot snapshot = new LiveReader(client).read(desired);
          Target target = new Target(e.baseUrl(), "soak", version.label());
          Plan plan =
              new Planner().plan(desired, snapshot.state(), PlanOptions.defaults(version, target));
          if (!plan.hasChanges()) {
            return true;
          }
          ApplyReport report =
              new Executor(
                      new ClientRunner(WriteContext.of(client, snapshot)),
                      4,
                      false,
                      Progress.NONE,
                      () -> false)
                  .execute(plan);
          // Own writes become visible only after the delay: never re-plan inside it.
          settle(Optional.of(Instant.now()));
          if (!report.incomplete()) {
            return true;
          }
        }
        return false;
      }
    } catch (RuntimeException ex) {
      log.accept(name + " failed: " + ex.getMessage());
      return false;
    }
  }

  private void settle(Optional<Instant> lastWrite) throws InterruptedException {
    if (lastWrite.isPresent() && delayMs > 0) {
      long wait =
          Duration.between(Instant.now(), lastWrite.get().plusMillis(delayMs + 100L)).toMillis();
      if (wait > 0) {
        Thread.sleep(wait);
      }
    }
  }

  private LiveChatClient client(Emulator e) {
    return LiveChatClient.create(
        ClientConfig.builder(
                new Credentials.Pat(
                    EmulatorConfig.SANDBOX_ACCOUNT_ID, Secret.of(EmulatorConfig.SANDBOX_PAT)))
            .apiUrl(e.baseUrl())
            .version(version)
            .maxRps(1000)
            .startRps(1000)
            .retry(
                new RetryPolicy(
                    15, Duration.ofSeconds(20), Duration.ofMillis(5), Duration.ofMillis(100)))
            .consistencyWait(Duration.ofMillis(delayMs + 500L))
            .build());
  }

  /**
   * {duplicates, losses} of every kind the manifest declares whose objects the emulator can show
   * from its own state ({@link Emulator#storedObjects}), object by object.
   */
  int[] count(Emulator e) {
    int dup = 0;
    int lost = 0;
    for (ResourceKind rk : Kinds.all()) {
      Kind k = rk.kind();
      Optional<List<JsonNode>> stored = e.storedObjects(k.section());
      if (desired.section(k).isEmpty() || stored.isEmpty()) {
        continue;
      }
      Map<String, Integer> live = new HashMap<>();
      stored.get().forEach(o -> live.merge(k.identity(o), 1, Integer::sum));
      for (var r : desired.section(k).get()) {
        int n = live.getOrDefault(k.identity(r.spec()), 0);
        if (n == 0) {
          lost++;
        } else {
          dup += n - 1;
        }
      }
    }
    return new int[] {dup, lost};
  }
}
