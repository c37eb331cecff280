package io.chatform.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/** JSON helpers for comparing specs: canonical ordering, numeric-tolerant equality, hashing. */
public final class Json {
  /** Sorted keys make hashes and golden outputs stable. */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .build();

  static {
    MAPPER.getFactory().setCharacterEscapes(new SafeJsonEscapes()); // C1 and bidi too
  }

  public static final JsonNodeFactory F = JsonNodeFactory.instance;

  /**
   * Pretty JSON for output: as {@link JsonNode#toPrettyString()}, but through {@link #MAPPER}, so
   * C1 controls and bidi overrides are escaped too ({@link SafeJsonEscapes}).
   */
  public static String pretty(JsonNode node) {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  private static final Comparator<JsonNode> NUMERIC =
      (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
          return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
      };

  private Json() {}

  public static ObjectNode object() {
    return F.objectNode();
  }

  public static ArrayNode array() {
    return F.arrayNode();
  }

  /** Equality where {@code 1} and {@code 1.0} are the same and a missing node equals null. */
  public static boolean same(JsonNode a, JsonNode b) {
    JsonNode x = a == null || a.isMissingNode() ? F.nullNode() : a;
    JsonNode y = b == null || b.isMissingNode() ? F.nullNode() : b;
    return x.equals(NUMERIC, y);
  }

  /** A copy of {@code array} sorted by the canonical text of each element (set semantics). */
  public static ArrayNode sorted(JsonNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    items.sort(Comparator.comparing(Json::canonical));
    ArrayNode out = array();
    items.forEach(out::add);
    return out;
  }

  /** Canonical text: object keys sorted, no whitespace. */
  public static String canonical(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(MAPPER.treeToValue(node, Object.class));
    } catch (Exception e) {
      throw new IllegalStateException("cannot serialise JSON", e);
    }
  }

  public static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Text of a field, or empty string when absent or null. */
  public static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() ? "" : v.asText();
  }

  /** Copies {@code fields} present (and not null) in {@code from} into {@code to}. */
  public static ObjectNode copyFields(JsonNode from, ObjectNode to, List<String> fields) {
    for (String f : fields) {
      JsonNode v = from.get(f);
      if (v != null && !v.isNull()) {
        to.set(f, v.deepCopy());
      }
    }
    return to;
  }

  /**
   * {@code live} with the value at {@code pointer} taken from {@code desired} where the live answer
   * has none (its parent object is there, the field is not): the documented answers leave some
   * fields out, and what cannot be read cannot be compared, or the same change would be planned on
   * every run. {@code live} itself when there is nothing to take; never modifies its arguments.
   */
  public static ObjectNode takeUnanswered(ObjectNode desired, ObjectNode live, String pointer) {
    int cut = pointer.lastIndexOf('/');
    String parent = pointer.substring(0, cut);
    String field = pointer.substring(cut + 1);
    JsonNode want = desired.at(pointer);
    if (want.isMissingNode() || !(live.at(parent) instanceof ObjectNode at) || at.has(field)) {
      return live;
    }
    ObjectNode copy = live.deepCopy();
    ((ObjectNode) copy.at(parent)).set(field, want.deepCopy());
    return copy;
  }

  /** A copy of {@code spec} with the list {@code field} sorted (or {@code spec} itself). */
  public static ObjectNode sortedField(ObjectNode spec, String field) {
    JsonNode v = spec.get(field);
    if (v == null || !v.isArray()) {
      return spec;
    }
    ObjectNode copy = spec.deepCopy();
    copy.set(field, sorted(v));
    return copy;
  }
}
