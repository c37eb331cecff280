package io.chatform.api;

import java.time.Duration;
import java.util.Optional;

/**
 * One request-rate budget shared by every thread of a client, adapting like TCP (AIMD): a 429
 * halves the rate, each success adds a little back up to {@code --max-rps}; a {@code Retry-After}
 * pauses everyone, not just the thread that was told.
 */
final class RateBudget {
  private final Timing timing;
  private final double maxRps;
  private final double minRps;
  private final double increment;

  private double rate;
  private long nextSlot;
  private long pausedUntil;
  // Bumped on each decrease: a 429 for a request sent before the last decrease is the same
  // congestion event, so N threads hit by one storm halve the rate once, not N times.
  private long epoch;

  RateBudget(double maxRps, Timing timing) {
    this.timing = timing;
    this.maxRps = maxRps;
    this.minRps = Math.min(maxRps, Math.max(0.2, maxRps / 32));
    this.increment = maxRps / 250;
    this.rate = maxRps;
    this.nextSlot = timing.nanoTime();
    this.pausedUntil = nextSlot;
  }

  /** Waits for this caller's slot and returns the epoch to report a 429 against. */
  long acquire() throws InterruptedException {
    long wait;
    long myEpoch;
    synchronized (this) {
      long now = timing.nanoTime();
      long slot = Math.max(now, Math.max(nextSlot, pausedUntil));
      nextSlot = slot + (long) (1e9 / rate);
      wait = slot - now;
      myEpoch = epoch;
    }
    if (wait > 0) {
      timing.sleep(Duration.ofNanos(wait));
    }
    return myEpoch;
  }

  /** Additive increase. */
  synchronized void onSuccess() {
    rate = Math.min(maxRps, rate + increment);
  }

  /** Multiplicative decrease (once per congestion event) and a shared pause for Retry-After. */
  synchronized void onThrottled(long permitEpoch, Optional<Duration> retryAfter) {
    if (permitEpoch == epoch) {
      rate = Math.max(minRps, rate / 2);
      epoch++;
    }
    retryAfter.ifPresent(d -> pausedUntil = Math.max(pausedUntil, timing.nanoTime() + d.toNanos()));
  }

  synchronized double currentRps() {
    return rate;
  }
}
