package io.chatform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.kinds.Kinds;
import io.chatform.kinds.LiveObject;
import io.chatform.kinds.LiveState;
import io.chatform.kinds.Routing;
import io.chatform.model.DesiredState;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The auto access rules in the order they will be in after the plan is applied (first match wins),
 * so a reviewer sees where a new or moved rule lands, not only "before X". Worked out by playing
 * the plan's placements, in plan order, on the live order: rules the plan does not touch (ignored
 * or unmanaged ones included) stay where they are.
 */
public final class RoutingOrder {
  /** The routing rules (auto access), whose order the plan changes by moves. */
  private static final Kind RULES = Kinds.routing(Routing.RULE);

  /** What the plan does to a rule's place. */
  public enum Status {
    NEW,
    MOVED,
    KEPT,
    DELETED;

    public String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One rule of the order.
   *
   * @param position 1-based place after apply; 0 for a deleted rule
   * @param name the rule's description as outputs show it
   * @param was 1-based place before apply; 0 for a new rule
   */
  public record Entry(int position, String name, Status status, int was) {}

  private RoutingOrder() {}

  /**
   * {@code plan} with its routing order, when it changes any auto access rule; {@code desired}
   * gives the names as outputs show them (a description from {@code ${env:…}} as its reference).
   */
  public static Plan attach(Plan plan, DesiredState desired, LiveState live) {
    Map<String, String> shown = new HashMap<>();
    desired
        .section(RULES)
        .orElse(List.of())
        .forEach(r -> shown.put(r.identity(), name(r.address())));
    List<Entry> order = of(plan, live.of(RULES), shown);
    if (order.isEmpty()) {
      return plan;
    }
    Map<String, String> masked = new HashMap<>();
    shown.forEach(
        (identity, name) -> {
          if (!identity.equals(name)) {
            masked.put(identity, name);
          }
        });
    return new Plan(
        plan.formatVersion(),
        plan.target(),
        plan.manifestHash(),
        plan.actions(),
        plan.fingerprints(),
        plan.notices(),
        order,
        masked,
        plan.fields());
  }

  /** The order after apply, deleted rules last; empty when the plan leaves auto access alone. */
  static List<Entry> of(Plan plan, List<LiveObject> liveRules, Map<String, String> names) {
    List<Action> rules = plan.actions().stream().filter(a -> a.kind() == RULES).toList();
    if (rules.isEmpty()) {
      return List.of();
    }
    Map<String, String> shown = new HashMap<>(names);
    Map<String, Integer> was = new HashMap<>();
    List<String> order = new ArrayList<>();
    for (LiveObject o : liveRules) {
      if (was.putIfAbsent(o.identity(), order.size() + 1) == null) {
        order.add(o.identity());
        shown.putIfAbsent(o.identity(), o.identity());
      }
    }
    for (Action a : rules) { // a renamed rule keeps its place under its new name
      Optional<String> from = a.renamedFrom().flatMap(n -> a.live().map(RULES::identity));
      int at = from.map(order::indexOf).orElse(-1);
      if (at >= 0) {
        order.set(at, identity(a));
        was.put(identity(a), was.remove(from.get()));
      }
    }
    Map<String, Status> status = new LinkedHashMap<>();
    for (Action a : rules) {
      String id = identity(a);
      shown.put(id, name(a.address()));
      if (a.type() == ActionType.DELETE) {
        order.remove(id);
        status.put(id, Status.DELETED);
      } else if (a.moveBefore().isPresent()) {
        order.remove(id);
        String before = a.moveBefore().get();
        int at = before.isEmpty() ? -1 : order.indexOf(before);
        order.add(at < 0 ? order.size() : at, id);
        status.put(id, a.type() == ActionType.CREATE ? Status.NEW : Status.MOVED);
      } else if (a.type() == ActionType.CREATE) {
        order.add(id); // the API appends a rule it creates
        status.put(id, Status.NEW);
      }
    }
    List<Entry> out = new ArrayList<>();
    for (String id : order) {
      out.add(
          new Entry(
              out.size() + 1,
              shown.get(id),
              status.getOrDefault(id, Status.KEPT),
              was.getOrDefault(id, 0)));
    }
    status.forEach(
        (id, s) -> {
          if (s == Status.DELETED) {
            out.add(new Entry(0, shown.get(id), s, was.getOrDefault(id, 0)));
          }
        });
    return out;
  }

  /** The order as the plan JSON's {@code routing_order} (schemas/plan.schema.json). */
  static ArrayNode toJson(List<Entry> order) {
    ArrayNode out = Json.array();
    for (Entry e : order) {
      ObjectNode o = out.addObject().put("description", e.name()).put("status", e.status().word());
      if (e.position() > 0) {
        o.put("position", e.position());
      }
      if (e.was() > 0) {
        o.put("was", e.was());
      }
    }
    return out;
  }

  /** The order read back from a saved plan; empty when it has none. */
  static List<Entry> fromJson(JsonNode order) {
    List<Entry> out = new ArrayList<>();
    for (JsonNode e : order) {
      out.add(
          new Entry(
              e.path("position").asInt(0),
              e.path("description").asText(),
              status(e.path("status").asText()),
              e.path("was").asInt(0)));
    }
    return out;
  }

  private static Status status(String word) {
    for (Status s : Status.values()) {
      if (s.word().equals(word)) {
        return s;
      }
    }
    throw new IllegalArgumentException(
        "unknown routing_order status '"
            + word
            + "' in the saved plan; make it again with plan --out");
  }

  private static String name(String address) {
    return address.substring(RULES.section().length() + 1);
  }

  private static String identity(Action a) {
    Optional<ObjectNode> spec = a.type() == ActionType.DELETE ? a.live() : a.desired().or(a::live);
    return spec.map(RULES::identity).orElse(a.address());
  }
}
