package io.chatform.emulator;

/**
 * Faults the emulator injects, all reproducible from {@code seed}: latency, per-credential rate
 * limit, failures, connection resets after a write, and stale reads (eventual consistency).
 *
 * @param seed seed of the one Random every fault decision draws from
 * @param latencyMs added to every API call
 * @param latencyJitterMs up to this much more, uniformly
 * @param rateLimit requests per second per credential (token bucket); 0 = unlimited
 * @param failRate probability of answering 500/503 {@code internal} without applying the call
 * @param resetAfterWriteRate probability that a write is applied and the connection then dropped
 * @param consistencyDelayMs list_/get_ methods answer from the state as it was this long ago
 * @param consistencyJitter each read comes from a server that lags by a random amount between 0 and
 *     {@code consistencyDelayMs} (seeded): reads are sometimes fresh, sometimes stale, and two
 *     reads in a row may go back in time, as with replicas that catch up independently
 */
public record FaultConfig(
    long seed,
    int latencyMs,
    int latencyJitterMs,
    int rateLimit,
    double failRate,
    double resetAfterWriteRate,
    int consistencyDelayMs,
    boolean consistencyJitter) {
  /** Without jitter: every read lags by exactly {@code consistencyDelayMs}. */
  public FaultConfig(
      long seed,
      int latencyMs,
      int latencyJitterMs,
      int rateLimit,
      double failRate,
      double resetAfterWriteRate,
      int consistencyDelayMs) {
    this(
        seed,
        latencyMs,
        latencyJitterMs,
        rateLimit,
        failRate,
        resetAfterWriteRate,
        consistencyDelayMs,
        false);
  }

  public FaultConfig {
    if (latencyMs < 0 || latencyJitterMs < 0 || rateLimit < 0 || consistencyDelayMs < 0) {
      throw new IllegalArgumentException("fault durations and rates must not be negative");
    }
    // Written so NaN fails too (every comparison with NaN is false).
    if (!(failRate >= 0 && failRate <= 1 && resetAfterWriteRate >= 0 && resetAfterWriteRate <= 1)) {
      throw new IllegalArgumentException("fault probabilities must be between 0 and 1");
    }
  }

  public static FaultConfig none() {
    return new FaultConfig(0, 0, 0, 0, 0, 0, 0, false);
  }

  public FaultConfig withSeed(long s) {
    return new FaultConfig(
        s,
        latencyMs,
        latencyJitterMs,
        rateLimit,
        failRate,
        resetAfterWriteRate,
        consistencyDelayMs,
        consistencyJitter);
  }

  public FaultConfig withLatency(int ms, int jitterMs) {
    return new FaultConfig(
        seed,
        ms,
        jitterMs,
        rateLimit,
        failRate,
        resetAfterWriteRate,
        consistencyDelayMs,
        consistencyJitter);
  }

  public FaultConfig withRateLimit(int perSecond) {
    return new FaultConfig(
        seed,
        latencyMs,
        latencyJitterMs,
        perSecond,
        failRate,
        resetAfterWriteRate,
        consistencyDelayMs,
        consistencyJitter);
  }

  public FaultConfig withFailRate(double p) {
    return new FaultConfig(
        seed,
        latencyMs,
        latencyJitterMs,
        rateLimit,
        p,
        resetAfterWriteRate,
        consistencyDelayMs,
        consistencyJitter);
  }

  public FaultConfig withResetAfterWriteRate(double p) {
    return new FaultConfig(
        seed,
        latencyMs,
        latencyJitterMs,
        rateLimit,
        failRate,
        p,
        consistencyDelayMs,
        consistencyJitter);
  }

  /** Reads lag by a random amount up to the delay instead of exactly the delay. */
  public FaultConfig withConsistencyJitter(boolean on) {
    return new FaultConfig(
        seed,
        latencyMs,
        latencyJitterMs,
        rateLimit,
        failRate,
        resetAfterWriteRate,
        consistencyDelayMs,
        on);
  }

  public FaultConfig withConsistencyDelayMs(int ms) {
    return new FaultConfig(
        seed,
        latencyMs,
        latencyJitterMs,
        rateLimit,
        failRate,
        resetAfterWriteRate,
        ms,
        consistencyJitter);
  }
}
