package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads request fields for the auto access, properties and webhooks modules, so every validation
 * message names the offending field the same way ({@code access.groups is required}).
 *
 * <p>{@code prefix} is the path of {@code parent} inside the request body, ending with a dot (or
 * empty at the top level).
 */
final class BodyFields {
  static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  private BodyFields() {}

  /** The field when present and not JSON null. */
  static Optional<JsonNode> present(JsonNode parent, String field) {
    JsonNode node = parent.path(field);
    return node.isMissingNode() || node.isNull() ? Optional.empty() : Optional.of(node);
  }

  static String requiredString(JsonNode parent, String prefix, String field) {
    String value =
        optionalString(parent, prefix, field)
            .orElseThrow(() -> ApiError.validation(prefix + field + " is required"));
    if (value.isEmpty()) {
      throw ApiError.validation(prefix + field + " must not be empty");
    }
    return value;
  }

  static Optional<String> optionalString(JsonNode parent, String prefix, String field) {
    Optional<JsonNode> node = present(parent, field);
    if (node.isPresent() && !node.get().isTextual()) {
      throw ApiError.validation(prefix + field + " must be a string");
    }
    return node.map(JsonNode::asText);
  }

  static ObjectNode requiredObject(JsonNode parent, String prefix, String field) {
    return optionalObject(parent, prefix, field)
        .orElseThrow(() -> ApiError.validation(prefix + field + " is required"));
  }

  static Optional<ObjectNode> optionalObject(JsonNode parent, String prefix, String field) {
    Optional<JsonNode> node = present(parent, field);
    if (node.isPresent() && !node.get().isObject()) {
      throw ApiError.validation(prefix + field + " must be an object");
    }
    return node.map(ObjectNode.class::cast);
  }

  static ArrayNode requiredArray(JsonNode parent, String prefix, String field) {
    return optionalArray(parent, prefix, field)
        .orElseThrow(() -> ApiError.validation(prefix + field + " is required"));
  }

  static Optional<ArrayNode> optionalArray(JsonNode parent, String prefix, String field) {
    Optional<JsonNode> node = present(parent, field);
    if (node.isPresent() && !node.get().isArray()) {
      throw ApiError.validation(prefix + field + " must be an array");
    }
    return node.map(ArrayNode.class::cast);
  }

  static Optional<Boolean> optionalBoolean(JsonNode parent, String prefix, String field) {
    Optional<JsonNode> node = present(parent, field);
    if (node.isPresent() && !node.get().isBoolean()) {
      throw ApiError.validation(prefix + field + " must be a boolean");
    }
    return node.map(JsonNode::asBoolean);
  }

  /**
   * An integer id; a numeric string is accepted too because GET callers send query parameters,
   * which arrive as text.
   */
  static long requiredLong(JsonNode parent, String prefix, String field) {
    JsonNode node =
        present(parent, field)
            .orElseThrow(() -> ApiError.validation(prefix + field + " is required"));
    return asLong(node, prefix + field);
  }

  static long asLong(JsonNode node, String path) {
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return node.asLong();
    }
    if (node.isTextual()) {
      try {
        return Long.parseLong(node.asText());
      } catch (NumberFormatException e) {
        // fall through to the validation error
      }
    }
    throw ApiError.validation(path + " must be an integer");
  }

  /** A server-assigned id in the 32-hex-digit shape LiveChat uses for rules and webhooks. */
  static String newId() {
    return UUID.randomUUID().toString().replace("-", "");
  }

  /** An integer id as JSON: an int when it fits, as it reads back from JSON text. */
  static JsonNode idNode(long id) {
    return id == (int) id ? JSON.numberNode((int) id) : JSON.numberNode(id);
  }

  static ObjectNode emptyObject() {
    return JSON.objectNode();
  }
}
