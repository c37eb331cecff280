package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and checks request parameters the way the service does, so every validation message names
 * the offending field and unknown parameters are simply never looked at (the service ignores them).
 */
public final class Params {
  /** The one mapper the emulator uses for bodies, answers and state. */
  public static final ObjectMapper JSON = new ObjectMapper();

  private Params() {}

  public static ObjectNode object() {
    return JSON.createObjectNode();
  }

  public static ArrayNode array() {
    return JSON.createArrayNode();
  }

  /** A required, non-empty string. */
  public static String requireString(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      throw ApiError.validation("`" + field + "` is required");
    }
    if (!n.isTextual()) {
      throw ApiError.validation("`" + field + "` must be a string");
    }
    if (n.asText().isEmpty()) {
      throw ApiError.validation("`" + field + "` must not be empty");
    }
    return n.asText();
  }

  /** An optional string (absent or null = empty). */
  public static Optional<String> optString(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return Optional.empty();
    }
    if (!n.isTextual()) {
      throw ApiError.validation("`" + field + "` must be a string");
    }
    return Optional.of(n.asText());
  }

  /** An optional string that must be one of {@code allowed}. */
  public static Optional<String> optEnum(JsonNode body, String field, Set<String> allowed) {
    Optional<String> v = optString(body, field);
    if (v.isPresent() && !allowed.contains(v.get())) {
      throw ApiError.validation(
          "`" + field + "` must be one of " + String.join(", ", sorted(allowed)));
    }
    return v;
  }

  public static Optional<Boolean> optBool(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return Optional.empty();
    }
    if (!n.isBoolean()) {
      throw ApiError.validation("`" + field + "` must be a boolean");
    }
    return Optional.of(n.asBoolean());
  }

  /** An optional integer within {@code [min, max]}. */
  public static Optional<Integer> optInt(JsonNode body, String field, int min, int max) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return Optional.empty();
    }
    if (!n.isIntegralNumber()) {
      throw ApiError.validation("`" + field + "` must be an integer");
    }
    // A BigInteger beyond long would wrap in asLong() (2^64+5 -> 5) and slip through the range.
    if (!n.canConvertToLong()) {
      throw ApiError.validation("`" + field + "` must be between " + min + " and " + max);
    }
    long v = n.asLong();
    if (v < min || v > max) {
      throw ApiError.validation("`" + field + "` must be between " + min + " and " + max);
    }
    return Optional.of((int) v);
  }

  /** A required non-negative integer id (groups). */
  public static long requireId(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      throw ApiError.validation("`" + field + "` is required");
    }
    if (!isId(n)) {
      throw ApiError.validation("`" + field + "` must be a non-negative integer");
    }
    return n.asLong();
  }

  /** A non-negative integer that fits a long (a larger one would wrap in {@code asLong()}). */
  public static boolean isId(JsonNode n) {
    return n != null && n.isIntegralNumber() && n.canConvertToLong() && n.asLong() >= 0;
  }

  /** An optional array of strings, each one of {@code allowed} (empty set = any). */
  public static Optional<List<String>> optStrings(
      JsonNode body, String field, Set<String> allowed) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return Optional.empty();
    }
    if (!n.isArray()) {
      throw ApiError.validation("`" + field + "` must be an array of strings");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      JsonNode e = n.get(i);
      if (!e.isTextual()) {
        throw ApiError.validation("`" + field + "[" + i + "]` must be a string");
      }
      if (!allowed.isEmpty() && !allowed.contains(e.asText())) {
        throw ApiError.validation(
            "`"
                + field
                + "["
                + i
                + "]` is `"
                + e.asText()
                + "`; allowed: "
                + String.join(", ", sorted(allowed)));
      }
      out.add(e.asText());
    }
    return Optional.of(out);
  }

  /** An optional object. */
  public static Optional<ObjectNode> optObject(JsonNode body, String field) {
    JsonNode n = body.get(field);
    if (n == null || n.isNull()) {
      return Optional.empty();
    }
    if (!n.isObject()) {
      throw ApiError.validation("`" + field + "` must be an object");
    }
    return Optional.of((ObjectNode) n);
  }

  private static List<String> sorted(Set<String> s) {
    List<String> l = new ArrayList<>(s);
    l.sort(null);
    return l;
  }
}
