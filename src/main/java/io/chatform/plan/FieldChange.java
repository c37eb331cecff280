package io.chatform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * One field's change, before → after (canonical forms). Empty before/after mean "not set". A
 * sensitive change never carries its values: renderers print {@code (sensitive)}.
 */
public record FieldChange(
    String field, Optional<JsonNode> before, Optional<JsonNode> after, boolean sensitive) {
  public FieldChange {
    if (sensitive) {
      before = before.map(b -> com.fasterxml.jackson.databind.node.TextNode.valueOf("(sensitive)"));
      after = after.map(a -> com.fasterxml.jackson.databind.node.TextNode.valueOf("(sensitive)"));
    }
  }
}
