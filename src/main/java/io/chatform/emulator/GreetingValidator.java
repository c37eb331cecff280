package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.GreetingRules;
import io.chatform.model.GreetingRules.Field;
import io.chatform.model.GreetingRules.RuleType;
import java.time.OffsetDateTime;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Checks the parts of a greeting ({@code rules}, {@code properties}, {@code rich_message}, the
 * activity window) against {@link GreetingRules} and returns them in stored form; every message
 * names the field path, e.g. {@code rules[2].value}.
 */
final class GreetingValidator {
  private GreetingValidator() {}

  static ArrayNode rules(ArrayNode rules) {
    if (rules.isEmpty() || rules.size() > GreetingRules.MAX_RULES) {
      throw ApiError.validation("rules must hold 1 to " + GreetingRules.MAX_RULES + " rules");
    }
    ArrayNode out = Params.array();
    for (int i = 0; i < rules.size(); i++) {
      String at = "rules[" + i + "].";
      if (!rules.get(i).isObject()) {
        throw ApiError.validation("rules[" + i + "] must be an object");
      }
      out.add(rule((ObjectNode) rules.get(i), at));
    }
    return out;
  }

  private static ObjectNode rule(ObjectNode r, String at) {
    ObjectNode out = Params.object();
    out.put("condition", oneOf(r, at, "condition", GreetingRules.CONDITIONS));
    String typeName = BodyFields.requiredString(r, at, "type");
    RuleType type =
        GreetingRules.ruleType(typeName)
            .orElseThrow(
                () ->
                    ApiError.validation(
                        at
                            + "type `"
                            + typeName
                            + "` is not a rule type; use one of "
                            + String.join(", ", GreetingRules.ruleTypes())));
    out.put("type", typeName);
    only(r, at, "operator", type, Field.OPERATOR)
        .map(op -> text(op, at + "operator"))
        .ifPresent(
            op -> {
              fail(at + "operator", GreetingRules.checkOperator(type, op));
              out.put("operator", op);
            });
    only(r, at, "value", type, Field.VALUE)
        .map(v -> text(v, at + "value"))
        .ifPresent(
            v -> {
              fail(at + "value", GreetingRules.checkValue(type, v));
              out.put("value", v);
            });
    only(r, at, "urls", type, Field.URLS).ifPresent(u -> out.set("urls", urls(u, at)));
    only(r, at, "session_field", type, Field.SESSION_FIELD)
        .ifPresent(s -> out.set("session_field", sessionField(s, at, type)));
    return out;
  }

  /** A field that only some rule types take: required for them, refused for the others. */
  private static Optional<JsonNode> only(
      ObjectNode r, String at, String field, RuleType type, Field which) {
    Optional<JsonNode> n = BodyFields.present(r, field);
    if (type.takes(which) && n.isEmpty()) {
      throw ApiError.validation(at + field + " is required for a " + type.name() + " rule");
    }
    if (!type.takes(which) && n.isPresent()) {
      throw ApiError.validation(at + field + " is not taken by a " + type.name() + " rule");
    }
    return n;
  }

  private static String text(JsonNode n, String at) {
    if (!n.isTextual()) {
      throw ApiError.validation(at + " must be a string");
    }
    return n.asText();
  }

  private static ArrayNode urls(JsonNode urls, String at) {
    if (!urls.isArray() || urls.isEmpty() || urls.size() > GreetingRules.MAX_URLS) {
      throw ApiError.validation(at + "urls must be an array of 1 to 10 {url, operator} objects");
    }
    ArrayNode out = Params.array();
    for (int i = 0; i < urls.size(); i++) {
      String p = at + "urls[" + i + "].";
      JsonNode u = urls.get(i);
      if (!u.isObject()) {
        throw ApiError.validation(at + "urls[" + i + "] must be an object");
      }
      String op = oneOf(u, p, "operator", GreetingRules.TEXT_OPERATORS);
      out.addObject().put("url", BodyFields.requiredString(u, p, "url")).put("operator", op);
    }
    return out;
  }

  private static ObjectNode sessionField(JsonNode s, String at, RuleType type) {
    if (!s.isObject() || s.size() != 1) {
      throw ApiError.validation(at + "session_field must be an object with exactly one key");
    }
    Map.Entry<String, JsonNode> e = s.fields().next();
    if (!e.getValue().isTextual()) {
      throw ApiError.validation(at + "session_field." + e.getKey() + " must be a string");
    }
    fail(
        at + "session_field",
        GreetingRules.checkSessionField(type, e.getKey(), e.getValue().asText()));
    return ((ObjectNode) s).deepCopy();
  }

  static ObjectNode properties(ObjectNode p) {
    for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!GreetingRules.PROPERTY_KEYS.contains(e.getKey())) {
        throw ApiError.validation(
            "properties."
                + e.getKey()
                + " is not a greeting property; use one of "
                + String.join(", ", GreetingRules.PROPERTY_KEYS.stream().sorted().toList()));
      }
      if (!e.getValue().isTextual()) {
        throw ApiError.validation("properties." + e.getKey() + " must be a string");
      }
    }
    return p.deepCopy();
  }

  /** The rich message; buttons without {@code button_id} get a generated one. */
  static ObjectNode richMessage(ObjectNode m) {
    ObjectNode out = m.deepCopy();
    out.put("template_id", oneOf(m, "rich_message.", "template_id", GreetingRules.TEMPLATE_IDS));
    each(m, "rich_message.", "elements", GreetingRules.MAX_ELEMENTS, GreetingValidator::element)
        .ifPresent(e -> out.set("elements", e));
    return out;
  }

  /** An optional array of at most {@code max} objects, each checked and stored by {@code check}. */
  private static Optional<ArrayNode> each(
      JsonNode parent,
      String at,
      String field,
      int max,
      BiFunction<ObjectNode, String, ObjectNode> check) {
    Optional<ArrayNode> items = BodyFields.optionalArray(parent, at, field);
    if (items.isEmpty()) {
      return Optional.empty();
    }
    if (items.get().size() > max) {
      throw ApiError.validation(at + field + " holds at most " + max + " " + field);
    }
    ArrayNode out = Params.array();
    for (int i = 0; i < items.get().size(); i++) {
      String p = at + field + "[" + i + "]";
      if (!items.get().get(i).isObject()) {
        throw ApiError.validation(p + " must be an object");
      }
      out.add(check.apply((ObjectNode) items.get().get(i), p + "."));
    }
    return Optional.of(out);
  }

  private static ObjectNode element(ObjectNode e, String p) {
    BodyFields.requiredString(e, p, "title");
    BodyFields.requiredString(e, p, "subtitle");
    BodyFields.requiredString(BodyFields.requiredObject(e, p, "image"), p + "image.", "url");
    ObjectNode out = e.deepCopy();
    each(e, p, "buttons", GreetingRules.MAX_BUTTONS, GreetingValidator::button)
        .ifPresent(b -> out.set("buttons", b));
    return out;
  }

  private static ObjectNode button(ObjectNode b, String p) {
    BodyFields.requiredString(b, p, "text");
    oneOf(b, p, "type", GreetingRules.BUTTON_TYPES);
    BodyFields.requiredString(b, p, "value");
    BodyFields.requiredString(b, p, "postback_id");
    ObjectNode out = b.deepCopy();
    String role = BodyFields.optionalString(b, p, "role").orElse(null);
    if (role != null && !GreetingRules.BUTTON_ROLES.contains(role)) {
      throw ApiError.validation(p + "role must be one of default, primary, danger");
    }
    if (BodyFields.optionalString(b, p, "button_id").filter(s -> !s.isEmpty()).isEmpty()) {
      out.put("button_id", java.util.UUID.randomUUID().toString());
    }
    return out;
  }

  /** An RFC 3339 date-time, e.g. {@code 2024-01-01T00:00:00Z}. */
  static Optional<OffsetDateTime> dateTime(JsonNode body, String field) {
    Optional<String> s = BodyFields.optionalString(body, "", field);
    if (s.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        GreetingRules.dateTime(s.get())
            .orElseThrow(
                () ->
                    ApiError.validation(
                        field + " must be an RFC 3339 date-time, e.g. 2024-01-01T00:00:00Z")));
  }

  static String oneOf(JsonNode parent, String at, String field, Set<String> allowed) {
    String v = BodyFields.requiredString(parent, at, field);
    if (!allowed.contains(v)) {
      throw ApiError.validation(
          at + field + " must be one of " + String.join(", ", allowed.stream().sorted().toList()));
    }
    return v;
  }

  private static void fail(String at, Optional<String> problem) {
    problem.ifPresent(
        p -> {
          throw ApiError.validation(at + " " + p);
        });
  }
}
