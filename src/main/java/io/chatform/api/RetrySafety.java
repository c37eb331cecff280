package io.chatform.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.function.Supplier;

/**
 * What is safe to do with a call after a failure whose outcome is unknown (timeout, reset, 5xx):
 * the retry engine asks this instead of hard-coding method names.
 */
sealed interface RetrySafety {
  /** Reads, updates, value writes: repeating them changes nothing. */
  record Idempotent() implements RetrySafety {}

  /** Deletes: a retried delete that answers {@code not_found} already succeeded. */
  record Delete() implements RetrySafety {}

  /**
   * Non-idempotent creates: after an ambiguous failure, {@code probe} re-reads live state and
   * returns the result the create would have returned if the write happened; only when it finds
   * nothing is the create sent again. An object with the same identity that existed before counts
   * only if its id is not one this client deleted (a replace, a re-create after a prune): a list
   * still showing the deleted id proves it lags, so it tells nothing.
   *
   * @param uniqueAtWrite the API itself refuses a second object with this identity ({@code
   *     already_exists}, decided at write time, not from lagging lists): agents (id = e-mail) and
   *     property definitions (owner + name). For these, re-sending is always safe and an {@code
   *     already_exists} after an unclear attempt means the write happened.
   */
  record Create(Supplier<Seen> probe, boolean uniqueAtWrite) implements RetrySafety {}

  /** What one probe read saw. */
  sealed interface Seen {
    /** The create happened: the result it would have answered ({@code id} where it has one). */
    record Found(JsonNode result) implements Seen {}

    /** Nothing with this identity is listed. */
    record Absent() implements Seen {}

    /** Only objects this client deleted are listed: the list lags, absence cannot be told. */
    record Stale(String why) implements Seen {}
  }

  /** Sent at most once once the outcome is unknown (batch creates fall back per item). */
  record AtMostOnce() implements RetrySafety {}

  RetrySafety IDEMPOTENT = new Idempotent();
  RetrySafety DELETE = new Delete();
  RetrySafety AT_MOST_ONCE = new AtMostOnce();
}
