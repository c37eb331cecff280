package io.chatform.api;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Bounds on retrying 429, 5xx and I/O failures: attempts, total time, and exponential backoff with
 * full jitter; a setting so tests can run with tiny delays.
 */
public record RetryPolicy(
    int maxAttempts, Duration maxTotalTime, Duration baseDelay, Duration maxDelay) {
  public static final RetryPolicy DEFAULT =
      new RetryPolicy(6, Duration.ofSeconds(60), Duration.ofMillis(200), Duration.ofSeconds(10));

  public RetryPolicy {
    Objects.requireNonNull(maxTotalTime, "maxTotalTime");
    Objects.requireNonNull(baseDelay, "baseDelay");
    Objects.requireNonNull(maxDelay, "maxDelay");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
    }
  }

  /** Full jitter: a uniformly random wait in [0, min(maxDelay, base * 2^(attempt-1))]. */
  Duration backoff(int attempt) {
    long base = Math.max(0, baseDelay.toNanos());
    long cap = Math.max(0, maxDelay.toNanos());
    long exp = base << Math.min(30, Math.max(0, attempt - 1));
    if (exp < 0 || exp > cap) {
      exp = cap;
    }
    return Duration.ofNanos(exp == 0 ? 0 : ThreadLocalRandom.current().nextLong(exp + 1));
  }
}
