package io.chatform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.model.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Values as reviewers read them in a plan: YAML-like lines ({@code key: value}, {@code - item}),
 * small flat values in YAML flow style ({@code {priority: "first"}}), never one-line JSON blobs of
 * a whole nested object. Strings keep their JSON quotes so {@code "08:00"} and {@code true} stay
 * distinguishable from the words around them. The caller escapes each line for output.
 */
final class YamlLines {
  /** Longest line a flat value is printed on in flow style; longer ones become blocks. */
  static final int FLOW_WIDTH = 100;

  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z0-9_.@/-]+");

  private YamlLines() {}

  /** A scalar as printed: strings quoted, numbers and booleans plain. */
  static String scalar(JsonNode v) {
    return Json.canonical(v);
  }

  /** YAML flow style: {@code {a: 1, b: "x"}}, {@code ["A", "B"]}. */
  static String flow(JsonNode v) {
    if (v.isObject()) {
      List<String> parts = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        parts.add(key(e.getKey()) + ": " + flow(e.getValue()));
      }
      return "{" + String.join(", ", parts) + "}";
    }
    if (v.isArray()) {
      List<String> parts = new ArrayList<>();
      v.forEach(e -> parts.add(flow(e)));
      return "[" + String.join(", ", parts) + "]";
    }
    return scalar(v);
  }

  /** A key as printed: bare when it is a plain word, quoted otherwise. */
  static String key(String k) {
    return PLAIN_KEY.matcher(k).matches() ? k : Json.canonical(Json.F.textNode(k));
  }

  /** True for a value that reads well on one line: a scalar, or a container of scalars. */
  static boolean flat(JsonNode v) {
    if (!v.isContainerNode()) {
      return true;
    }
    for (JsonNode e : v) {
      if (e.isContainerNode()) {
        return false;
      }
    }
    return true;
  }

  /** {@code key: value} as lines at {@code indent}, nested members below it. */
  static void field(String k, JsonNode v, String indent, List<String> out) {
    String head = indent + key(k) + ":";
    if (oneLine(v, head.length())) {
      out.add(head + " " + flow(v));
      return;
    }
    out.add(head);
    members(v, indent + "  ", out);
  }

  /** The members of an object or the items of a list, as lines at {@code indent}. */
  static void members(JsonNode v, String indent, List<String> out) {
    if (v.isObject()) {
      v.fields().forEachRemaining(e -> field(e.getKey(), e.getValue(), indent, out));
      return;
    }
    for (JsonNode item : v) {
      if (oneLine(item, indent.length() + 2) || !item.isObject()) {
        out.add(indent + "- " + flow(item));
        continue;
      }
      List<String> inner = new ArrayList<>();
      members(item, indent + "  ", inner);
      inner.set(0, indent + "- " + inner.get(0).substring(indent.length() + 2));
      out.addAll(inner);
    }
  }

  private static boolean oneLine(JsonNode v, int used) {
    return v.isEmpty() || (flat(v) && used + 1 + flow(v).length() <= FLOW_WIDTH);
  }
}
