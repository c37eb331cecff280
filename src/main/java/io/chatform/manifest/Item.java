package io.chatform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Kind;
import io.chatform.model.SourceLocation;
import java.util.Map;
import java.util.Optional;

/**
 * One object read from one manifest file, before it becomes a {@link io.chatform.model.Resource}:
 * it still knows its file and pointer so checks across files can point at every field.
 *
 * @param ptr JSON pointer of the object in its file (for map-shaped kinds: of the value)
 * @param sensitive spec-relative JSON pointer → reference text
 * @param unresolved spec-relative pointers whose value is still the reference text
 */
record Item(
    Kind kind,
    ObjectNode spec,
    SourceLocation location,
    String ptr,
    PositionIndex index,
    Map<String, String> sensitive,
    java.util.Set<String> unresolved)
    implements io.chatform.kinds.Declared {

  Item(
      Kind kind,
      ObjectNode spec,
      SourceLocation location,
      String ptr,
      PositionIndex index,
      Map<String, String> sensitive) {
    this(kind, spec, location, ptr, index, sensitive, java.util.Set.of());
  }

  /** False when the field still holds an unresolved reference: its real text is not known. */
  @Override
  public boolean known(String rel) {
    return !unresolved.contains(rel);
  }

  /** Pointer of a field inside this object ({@code rel} like {@code /groups/0/group}). */
  String ptr(String rel) {
    return ptr + rel;
  }

  SourceLocation at(String rel) {
    return index.value(ptr(rel));
  }

  SourceLocation keyAt(String rel) {
    return index.key(ptr(rel));
  }

  String display(String rel) {
    return index.display(ptr(rel));
  }

  /** A string field, if present and a string. */
  @Override
  public Optional<String> text(String field) {
    JsonNode v = spec.get(field);
    return v != null && v.isTextual() ? Optional.of(v.asText()) : Optional.empty();
  }

  /** A string field for messages: its reference text when it came from a secret. */
  @Override
  public String shownText(String rel) {
    String v = sensitive.get(rel);
    if (v != null) {
      return v;
    }
    JsonNode n = spec.at(rel);
    return n.isMissingNode() ? "" : n.asText();
  }

  /** The identity for messages, with every field that came from a secret shown as its reference. */
  String shownIdentity() {
    if (sensitive.isEmpty()) {
      return kind.identity(spec);
    }
    ObjectNode copy = spec.deepCopy();
    sensitive.forEach(
        (rel, ref) -> {
          int slash = rel.lastIndexOf('/');
          if (slash == 0 && copy.has(rel.substring(1))) {
            copy.put(rel.substring(1), ref);
          }
        });
    return kind.identity(copy);
  }

  /** The value for messages: the reference text when it came from a secret. */
  @Override
  public String show(String rel, JsonNode value) {
    return SchemaMessages.show(value, rel, sensitive);
  }
}
