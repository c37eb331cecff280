package io.chatform.bench;

import io.chatform.model.ApiVersion;

/**
 * The knobs of one benchmark run, printed with every result so figures can be compared.
 *
 * @param maxRps the client's rate budget: high by default so it does not hide the latency floor
 */
public record BenchSettings(
    int latencyMs, int parallelism, int batchSize, double maxRps, ApiVersion version) {
  public BenchSettings {
    if (latencyMs < 0 || parallelism < 1 || batchSize < 1 || !(maxRps > 0)) {
      throw new IllegalArgumentException(
          "--latency-ms must be >= 0, --parallelism, --batch-size and --max-rps positive");
    }
  }

  /** The same settings, one call at a time and no batching: the baseline to beat. */
  public BenchSettings sequential() {
    return new BenchSettings(latencyMs, 1, 1, maxRps, version);
  }

  public String describe() {
    return String.format(
        "API %s, emulator latency %d ms, parallelism %d, batch size %d, max rps %.0f",
        version.label(), latencyMs, parallelism, batchSize, maxRps);
  }
}
