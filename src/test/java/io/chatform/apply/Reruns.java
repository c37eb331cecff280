package io.chatform.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.api.LiveChatException;
import io.chatform.emulator.FaultConfig;
import io.chatform.model.DesiredState;

/** Plan and apply again until nothing is left, as a user rerunning through faults would. */
final class Reruns {
  private Reruns() {}

  /** Reruns up to 20 rounds and asserts convergence; returns how many plans were made. */
  static int untilConverged(Harness h, DesiredState desired) {
    int plans = 0;
    for (int round = 0; round < 20; round++) {
      plans++;
      Harness.Planned p;
      try {
        p = h.plan(desired);
      } catch (LiveChatException e) {
        continue; // a read lost to a fault: plan again
      }
      if (!p.plan().hasChanges()) {
        return plans;
      }
      h.execute(p);
    }
    assertThat(false).as("converged within 20 rounds").isTrue();
    return plans;
  }

  /** One kind of fault, often enough for a small account: reset, fail or ratelimit. */
  static FaultConfig faults(String fault, long seed) {
    FaultConfig f =
        switch (fault) {
          case "reset" -> FaultConfig.none().withResetAfterWriteRate(0.5);
          case "fail" -> FaultConfig.none().withFailRate(0.5);
          default -> FaultConfig.none().withRateLimit(5);
        };
    return f.withSeed(seed);
  }

  /**
   * The faults were really injected: 5xx and 429 answers were counted, and after lost answers of
   * creates, {@code listMethod} was called more often than once a plan (its create probes).
   */
  static void assertFaultsHappened(Harness h, String fault, String listMethod, int plans) {
    JsonNode stats = h.emulator.stats();
    switch (fault) {
      case "fail" -> assertThat(stats.path("errors").path("internal").asLong()).isPositive();
      case "ratelimit" ->
          assertThat(stats.path("errors").path("too_many_requests").asLong()).isPositive();
      default ->
          assertThat(stats.path("calls").path(listMethod).asLong())
              .as("lost create answers were probed, not blindly re-sent")
              .isGreaterThan(plans);
    }
  }
}
