package io.chatform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.kinds.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Turns one field's change into the lines a reviewer reads: nested objects and keyed lists
 * (memberships by group) are compared member by member, so a one-word edit in a webhook's filters
 * or one agent's priority shows as one short line instead of two long JSON documents.
 */
final class ChangeLines {
  private static final String NOT_SET = "(not set)";

  private ChangeLines() {}

  /** "path: before → after" lines, deepest differing members only. */
  static List<String> of(FieldChange c) {
    List<String> out = new ArrayList<>();
    if (c.sensitive()) {
      out.add(line(c.field(), c.before(), c.after()));
    } else {
      walk(c.field(), c.before(), c.after(), out);
    }
    return out;
  }

  private static void walk(
      String path, Optional<JsonNode> b, Optional<JsonNode> a, List<String> out) {
    if (b.isPresent() && a.isPresent()) {
      JsonNode before = b.get();
      JsonNode after = a.get();
      if (before.isObject() && after.isObject()) {
        TreeSet<String> keys = new TreeSet<>();
        before.fieldNames().forEachRemaining(keys::add);
        after.fieldNames().forEachRemaining(keys::add);
        for (String k : keys) {
          JsonNode x = before.get(k);
          JsonNode y = after.get(k);
          if (x == null || !x.equals(y)) {
            walk(path + "." + k, Optional.ofNullable(x), Optional.ofNullable(y), out);
          }
        }
        return;
      }
      Optional<Map<String, JsonNode>> keyedBefore = keyed(before);
      Optional<Map<String, JsonNode>> keyedAfter = keyed(after);
      if (keyedBefore.isPresent() && keyedAfter.isPresent()) {
        TreeSet<String> keys = new TreeSet<>(keyedBefore.get().keySet());
        keys.addAll(keyedAfter.get().keySet());
        for (String k : keys) {
          JsonNode x = keyedBefore.get().get(k);
          JsonNode y = keyedAfter.get().get(k);
          if (x == null || !x.equals(y)) {
            String at = path + "[" + k + "]";
            if (x != null && y != null) {
              walk(at, Optional.of(x), Optional.of(y), out);
            } else {
              // The group is already in the path: show only what else the member carries.
              out.add(
                  line(
                      at,
                      Optional.ofNullable(x).map(ChangeLines::withoutKey),
                      Optional.ofNullable(y).map(ChangeLines::withoutKey)));
            }
          }
        }
        return;
      }
    }
    out.add(line(path, b, a));
  }

  /**
   * A list of objects that each name a distinct {@code group} (memberships) as a map by that name;
   * empty for any other list, which is then shown whole.
   */
  private static Optional<Map<String, JsonNode>> keyed(JsonNode list) {
    if (!list.isArray()) {
      return Optional.empty();
    }
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (Iterator<JsonNode> it = list.elements(); it.hasNext(); ) {
      JsonNode e = it.next();
      if (!e.isObject() || !e.path("group").isTextual()) {
        return Optional.empty();
      }
      if (out.put(e.get("group").asText(), e) != null) {
        return Optional.empty();
      }
    }
    return Optional.of(out);
  }

  private static JsonNode withoutKey(JsonNode member) {
    return ((com.fasterxml.jackson.databind.node.ObjectNode) member.deepCopy()).without("group");
  }

  private static String line(String path, Optional<JsonNode> b, Optional<JsonNode> a) {
    return path
        + ": "
        + b.map(Json::canonical).orElse(NOT_SET)
        + " → "
        + a.map(Json::canonical).orElse(NOT_SET);
  }
}
