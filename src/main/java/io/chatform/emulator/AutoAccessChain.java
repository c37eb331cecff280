package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The auto access rules as a real singly linked list ({@code head} plus one {@code next} pointer
 * per rule), because LiveChat exposes the order only through each rule's {@code next_id} and the
 * emulator must reproduce insert/move/delete relinking exactly, not fake it with an array.
 *
 * <p>Rules are stored without {@code next_id}; {@link #ordered()} adds it while walking the chain.
 */
final class AutoAccessChain {
  private final Map<String, ObjectNode> rules = new HashMap<>();
  private final Map<String, String> next = new HashMap<>(); // absent key = last rule
  private Optional<String> head = Optional.empty();

  boolean contains(String id) {
    return rules.containsKey(id);
  }

  Optional<ObjectNode> get(String id) {
    return Optional.ofNullable(rules.get(id));
  }

  int size() {
    return rules.size();
  }

  /** Adds a new rule before {@code before}, or at the end when it is empty. */
  void insert(String id, ObjectNode rule, Optional<String> before) {
    rules.put(id, rule);
    link(id, before);
  }

  void replace(String id, ObjectNode rule) {
    rules.put(id, rule);
  }

  /** Moves an existing rule before {@code before}, or to the end when it is empty. */
  void move(String id, Optional<String> before) {
    if (before.isPresent() && before.get().equals(id)) {
      return; // "before itself" keeps the place
    }
    unlink(id);
    link(id, before);
  }

  void remove(String id) {
    unlink(id);
    rules.remove(id);
  }

  void clear() {
    rules.clear();
    next.clear();
    head = Optional.empty();
  }

  /** The rules in chain order, each a copy carrying its {@code next_id} (omitted on the last). */
  List<ObjectNode> ordered() {
    List<ObjectNode> out = new ArrayList<>(rules.size());
    Optional<String> cursor = head;
    while (cursor.isPresent() && out.size() < rules.size()) {
      String id = cursor.get();
      ObjectNode copy = rules.get(id).deepCopy();
      cursor = Optional.ofNullable(next.get(id));
      cursor.ifPresent(n -> copy.put("next_id", n));
      out.add(copy);
    }
    return out;
  }

  /** Rebuilds the chain from rules carrying {@code next_id}, as {@link #ordered()} wrote them. */
  void readFrom(ArrayNode items) {
    clear();
    Set<String> pointedTo = new HashSet<>();
    List<String> arrayOrder = new ArrayList<>();
    for (JsonNode item : items) {
      ObjectNode rule = item.deepCopy();
      String id = rule.path("id").asText();
      String nextId = rule.path("next_id").asText("");
      rule.remove("next_id");
      rules.put(id, rule);
      arrayOrder.add(id);
      if (!nextId.isEmpty()) {
        next.put(id, nextId);
        pointedTo.add(nextId);
      }
    }
    List<String> heads = arrayOrder.stream().filter(id -> !pointedTo.contains(id)).toList();
    head = heads.size() == 1 ? Optional.of(heads.get(0)) : Optional.empty();
    if (ordered().size() != rules.size()) {
      // A hand-edited state with a broken chain: fall back to the array's order.
      next.clear();
      head = Optional.empty();
      arrayOrder.forEach(id -> link(id, Optional.empty()));
    }
  }

  private void link(String id, Optional<String> before) {
    if (before.isEmpty()) {
      Optional<String> tail = tail();
      next.remove(id);
      if (tail.isEmpty()) {
        head = Optional.of(id);
      } else {
        next.put(tail.get(), id);
      }
      return;
    }
    Optional<String> pred = predecessor(before.get());
    next.put(id, before.get());
    if (pred.isEmpty()) {
      head = Optional.of(id);
    } else {
      next.put(pred.get(), id);
    }
  }

  private void unlink(String id) {
    Optional<String> pred = predecessor(id);
    Optional<String> after = Optional.ofNullable(next.remove(id));
    if (pred.isEmpty()) {
      if (head.isPresent() && head.get().equals(id)) {
        head = after;
      }
    } else if (after.isPresent()) {
      next.put(pred.get(), after.get());
    } else {
      next.remove(pred.get());
    }
  }

  private Optional<String> predecessor(String id) {
    for (Map.Entry<String, String> e : next.entrySet()) {
      if (e.getValue().equals(id)) {
        return Optional.of(e.getKey());
      }
    }
    return Optional.empty();
  }

  private Optional<String> tail() {
    Optional<String> cursor = head;
    int steps = 0;
    while (cursor.isPresent() && next.containsKey(cursor.get()) && steps++ < rules.size()) {
      cursor = Optional.of(next.get(cursor.get()));
    }
    return cursor;
  }
}
