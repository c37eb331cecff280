package io.chatform.apply;

import io.chatform.plan.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Performs plan actions against an account. The executor owns order, parallelism and results; the
 * runner only knows how to make the calls.
 */
public interface ActionRunner {
  /** Called once before the plan's first action runs: what the runner must know of all of it. */
  default void starting(io.chatform.plan.Plan plan) {}

  /** Runs one action; throws when it failed. */
  void run(Action action) throws Exception;

  /** The batch group of an action (same kind and type, on an API with a batch method), if any. */
  default Optional<String> batchGroup(Action action) {
    return Optional.empty();
  }

  /** Largest batch the runner accepts. */
  default int batchSize() {
    return 1;
  }

  /**
   * Runs several actions of one batch group as one call; returns, in order, empty for each action
   * that succeeded or the failure of each that did not.
   */
  default List<Optional<Exception>> runBatch(List<Action> actions) {
    List<Optional<Exception>> out = new ArrayList<>();
    for (Action a : actions) {
      try {
        run(a);
        out.add(Optional.empty());
      } catch (Exception e) {
        out.add(Optional.of(e));
      }
    }
    return out;
  }

  /**
   * True when a failure leaves the account's state unknown (the answer was lost, or a retry's
   * answer does not tell whether an earlier attempt applied), false when the API said no.
   */
  default boolean outcomeUnknown(Exception e) {
    return false;
  }

  /** The API error type of a failure ({@code io}, {@code internal} when it has none). */
  default String errorType(Exception e) {
    return e instanceof java.io.IOException ? "io" : "internal";
  }
}
