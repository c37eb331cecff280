package io.chatform.apply;

import io.chatform.plan.Action;
import java.util.Optional;

/**
 * The end of one action, for the report.
 *
 * @param errorType the API's {@code error.type} (or {@code io}, {@code internal}) when it failed
 * @param message what failed or why it was skipped; never contains secrets
 */
public record ActionResult(
    Action action,
    Outcome outcome,
    Optional<String> errorType,
    Optional<String> message,
    long millis) {
  static ActionResult done(Action a, long millis) {
    return new ActionResult(a, Outcome.DONE, Optional.empty(), Optional.empty(), millis);
  }

  static ActionResult failed(Action a, String type, String message, long millis) {
    return new ActionResult(a, Outcome.FAILED, Optional.of(type), Optional.of(message), millis);
  }

  static ActionResult unknown(Action a, String type, String message, long millis) {
    return new ActionResult(a, Outcome.UNKNOWN, Optional.of(type), Optional.of(message), millis);
  }

  static ActionResult skipped(Action a, String why) {
    return new ActionResult(a, Outcome.SKIPPED, Optional.empty(), Optional.of(why), 0);
  }
}
