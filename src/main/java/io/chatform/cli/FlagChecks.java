package io.chatform.cli;

import java.time.Duration;

/**
 * Refuses numeric flags that picocli parses but that mean nothing: {@code NaN}, infinities and
 * negatives (a {@code --consistency-wait NaN} must not silently become 0, nor {@code
 * --verify-timeout -1} "skip"), with one usage line naming the flag and what it takes.
 */
final class FlagChecks {
  private FlagChecks() {}

  /** Most seconds any duration flag takes: one day (OkHttp refuses timeouts near 25 days). */
  static final double MAX_SECONDS = 86_400;

  /**
   * A finite number of seconds up to {@value #MAX_SECONDS} (0 allowed only when {@code
   * zeroAllowed}), as a duration.
   */
  static Duration seconds(String flag, double value, boolean zeroAllowed) {
    boolean ok =
        !Double.isNaN(value) && value <= MAX_SECONDS && (zeroAllowed ? value >= 0 : value > 0);
    if (!ok) {
      throw new UserException(
          flag
              + " takes a number of seconds"
              + (zeroAllowed ? " from 0" : " above 0")
              + " up to 86400, not "
              + value
              + "; e.g. "
              + flag
              + " 30");
    }
    return Duration.ofMillis(Math.round(value * 1000));
  }

  /** A whole number in {@code [min, max]}. */
  static int range(String flag, long value, long min, long max) {
    if (value < min || value > max) {
      throw new UserException(
          flag + " takes a whole number from " + min + " to " + max + ", not " + value);
    }
    return (int) value;
  }
}
