package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Checks a whole-account state document ({@code --state}, {@code --seed}, {@code PUT
 * /__emulator/state}) before it replaces the live account, so garbage is refused with a message
 * naming the bad place instead of silently resetting modules or corrupting group 0.
 */
final class StateDocument {
  private StateDocument() {}

  /**
   * Throws {@link IllegalArgumentException} naming the first problem; {@code fresh} is a brand-new
   * account's document: its sections and field types are the schema.
   */
  static void check(JsonNode doc, JsonNode fresh) {
    if (doc == null || !doc.isObject()) {
      throw new IllegalArgumentException("the state document must be a JSON object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = doc.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> section = it.next();
      JsonNode schema = fresh.get(section.getKey());
      if (schema == null) {
        throw new IllegalArgumentException(
            "unknown section `" + section.getKey() + "`; known: " + names(fresh));
      }
      checkSection(section.getKey(), section.getValue(), schema);
    }
    ids(doc.path("groups").path("groups"), "groups.groups", true);
    ids(doc.path("agents").path("agents"), "agents.agents", false);
    ids(doc.path("auto_access").path("rules"), "auto_access.rules", false);
  }

  private static void checkSection(String name, JsonNode section, JsonNode schema) {
    if (!section.isObject()) {
      throw new IllegalArgumentException("`" + name + "` must be an object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = schema.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      JsonNode v = section.get(f.getKey());
      if (v == null) {
        continue;
      }
      String at = "`" + name + "." + f.getKey() + "`";
      JsonNode want = f.getValue();
      if (want.isArray()) {
        if (!v.isArray()) {
          throw new IllegalArgumentException(at + " must be an array");
        }
        for (int i = 0; i < v.size(); i++) {
          if (!v.get(i).isObject()) {
            throw new IllegalArgumentException(
                "`" + name + "." + f.getKey() + "[" + i + "]` must be an object");
          }
        }
      } else if (want.isObject() && !v.isObject()) {
        throw new IllegalArgumentException(at + " must be an object");
      } else if (want.isIntegralNumber() && !Params.isId(v)) {
        throw new IllegalArgumentException(at + " must be a non-negative integer");
      }
    }
  }

  /** Every element has a unique id: a group id, or a non-empty string. */
  private static void ids(JsonNode items, String at, boolean numeric) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      JsonNode id = items.get(i).get("id");
      boolean ok =
          numeric ? Params.isId(id) : id != null && id.isTextual() && !id.asText().isEmpty();
      if (!ok) {
        throw new IllegalArgumentException(
            "`"
                + at
                + "["
                + i
                + "].id` must be "
                + (numeric ? "a group id" : "a non-empty string"));
      }
      if (!seen.add(id.asText())) {
        throw new IllegalArgumentException("`" + at + "[" + i + "].id` " + id + " is duplicated");
      }
    }
  }

  private static String names(JsonNode fresh) {
    StringBuilder sb = new StringBuilder();
    fresh.fieldNames().forEachRemaining(n -> sb.append(sb.length() == 0 ? "" : ", ").append(n));
    return sb.toString();
  }
}
