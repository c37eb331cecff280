package io.chatform.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One Configuration API method as the client calls it: its name, what is safe to do after a failure
 * whose outcome is unknown, for creates how to find the object again, and how its answer is read.
 * Kinds declare theirs next to the code that writes them; methods more than one kind or layer reads
 * are in {@link Lists}.
 *
 * @param probe for a {@link Retry#CREATE}: how a lost answer is resolved; without it the create is
 *     sent at most once
 */
public record ApiMethod<T>(
    String name, Retry retry, Optional<CreateProbe> probe, AnswerReader<T> reader) {
  /** Retry safety as a method declares it (the probe, when there is one, supplies the rest). */
  public enum Retry {
    /** Reads, updates, value writes: repeating them changes nothing. */
    IDEMPOTENT,
    /** A retried delete that answers {@code not_found} already succeeded. */
    DELETE,
    /** Never blindly re-sent after an ambiguous failure: probed first, or sent at most once. */
    CREATE
  }

  /** A read whose answer {@code reader} turns into what callers use. */
  public static <T> ApiMethod<T> read(String name, AnswerReader<T> reader) {
    return new ApiMethod<>(name, Retry.IDEMPOTENT, Optional.empty(), reader);
  }

  /** An idempotent write (update, set, publish, value merge). */
  public static ApiMethod<JsonNode> update(String name) {
    return new ApiMethod<>(name, Retry.IDEMPOTENT, Optional.empty(), AnswerReader.RAW);
  }

  /** A delete (or unregister). */
  public static ApiMethod<JsonNode> delete(String name) {
    return new ApiMethod<>(name, Retry.DELETE, Optional.empty(), AnswerReader.RAW);
  }

  /** A create that a re-read of {@code probe} resolves after a lost answer. */
  public static ApiMethod<Created> create(
      String name, CreateProbe probe, AnswerReader<Created> reader) {
    return new ApiMethod<>(name, Retry.CREATE, Optional.of(probe), reader);
  }
}
