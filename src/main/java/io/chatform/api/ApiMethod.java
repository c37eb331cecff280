package io.chatform.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One Configuration API method as the client calls it: its name, what is safe to do after a failure
 * whose outcome is unknown, for creates how to find the object again, how its answer is read, and
 * how that answer identifies its objects ({@link IdShape}, what {@link AnswerChecks} checks). Kinds
 * declare theirs next to the code that writes them; methods more than one kind or layer reads are
 * in {@link Lists}.
 *
 * @param probe for a {@link Retry#CREATE}: how a lost answer is resolved; without it the create is
 *     sent at most once
 * @param ids for a list, how its objects are identified; for a create, the form of the id it
 *     answers
 */
public record ApiMethod<T>(
    String name, Retry retry, Optional<CreateProbe> probe, AnswerReader<T> reader, IdShape ids) {
  /** Retry safety as a method declares it (the probe, when there is one, supplies the rest). */
  public enum Retry {
    /** Reads, updates, value writes: repeating them changes nothing. */
    IDEMPOTENT,
    /** A retried delete that answers {@code not_found} already succeeded. */
    DELETE,
    /** Never blindly re-sent after an ambiguous failure: probed first, or sent at most once. */
    CREATE
  }

  /** A read whose answer {@code reader} turns into what callers use, its ids not checked. */
  public static <T> ApiMethod<T> read(String name, AnswerReader<T> reader) {
    return read(name, IdShape.UNCHECKED, reader);
  }

  /** A list whose objects are identified as {@code ids} says (checked before they are read). */
  public static <T> ApiMethod<T> read(String name, IdShape ids, AnswerReader<T> reader) {
    return new ApiMethod<>(name, Retry.IDEMPOTENT, Optional.empty(), reader, ids);
  }

  /** An idempotent write (update, set, publish, value merge). */
  public static ApiMethod<JsonNode> update(String name) {
    return new ApiMethod<>(
        name, Retry.IDEMPOTENT, Optional.empty(), AnswerReader.RAW, IdShape.UNCHECKED);
  }

  /** A delete (or unregister). */
  public static ApiMethod<JsonNode> delete(String name) {
    return new ApiMethod<>(
        name, Retry.DELETE, Optional.empty(), AnswerReader.RAW, IdShape.UNCHECKED);
  }

  /**
   * A create that a re-read of {@code probe} resolves after a lost answer; an id it answers must be
   * printable text.
   */
  public static ApiMethod<Created> create(
      String name, CreateProbe probe, AnswerReader<Created> reader) {
    return create(name, IdShape.TEXT, probe, reader);
  }

  /**
   * As {@link #create(String, CreateProbe, AnswerReader)}, answering an id shaped as {@code ids}.
   */
  public static ApiMethod<Created> create(
      String name, IdShape ids, CreateProbe probe, AnswerReader<Created> reader) {
    return new ApiMethod<>(name, Retry.CREATE, Optional.of(probe), reader, ids);
  }
}
