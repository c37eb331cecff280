package io.chatform.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What is safe to do with a call after a failure whose outcome is unknown (timeout, reset, 5xx):
 * the retry engine asks this instead of hard-coding method names.
 */
sealed interface Safety {
  /** Reads, updates, value writes: repeating them changes nothing. */
  record Idempotent() implements Safety {}

  /** Deletes: a retried delete that answers {@code not_found} already succeeded. */
  record Delete() implements Safety {}

  /**
   * Non-idempotent creates: after an ambiguous failure, {@code probe} re-reads live state and
   * returns the result the create would have returned if the write happened; only when it finds
   * nothing is the create sent again. The caller guarantees no object with the same identity
   * existed before (the plan ensures it).
   */
  record Create(Supplier<Optional<JsonNode>> probe) implements Safety {}

  /** Sent at most once once the outcome is unknown (batch creates fall back per item). */
  record AtMostOnce() implements Safety {}

  Safety IDEMPOTENT = new Idempotent();
  Safety DELETE = new Delete();
  Safety AT_MOST_ONCE = new AtMostOnce();
}
