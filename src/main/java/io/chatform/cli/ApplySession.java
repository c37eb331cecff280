package io.chatform.cli;

import io.chatform.apply.ApplyReport;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * One apply's life, for SIGINT/SIGTERM at any moment: a shutdown hook from the first line to the
 * last that stops new work and makes sure the report of what was done is printed exactly once — by
 * the main thread when it can (during execution, after in-flight calls finish), else by the hook
 * itself (while planning, asking, or verifying). The JVM then exits non-zero (130/143).
 */
final class ApplySession implements AutoCloseable {
  /** Where the apply is; the hook words the interruption after it. */
  enum Phase {
    PLANNING,
    CONFIRMING,
    EXECUTING,
    VERIFYING,
    FINISHED
  }

  private final AtomicBoolean stop = new AtomicBoolean();
  private final AtomicBoolean printed = new AtomicBoolean();
  private final CountDownLatch executed = new CountDownLatch(1);
  private final Thread hook;
  private volatile Phase phase = Phase.PLANNING;
  private volatile Optional<ApplyReport> report = Optional.empty();

  /** {@code printer} prints the report so far (empty: nothing was applied) for an interrupt. */
  ApplySession(Consumer<Interrupted> printer) {
    this.hook =
        new Thread(
            () -> {
              stop.set(true); // start nothing new, finish what is in flight
              if (phase == Phase.EXECUTING) {
                try {
                  executed.await(120, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              Phase at = phase;
              if (at != Phase.FINISHED) {
                printOnce(() -> printer.accept(new Interrupted(at, report)));
              }
            },
            "chatform-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** An interrupt, where it happened and the report so far. */
  record Interrupted(Phase phase, Optional<ApplyReport> report) {}

  boolean stopRequested() {
    return stop.get();
  }

  void phase(Phase p) {
    phase = p;
  }

  Phase phase() {
    return phase;
  }

  /** The executor's report, once it returned (whatever happens after, it is printed). */
  void executed(ApplyReport r) {
    report = Optional.of(r);
  }

  Optional<ApplyReport> report() {
    return report;
  }

  /** Runs {@code print} unless a report was already printed; true if it ran. */
  boolean printOnce(Runnable print) {
    if (printed.compareAndSet(false, true)) {
      print.run();
      return true;
    }
    return false;
  }

  /** Lets a waiting hook go on once the main thread has printed the execution's report. */
  void releaseHook() {
    executed.countDown();
  }

  @Override
  public void close() {
    releaseHook();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running: it prints (or has printed) and returns
    }
  }
}
