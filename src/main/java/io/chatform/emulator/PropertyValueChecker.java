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
      // range.from and range.to are each optional ("No" in every version's register_property).
      long v = value.asLong();
      JsonNode from = range.get().path("from");
      JsonNode to = range.get().path("to");
      if ((from.isNumber() && v < from.asLong()) || (to.isNumber() && v > to.asLong())) {
        throw ApiError.validation(
            path
                + ": value "
                + v
                + " is outside the property's range "
                + (from.isNumber() ? from.asText() : "")
                + ".."
                + (to.isNumber() ? to.asText() : ""));
      }
    }
  }

  /** Checks only that {@code value} has the JSON shape of {@code type}. */
  static void checkType(String type, JsonNode value, String path) {
    boolean ok =
        switch (type) {
          // "int (int32)" in every version's "Property types": 2^31 and beyond are refused.
          case "int" -> value.isIntegralNumber() && value.canConvertToInt();
          case "bool" -> value.isBoolean();
          case "string", "tokenized_string" -> value.isTextual();
          default -> false;
        };
    if (!ok) {
      String why = type.equals("int") && value.isIntegralNumber() ? " out of the int32 range" : "";
      throw ApiError.validation(path + " must be of type " + type + ", got " + kind(value) + why);
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
