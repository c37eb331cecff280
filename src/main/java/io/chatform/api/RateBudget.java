package io.chatform.api;

import java.time.Duration;
import java.util.Optional;

/**
 * One request-rate budget shared by every thread of a client, adapting like TCP: it starts at a
 * safe rate ({@code --start-rps}) and, while the API has never answered 429, probes upward fast
 * (slow start: each success adds 5% to the rate, doubling it every 14 successful calls, as TCP's
 * slow start doubles its window every round trip) up to the ceiling {@code --max-rps}. At 1% (the
 * first choice) a whole apply of a few hundred objects ran at the start rate and took twice its
 * latency floor. The first 429 ends the probing: from then on a 429 halves the rate and each
 * success adds a little back (AIMD). A {@code Retry-After} pauses everyone, not just the thread
 * that was told. A probing budget starts with a burst of {@link #START_BURST} unspaced requests (a
 * token bucket that starts full); a fixed rate is paced from the first request. LiveChat documents
 * no rate limit, so the start is conservative and the ceiling is a flag.
 */
final class RateBudget {
  private final Timing timing;
  private final double maxRps;
  private final double minRps;
  private final double increment;
  private static final double PROBE_GROWTH = 1.05;

  /**
   * Requests a probing budget sends at once before its rate applies: one round of {@code
   * --parallelism 8} and two more, so the first reads and writes of a run do not queue behind a 20
   * ms spacing that the API never asked for.
   */
  static final int START_BURST = 10;

  private double rate;
  private long nextSlot;
  private long pausedUntil;
  // Bumped on each decrease: a 429 for a request sent before the last decrease is the same
  // congestion event, so N threads hit by one storm halve the rate once, not N times.
  private long epoch;
  private boolean probing;

  /** A fixed budget: starts at its ceiling, so there is nothing to probe. */
  RateBudget(double maxRps, Timing timing) {
    this(maxRps, maxRps, timing);
  }

  RateBudget(double startRps, double maxRps, Timing timing) {
    this.timing = timing;
    this.maxRps = maxRps;
    this.minRps = Math.min(maxRps, Math.max(0.2, maxRps / 32));
    this.increment = maxRps / 250;
    this.rate = Math.min(startRps, maxRps);
    this.probing = rate < maxRps;
    long now = timing.nanoTime();
    // The bucket starts full: the first START_BURST slots of a probing budget lie in the past.
    this.nextSlot = probing ? now - (long) ((START_BURST - 1) * 1e9 / rate) : now;
    this.pausedUntil = nextSlot;
  }

  /** Waits for this caller's slot and returns the epoch to report a 429 against. */
  long acquire() throws InterruptedException {
    long wait;
    long myEpoch;
    synchronized (this) {
      long now = timing.nanoTime();
      // While probing, a slot may lie up to START_BURST - 1 intervals in the past (a token bucket
      // of START_BURST); after the first 429, never: every request is spaced.
      long burst = probing ? (long) ((START_BURST - 1) * 1e9 / rate) : 0;
      long slot = Math.max(now - burst, Math.max(nextSlot, pausedUntil));
      nextSlot = slot + (long) (1e9 / rate);
      wait = Math.max(0, slot - now);
      myEpoch = epoch;
    }
    if (wait > 0) {
      timing.sleep(Duration.ofNanos(wait));
    }
    return myEpoch;
  }

  /** Fast increase while probing, additive increase after the first 429. */
  synchronized void onSuccess() {
    rate =
        Math.min(
            maxRps, probing ? Math.max(rate * PROBE_GROWTH, rate + increment) : rate + increment);
  }

  /** Multiplicative decrease (once per congestion event) and a shared pause for Retry-After. */
  synchronized void onThrottled(long permitEpoch, Optional<Duration> retryAfter) {
    probing = false;
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
