package io.chatform.api;

import io.chatform.model.ApiVersion;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Everything the client needs to reach one LiveChat account (or an emulator at any base URL), its
 * limits, and where debug lines go; validated here so a bad flag fails before any call.
 */
public record ClientConfig(
    String apiUrl,
    ApiVersion version,
    Optional<String> region,
    Credentials credentials,
    Optional<Path> caCert,
    double maxRps,
    double startRps,
    int parallelism,
    int batchSize,
    RetryPolicy retry,
    Duration callTimeout,
    long maxAnswerBytes,
    Duration consistencyWait,
    boolean debug,
    Consumer<String> debugSink,
    Timing timing) {
  public static final String DEFAULT_API_URL = "https://api.livechatinc.com";
  public static final ApiVersion DEFAULT_VERSION = ApiVersion.V3_6;

  /**
   * Default {@link Builder#consistencyWait}: LiveChat documents that changes may take up to ~2
   * minutes to show everywhere, but in practice lists catch up within seconds; waiting longer on
   * every ambiguous create would make faulty runs crawl. A trade-off, so it is a setting.
   */
  /**
   * Default {@link Builder#startRps}: LiveChat documents no rate limit, so the budget starts at a
   * rate no real account has refused in our runs and probes upward from there (see {@link
   * RateBudget}) while no 429 comes back.
   */
  public static final double DEFAULT_START_RPS = 50;

  /**
   * Default {@link Builder#maxRps}: the ceiling the probing stops at. With the default parallelism
   * of 8 and real round trips of 30–100 ms a run cannot exceed ~250 requests per second anyway; the
   * ceiling keeps a fast link (or an emulator) from turning one run into a flood.
   */
  public static final double DEFAULT_MAX_RPS = 250;

  public static final Duration DEFAULT_CONSISTENCY_WAIT = Duration.ofSeconds(5);

  /**
   * Default {@link Builder#maxAnswerBytes}: 64 MiB. The largest real answers are list calls of big
   * accounts (thousands of agents with every field ≈ 1–2 KB each, i.e. a few MB); 64 MiB leaves a
   * wide margin while keeping a hostile or broken server from exhausting memory.
   */
  public static final long DEFAULT_MAX_ANSWER_BYTES = 64L << 20;

  /**
   * Default {@link Builder#callTimeout}: the total deadline of one HTTP attempt (connect, send,
   * wait, read the whole answer). Generous for a 64 MiB answer on a slow link; a server that drips
   * its answer byte by byte is cut off here instead of holding the run forever.
   */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

  /**
   * {@code --region} as the client sends it (trimmed, lower case); one rule for every command,
   * those that never call the API too.
   *
   * @throws IllegalArgumentException when it is not dal or fra
   */
  public static String region(String given) {
    String r = given.strip().toLowerCase(Locale.ROOT);
    if (!r.equals("dal") && !r.equals("fra")) {
      throw new IllegalArgumentException(
          "--region " + r + " is not a LiveChat region; use dal or fra");
    }
    return r;
  }

  public ClientConfig {
    Objects.requireNonNull(apiUrl, "apiUrl");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(credentials, "credentials");
    Objects.requireNonNull(caCert, "caCert");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(callTimeout, "callTimeout");
    Objects.requireNonNull(consistencyWait, "consistencyWait");
    Objects.requireNonNull(debugSink, "debugSink");
    Objects.requireNonNull(timing, "timing");
    apiUrl = checkUrl(apiUrl);
    if (!ApiVersion.ACCEPTED.contains(version)) {
      throw new IllegalArgumentException(unsupportedMessage(version.label()));
    }
    region = region.map(ClientConfig::region);
    if (!(maxRps > 0) || Double.isInfinite(maxRps)) {
      throw new IllegalArgumentException("--max-rps must be a positive number, got " + maxRps);
    }
    if (!(startRps > 0) || Double.isInfinite(startRps)) {
      throw new IllegalArgumentException("--start-rps must be a positive number, got " + startRps);
    }
    if (parallelism < 1 || parallelism > 256) {
      throw new IllegalArgumentException(
          "--parallelism must be between 1 and 256, got " + parallelism);
    }
    if (callTimeout.isNegative() || callTimeout.isZero()) {
      throw new IllegalArgumentException("--call-timeout must be more than 0 seconds");
    }
    if (maxAnswerBytes < 1024) {
      throw new IllegalArgumentException(
          "--max-answer-mib must be at least 1 (MiB), got " + maxAnswerBytes + " bytes");
    }
    if (consistencyWait.isNegative()) {
      throw new IllegalArgumentException("--consistency-wait must not be negative");
    }
    if (batchSize < 1 || batchSize > 1000) {
      throw new IllegalArgumentException(
          "--batch-size must be between 1 and 1000, got " + batchSize);
    }
  }

  /** Defaults for everything but the credentials. */
  public static Builder builder(Credentials credentials) {
    return new Builder(credentials);
  }

  /**
   * Parses an {@code --api-version} label, refusing versions this client does not speak; the
   * developer preview 3.7 is taken when named ({@link ApiVersion#ACCEPTED}).
   */
  public static ApiVersion parseVersion(String label) {
    String l = label.strip();
    return ApiVersion.fromAcceptedLabel(l)
        .orElseThrow(() -> new IllegalArgumentException(unsupportedMessage(l)));
  }

  private static String unsupportedMessage(String label) {
    return "--api-version " + label + " is not supported; use " + ApiVersion.supportedText();
  }

  private static String checkUrl(String url) {
    return ApiUrls.check(url);
  }

  /** Fluent construction with the documented defaults. */
  public static final class Builder {
    private String apiUrl = DEFAULT_API_URL;
    private ApiVersion version = DEFAULT_VERSION;
    private Optional<String> region = Optional.empty();
    private final Credentials credentials;
    private Optional<Path> caCert = Optional.empty();
    private double maxRps = DEFAULT_MAX_RPS;
    private Optional<Double> startRps = Optional.empty();
    private int parallelism = 8;
    private int batchSize = 50;
    private RetryPolicy retry = RetryPolicy.DEFAULT;
    private Duration callTimeout = DEFAULT_CALL_TIMEOUT;
    private long maxAnswerBytes = DEFAULT_MAX_ANSWER_BYTES;
    private Duration consistencyWait = DEFAULT_CONSISTENCY_WAIT;
    private boolean debug;
    private Consumer<String> debugSink = line -> {};
    private Timing timing = Timing.SYSTEM;

    private Builder(Credentials credentials) {
      this.credentials = credentials;
    }

    public Builder apiUrl(String v) {
      apiUrl = v;
      return this;
    }

    public Builder version(ApiVersion v) {
      version = v;
      return this;
    }

    public Builder region(Optional<String> v) {
      region = v;
      return this;
    }

    public Builder caCert(Optional<Path> v) {
      caCert = v;
      return this;
    }

    /** The ceiling of the adaptive request rate ({@code --max-rps}). */
    public Builder maxRps(double v) {
      maxRps = v;
      return this;
    }

    /**
     * The rate the budget starts at ({@code --start-rps}; default {@link #DEFAULT_START_RPS}, or
     * the ceiling when that is lower). Equal to the ceiling, the budget never probes.
     */
    public Builder startRps(double v) {
      startRps = Optional.of(v);
      return this;
    }

    public Builder parallelism(int v) {
      parallelism = v;
      return this;
    }

    public Builder batchSize(int v) {
      batchSize = v;
      return this;
    }

    public Builder retry(RetryPolicy v) {
      retry = v;
      return this;
    }

    /** Total deadline of one HTTP attempt, answer included ({@code --call-timeout}). */
    public Builder callTimeout(Duration v) {
      callTimeout = v;
      return this;
    }

    /**
     * Largest answer body read; a longer one is cut off with an error ({@code --max-answer-mib}).
     */
    public Builder maxAnswerBytes(long v) {
      maxAnswerBytes = v;
      return this;
    }

    /**
     * How long a create whose outcome is unknown keeps re-reading live state before it concludes
     * the write did not happen and sends it again: lists can lag behind writes (eventual
     * consistency), and a create re-sent too early duplicates the object.
     */
    public Builder consistencyWait(Duration v) {
      consistencyWait = v;
      return this;
    }

    /** Turns debug lines on and sends them to {@code sink} (already redacted). */
    public Builder debug(Consumer<String> sink) {
      debug = true;
      debugSink = sink;
      return this;
    }

    public Builder timing(Timing v) {
      timing = v;
      return this;
    }

    public ClientConfig build() {
      return new ClientConfig(
          apiUrl,
          version,
          region,
          credentials,
          caCert,
          maxRps,
          startRps.orElse(Math.min(DEFAULT_START_RPS, maxRps)),
          parallelism,
          batchSize,
          retry,
          callTimeout,
          maxAnswerBytes,
          consistencyWait,
          debug,
          debugSink,
          timing);
    }
  }
}
