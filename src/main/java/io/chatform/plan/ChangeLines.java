package io.chatform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Json;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Turns one field's change into the lines a reviewer reads: nested objects and lists are compared
 * member by member, so a one-word edit in a webhook's filters, one agent's priority or one day of a
 * schedule shows as one short line instead of two long JSON documents. Lists of memberships are
 * compared by group, schedule slots by day and start (in week order), other lists of objects by
 * position ({@code [#2]}); values print in YAML flow style ({@link YamlLines}).
 */
final class ChangeLines {
  static final String NOT_SET = "(not set)";

  /** An owned field the manifests leave unset, reset to its API default (issue #16). */
  static final String UNSET = "(unset)";

  private static final List<String> WEEK =
      List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday");

  private ChangeLines() {}

  /** "path: before → after" lines, deepest differing members only. */
  static List<String> of(FieldChange c) {
    List<String> out = new ArrayList<>();
    if (c.unset()) {
      // An owned field reset by removal (or null): one line, the whole value it had.
      out.add(c.field() + ": " + c.before().map(YamlLines::flow).orElse(NOT_SET) + " → " + UNSET);
    } else if (c.sensitive()) {
      out.add(line(c.field(), c.before(), c.after()));
    } else {
      walk(c.field(), c.before(), c.after(), out);
    }
    if (out.isEmpty()) {
      // Nothing differs member by member (e.g. only the order of a list): show it whole.
      out.add(line(c.field(), c.before(), c.after()));
    }
    return out;
  }

  private static void walk(
      String path, Optional<JsonNode> b, Optional<JsonNode> a, List<String> out) {
    JsonNode before = b.orElse(null);
    JsonNode after = a.orElse(null);
    // A whole nested value added or removed is shown member by member, like any other change.
    if (before == null && expands(after)) {
      before = after.isObject() ? Json.object() : Json.array();
    } else if (after == null && expands(before)) {
      after = before.isObject() ? Json.object() : Json.array();
    }
    if (before != null && after != null) {
      if (before.isObject() && after.isObject()) {
        for (String k : union(after, before)) {
          JsonNode x = before.get(k);
          JsonNode y = after.get(k);
          if (x == null || !x.equals(y)) {
            walk(
                path + "." + YamlLines.key(k), Optional.ofNullable(x), Optional.ofNullable(y), out);
          }
        }
        return;
      }
      Optional<Map<String, JsonNode>> keyedBefore = keyed(before);
      Optional<Map<String, JsonNode>> keyedAfter = keyed(after);
      if (keyedBefore.isPresent() && keyedAfter.isPresent()) {
        elements(path, keyedBefore.get(), keyedAfter.get(), ChangeLines::withoutKey, out);
        return;
      }
      if (before.isArray()
          && after.isArray()
          && !(YamlLines.flat(before) && YamlLines.flat(after))) {
        elements(path, positional(before), positional(after), e -> e, out);
        return;
      }
    }
    String whole = line(path, Optional.ofNullable(before), Optional.ofNullable(after));
    if (whole.length() > YamlLines.FLOW_WIDTH
        && before != null
        && after != null
        && before.isArray()
        && after.isArray()) {
      int size = out.size();
      added(path, after, before, "+ ", out);
      added(path, before, after, "- ", out);
      if (out.size() > size) {
        return;
      }
      // The same values in another order: only the whole list shows what changed.
    }
    out.add(whole);
  }

  /** A long list of values shown by what it gains ("+ ") or loses ("- "), one value a line. */
  private static void added(
      String path, JsonNode list, JsonNode other, String sign, List<String> out) {
    Set<JsonNode> there = new LinkedHashSet<>();
    other.forEach(there::add);
    for (JsonNode e : list) {
      if (!there.contains(e)) {
        out.add(path + ": " + sign + YamlLines.flow(e));
      }
    }
  }

  private static void elements(
      String path,
      Map<String, JsonNode> before,
      Map<String, JsonNode> after,
      UnaryOperator<JsonNode> shown,
      List<String> out) {
    Set<String> keys = new LinkedHashSet<>(before.keySet());
    keys.addAll(after.keySet());
    for (String k : sortedKeys(keys, before, after)) {
      JsonNode x = before.get(k);
      JsonNode y = after.get(k);
      if (x != null && x.equals(y)) {
        continue;
      }
      String at = path + "[" + k + "]";
      if (x != null && y != null) {
        walk(at, Optional.of(shown.apply(x)), Optional.of(shown.apply(y)), out);
      } else {
        // The key is already in the path: show only what else the element carries.
        out.add(line(at, Optional.ofNullable(x).map(shown), Optional.ofNullable(y).map(shown)));
      }
    }
  }

  /** Keys in a meaningful order: week order for slots, by position, else alphabetically. */
  private static List<String> sortedKeys(
      Set<String> keys, Map<String, JsonNode> before, Map<String, JsonNode> after) {
    List<String> out = new ArrayList<>(keys);
    Comparator<String> order;
    if (out.stream().allMatch(k -> k.startsWith("#"))) {
      order = Comparator.comparingInt(k -> Integer.parseInt(k.substring(1)));
    } else if (isSlot(before) || isSlot(after)) {
      order = Comparator.comparingInt(ChangeLines::weekday).thenComparing(k -> k);
    } else {
      order = Comparator.naturalOrder();
    }
    out.sort(order);
    return out;
  }

  private static boolean isSlot(Map<String, JsonNode> elements) {
    return elements.values().stream().anyMatch(e -> e.has("day"));
  }

  private static int weekday(String key) {
    int i = WEEK.indexOf(key.split(" ", 2)[0]);
    return i < 0 ? WEEK.size() : i;
  }

  /**
   * A list whose elements each carry a distinct key — {@code group} (memberships), {@code day} and
   * {@code start} (schedule slots) — as a map by that key; empty for any other list.
   */
  private static Optional<Map<String, JsonNode>> keyed(JsonNode list) {
    if (!list.isArray()) {
      return Optional.empty();
    }
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (JsonNode e : list) {
      Optional<String> k = keyOf(e);
      if (k.isEmpty() || out.put(k.get(), e) != null) {
        return Optional.empty();
      }
    }
    return Optional.of(out);
  }

  private static Optional<String> keyOf(JsonNode e) {
    if (!e.isObject()) {
      return Optional.empty();
    }
    if (e.path("group").isTextual()) {
      return Optional.of(e.get("group").asText());
    }
    if (e.path("day").isTextual()) {
      String start = e.path("start").isTextual() ? " " + e.get("start").asText() : "";
      return Optional.of(e.get("day").asText() + start);
    }
    return Optional.empty();
  }

  private static Map<String, JsonNode> positional(JsonNode list) {
    Map<String, JsonNode> out = new TreeMap<>();
    for (int i = 0; i < list.size(); i++) {
      out.put("#" + (i + 1), list.get(i));
    }
    return out;
  }

  /** The element without the fields its key already names. */
  private static JsonNode withoutKey(JsonNode element) {
    if (!element.isObject() || keyOf(element).isEmpty()) {
      return element;
    }
    ObjectNode copy = ((ObjectNode) element).deepCopy();
    return copy.has("group") ? copy.without("group") : copy.without(List.of("day", "start"));
  }

  /** Keys of {@code first} in its order, then those only {@code second} has. */
  private static Set<String> union(JsonNode first, JsonNode second) {
    Set<String> keys = new LinkedHashSet<>();
    first.fieldNames().forEachRemaining(keys::add);
    second.fieldNames().forEachRemaining(keys::add);
    return keys;
  }

  /** A nested value too long for one line, worth showing member by member. */
  private static boolean expands(JsonNode v) {
    if (v == null || v.isEmpty() || !v.isContainerNode()) {
      return false;
    }
    return !YamlLines.flat(v) || (v.isObject() && YamlLines.flow(v).length() > 60);
  }

  private static String line(String path, Optional<JsonNode> b, Optional<JsonNode> a) {
    return path
        + ": "
        + b.map(YamlLines::flow).orElse(NOT_SET)
        + " → "
        + a.map(YamlLines::flow).orElse(NOT_SET);
  }
}
