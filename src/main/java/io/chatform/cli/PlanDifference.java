package io.chatform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What differs between a saved plan (the claim) and the plan made again at apply time (the proof),
 * in the words a reviewer needs: which actions were added, removed or changed, and which fields.
 * Both sides are the plan's JSON form, so neither holds a secret value.
 */
final class PlanDifference {
  /** Fields of a saved plan that are not part of the plan itself. */
  static final Set<String> ENVELOPE = Set.of("manifests", "options", "lease", PlanMac.FIELD);

  private static final int MAX_FIELDS = 3;
  private static final int MAX_VALUE = 60;
  private static final int MAX_NAME = 300;

  private PlanDifference() {}

  /** One line per difference, empty when the saved plan is exactly the fresh one. */
  static List<String> of(JsonNode saved, JsonNode fresh) {
    List<String> out = new ArrayList<>();
    Map<String, JsonNode> was = byId(saved.path("actions"));
    Map<String, JsonNode> now = byId(fresh.path("actions"));
    if (was.size() != saved.path("actions").size() || !saved.path("actions").isArray()) {
      out.add("the saved plan's actions are not a list of actions with distinct ids");
    }
    for (var e : now.entrySet()) {
      if (!was.containsKey(e.getKey())) {
        out.add("missing from the saved plan: " + name(e.getKey()) + " (planned now)");
      }
    }
    for (var e : was.entrySet()) {
      JsonNode other = now.get(e.getKey());
      if (other == null) {
        out.add("added to the saved plan: " + name(e.getKey()) + " (not planned now)");
      } else if (!e.getValue().equals(other)) {
        out.add(
            "changed in the saved plan: " + name(e.getKey()) + ": " + fields(e.getValue(), other));
      }
    }
    if (out.isEmpty() && !ids(saved).equals(ids(fresh))) {
      out.add("the saved plan runs its actions in another order than planned now");
    }
    Set<String> top = new TreeSet<>();
    saved.fieldNames().forEachRemaining(top::add);
    fresh.fieldNames().forEachRemaining(top::add);
    top.remove("actions");
    top.removeAll(ENVELOPE);
    for (String field : top) {
      if (!saved.path(field).equals(fresh.path(field))) {
        out.add(
            "changed in the saved plan: "
                + field
                + ": "
                + fields(saved.get(field), fresh.get(field)));
      }
    }
    return out;
  }

  private static Map<String, JsonNode> byId(JsonNode actions) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    actions.forEach(a -> out.putIfAbsent(a.path("id").asText(), a));
    return out;
  }

  private static List<String> ids(JsonNode plan) {
    List<String> out = new ArrayList<>();
    plan.path("actions").forEach(a -> out.add(a.path("id").asText()));
    return out;
  }

  /** The first few leaf paths that differ, each with the saved and the fresh value. */
  private static String fields(JsonNode saved, JsonNode fresh) {
    List<String> diffs = new ArrayList<>();
    leaves("", saved, fresh, diffs);
    if (diffs.isEmpty()) {
      diffs.add("differs");
    }
    List<String> shown = diffs.subList(0, Math.min(MAX_FIELDS, diffs.size()));
    return String.join("; ", shown)
        + (diffs.size() > shown.size() ? "; … and " + (diffs.size() - shown.size()) + " more" : "");
  }

  private static void leaves(String path, JsonNode a, JsonNode b, List<String> out) {
    if (a != null && b != null && a.equals(b)) {
      return;
    }
    if (a instanceof ObjectNode ao && b instanceof ObjectNode bo) {
      Set<String> names = new TreeSet<>();
      ao.fieldNames().forEachRemaining(names::add);
      bo.fieldNames().forEachRemaining(names::add);
      for (String n : names) {
        leaves(path.isEmpty() ? n : path + "." + n, ao.get(n), bo.get(n), out);
      }
      return;
    }
    if (a != null && b != null && a.isArray() && b.isArray() && a.size() == b.size()) {
      Iterator<JsonNode> ia = a.elements();
      Iterator<JsonNode> ib = b.elements();
      for (int i = 0; ia.hasNext(); i++) {
        leaves(path + "[" + i + "]", ia.next(), ib.next(), out);
      }
      return;
    }
    out.add(name(path) + " is " + value(a) + " in the saved plan, " + value(b) + " now");
  }

  private static String value(JsonNode v) {
    return v == null ? "not set" : show(Json.canonical(v), MAX_VALUE);
  }

  /** Action ids and field paths: kept whole (they say what differs), unless absurdly long. */
  private static String name(String text) {
    return show(text, MAX_NAME);
  }

  /** Plan files are untrusted: control characters escaped, long text cut. */
  private static String show(String text, int max) {
    String cut = text.length() > max ? text.substring(0, max) + "…" : text;
    StringBuilder sb = new StringBuilder();
    cut.codePoints()
        .forEach(
            c -> {
              if (Character.isISOControl(c) || c == 0x2028 || c == 0x2029) {
                sb.append(String.format("\\u%04x", c));
              } else {
                sb.appendCodePoint(c);
              }
            });
    return sb.toString();
  }
}
