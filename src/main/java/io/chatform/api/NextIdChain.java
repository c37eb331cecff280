package io.chatform.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rebuilds the order of auto access rules from their {@code next_id} chain: the API defines order
 * by that linked list, and the array order of {@code list_auto_accesses} is not a promise.
 */
final class NextIdChain {
  private NextIdChain() {}

  static List<ObjectNode> ordered(List<ObjectNode> rules) {
    Map<String, ObjectNode> byId = new LinkedHashMap<>();
    Set<String> referenced = new HashSet<>();
    for (ObjectNode r : rules) {
      byId.put(r.path("id").asText(), r);
      String next = r.path("next_id").asText("");
      if (!next.isEmpty()) {
        referenced.add(next);
      }
    }
    List<ObjectNode> out = new ArrayList<>(rules.size());
    Set<String> seen = new HashSet<>();
    // Heads are rules nobody points at; a well-formed list has exactly one.
    for (ObjectNode r : rules) {
      String id = r.path("id").asText();
      if (!referenced.contains(id)) {
        walk(id, byId, seen, out);
      }
    }
    // A broken chain (cycle): keep the leftovers in array order rather than losing them.
    for (ObjectNode r : rules) {
      walk(r.path("id").asText(), byId, seen, out);
    }
    return out;
  }

  private static void walk(
      String start, Map<String, ObjectNode> byId, Set<String> seen, List<ObjectNode> out) {
    String id = start;
    while (!id.isEmpty() && byId.containsKey(id) && seen.add(id)) {
      ObjectNode r = byId.get(id);
      out.add(r);
      id = r.path("next_id").asText("");
    }
  }
}
