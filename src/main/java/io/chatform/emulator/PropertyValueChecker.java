package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a property value (a default or a license/group value) against its definition's type,
 * domain and range, shared by registration and value writes so both reject the same values.
 */
final class PropertyValueChecker {
  static final Set<String> TYPES = Set.of("int", "string", "bool", "tokenized_string");

  private PropertyValueChecker() {}

  /** Checks {@code value} against the definition; {@code path} names it in messages. */
  static void check(PropertyDefinition def, JsonNode value, String path) {
    check(def.type(), def.domain(), def.range(), value, path);
  }

  static void check(
      String type,
      Optional<ArrayNode> domain,
      Optional<ObjectNode> range,
      JsonNode value,
      String path) {
    checkType(type, value, path);
    if (domain.isPresent() && !inDomain(type, domain.get(), value)) {
      throw ApiError.validation(
          path + ": value " + value + " is not in the property's domain " + domain.get());
    }
    if (range.isPresent()) {
      long v = value.asLong();
      long from = range.get().path("from").asLong();
      long to = range.get().path("to").asLong();
      if (v < from || v > to) {
        throw ApiError.validation(
            path + ": value " + v + " is outside the property's range " + from + ".." + to);
      }
    }
  }

  /** Checks only that {@code value} has the JSON shape of {@code type}. */
  static void checkType(String type, JsonNode value, String path) {
    boolean ok =
        switch (type) {
          case "int" -> value.isIntegralNumber() && value.canConvertToLong();
          case "bool" -> value.isBoolean();
          case "string", "tokenized_string" -> value.isTextual();
          default -> false;
        };
    if (!ok) {
      throw ApiError.validation(path + " must be of type " + type + ", got " + kind(value));
    }
  }

  // JsonNode.equals tells IntNode(1) from LongNode(1): compare ints numerically.
  private static boolean inDomain(String type, ArrayNode domain, JsonNode value) {
    for (JsonNode allowed : domain) {
      boolean same =
          type.equals("int")
              ? allowed.isIntegralNumber() && allowed.asLong() == value.asLong()
              : allowed.equals(value);
      if (same) {
        return true;
      }
    }
    return false;
  }

  private static String kind(JsonNode value) {
    if (value.isIntegralNumber()) {
      return "an integer";
    }
    if (value.isNumber()) {
      return "a number";
    }
    if (value.isTextual()) {
      return "a string";
    }
    if (value.isBoolean()) {
      return "a boolean";
    }
    return value.isNull() ? "null" : "an " + value.getNodeType().name().toLowerCase();
  }
}
