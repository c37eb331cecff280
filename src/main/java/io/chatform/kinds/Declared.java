package io.chatform.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Kind;
import io.chatform.model.SourceLocation;
import java.util.Optional;

/** One object as a manifest declares it, where validation reads and locates it. */
public interface Declared {
  Kind kind();

  /** The spec as written (after the format's defaults). */
  ObjectNode spec();

  /** Where it is declared. */
  SourceLocation location();

  /** A string field of the spec. */
  Optional<String> text(String field);

  /** A value for messages: its reference text when it came from a secret. */
  String shownText(String rel);

  /** False when the field still holds an unresolved reference: its real text is not known. */
  boolean known(String rel);

  /** {@code value} (at {@code rel}) for a message, as the schema's messages show values. */
  String show(String rel, com.fasterxml.jackson.databind.JsonNode value);
}
