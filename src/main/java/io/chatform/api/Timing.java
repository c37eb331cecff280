package io.chatform.api;

import java.time.Duration;

/**
 * The clock and sleep the client uses for backoff and the rate budget, so tests can replace real
 * waiting with a fake clock and assert on the waits asked for.
 */
public interface Timing {
  long nanoTime();

  void sleep(Duration duration) throws InterruptedException;

  /** Real time. */
  Timing SYSTEM =
      new Timing() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
          long nanos = duration.toNanos();
          if (nanos > 0) {
            Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
          }
        }
      };
}
