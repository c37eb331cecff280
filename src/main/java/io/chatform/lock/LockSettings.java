package io.chatform.lock;

import java.time.Duration;

/**
 * How the account lock is held: the Client ID owning the lease records, the TTL after which an
 * unrenewed lease is stale, how often a waiter re-reads, and how long to look for the outcome of a
 * registration whose answer was lost.
 */
public record LockSettings(
    String ownerClientId, Duration ttl, Duration poll, Duration resolveWait) {
  public LockSettings {
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("--lock-ttl must be more than 0 seconds");
    }
  }

  /** The holder renews this often: three renewals fit in one TTL. */
  public Duration renewEvery() {
    return ttl.dividedBy(3);
  }
}
