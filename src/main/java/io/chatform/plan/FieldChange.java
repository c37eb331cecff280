package io.chatform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Optional;

/**
 * One field's change, before → after (canonical forms). Empty before/after mean "not set". A
 * sensitive change never carries its values: renderers print {@code (sensitive)}.
 *
 * @param unset an owned field the manifests leave unset (omitted, or {@code null}), reset to its
 *     API default (issue #16): {@code after} is empty and renderers print {@code (unset)}
 */
public record FieldChange(
    String field,
    Optional<JsonNode> before,
    Optional<JsonNode> after,
    boolean sensitive,
    boolean unset) {
  public FieldChange(
      String field, Optional<JsonNode> before, Optional<JsonNode> after, boolean sensitive) {
    this(field, before, after, sensitive, false);
  }

  /** An owned field reset to its default by leaving it unset. */
  static FieldChange reset(String field, Optional<JsonNode> before, boolean sensitive) {
    return new FieldChange(field, before, Optional.empty(), sensitive, true);
  }

  public FieldChange {
    if (unset) {
      after = Optional.empty();
    }
    if (sensitive) {
      before = before.map(b -> TextNode.valueOf("(sensitive)"));
      after = after.map(a -> TextNode.valueOf("(sensitive)"));
    }
  }
}
