package io.chatform.emulator;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * Decides the injected faults of each call from one seeded Random (under a lock, so a given seed
 * and call sequence always gives the same faults), plus a token bucket per credential.
 */
final class Faults {
  /**
   * What happens to one call.
   *
   * @param latencyMs sleep before answering
   * @param failStatus 500 or 503 to fail without applying; 0 = no failure
   * @param resetAfterWrite drop the connection after applying (writes only)
   */
  record Decision(long latencyMs, int failStatus, boolean resetAfterWrite) {}

  private final FaultConfig config;
  private final Random random;
  private final LongSupplier nanoClock;
  private final Map<String, Bucket> buckets = new HashMap<>();

  private static final class Bucket {
    double tokens;
    long lastNanos;
  }

  Faults(FaultConfig config, LongSupplier nanoClock) {
    this.config = config;
    this.random = new Random(config.seed());
    this.nanoClock = nanoClock;
  }

  /** Draws in a fixed order, and only for enabled faults, so runs are reproducible. */
  synchronized Decision decide(boolean write) {
    long latency = config.latencyMs();
    if (config.latencyJitterMs() > 0) {
      latency += random.nextInt(config.latencyJitterMs() + 1);
    }
    int fail = 0;
    if (config.failRate() > 0 && random.nextDouble() < config.failRate()) {
      fail = random.nextBoolean() ? 500 : 503;
    }
    boolean reset = false;
    if (write && fail == 0 && config.resetAfterWriteRate() > 0) {
      reset = random.nextDouble() < config.resetAfterWriteRate();
    }
    return new Decision(latency, fail, reset);
  }

  /**
   * How far behind the server answering this read is: the configured delay, or with jitter a seeded
   * draw between 0 and it (drawn only when jitter is on, so other faults' sequences stay).
   */
  synchronized long readLagMs() {
    int d = config.consistencyDelayMs();
    return config.consistencyJitter() && d > 0 ? random.nextInt(d + 1) : d;
  }

  /**
   * Takes one token from the credential's bucket (capacity and refill = rateLimit per second); when
   * empty, returns the whole seconds to wait ({@code Retry-After}).
   */
  synchronized OptionalLong rateLimited(String credential) {
    int rate = config.rateLimit();
    if (rate <= 0) {
      return OptionalLong.empty();
    }
    long now = nanoClock.getAsLong();
    Bucket b =
        buckets.computeIfAbsent(
            credential,
            k -> {
              Bucket n = new Bucket();
              n.tokens = rate;
              n.lastNanos = now;
              return n;
            });
    b.tokens = Math.min(rate, b.tokens + (now - b.lastNanos) / 1e9 * rate);
    b.lastNanos = now;
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return OptionalLong.empty();
    }
    double seconds = (1 - b.tokens) / rate;
    return OptionalLong.of(Math.max(1, (long) Math.ceil(seconds)));
  }
}
