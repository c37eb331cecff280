package io.chatform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.kinds.Json;
import io.chatform.model.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dependency graph of a plan, made explicit in each action's {@code dependsOn}: definitions
 * before groups, groups before the agents, bots, rules and values that name them, webhooks last;
 * deletions in reverse (members moved and rules removed before a group goes).
 */
final class Dependencies {
  private Dependencies() {}

  static List<Action> link(List<Action> actions) {
    Map<String, Action> byAddress = new HashMap<>();
    actions.forEach(a -> byAddress.put(rawAddress(a), a));
    List<Action> out = new ArrayList<>();
    for (Action a : actions) {
      Set<String> deps = new LinkedHashSet<>(a.dependsOn());
      if (a.type() != ActionType.DELETE) {
        for (String group : groupsNamed(a.kind(), a.desired())) {
          creating(byAddress, "groups/" + group).ifPresent(deps::add);
        }
        if (a.kind() == Kind.LICENSE_PROPERTIES || a.kind() == Kind.GROUP_PROPERTIES) {
          ObjectNode d = a.desired().orElseThrow();
          creating(
                  byAddress, "properties/" + Json.text(d, "namespace") + "/" + Json.text(d, "name"))
              .ifPresent(deps::add);
        }
      }
      for (Action other : actions) {
        if (other != a && mustPrecede(other, a)) {
          deps.add(other.id());
        }
      }
      out.add(a.withDependsOn(List.copyOf(deps)));
    }
    return TopoOrder.sort(out, Comparator.comparingInt(Dependencies::rank));
  }

  /** Display and tie-break order: kinds in dependency order, deletions after, in reverse. */
  private static int rank(Action a) {
    int k = a.kind().ordinal();
    return a.type() == ActionType.DELETE ? 100 + (Kind.values().length - k) : k;
  }

  /** Deletions and replacements that must go before {@code a}. */
  private static boolean mustPrecede(Action first, Action a) {
    if (a.type() == ActionType.DELETE && a.kind() == Kind.GROUPS) {
      String group = a.live().map(l -> Json.text(l, "name")).orElse("");
      return first.kind() != Kind.GROUPS
          && first.type() != ActionType.CREATE
          && groupsNamed(first.kind(), first.live()).contains(group);
    }
    if ((a.type() == ActionType.DELETE || a.type() == ActionType.REPLACE)
        && a.kind() == Kind.PROPERTIES) {
      return (first.kind() == Kind.LICENSE_PROPERTIES || first.kind() == Kind.GROUP_PROPERTIES)
          && first.type() == ActionType.DELETE
          && propertyOf(first.live()).equals(rawAddress(a).substring("properties/".length()));
    }
    if (a.kind() == Kind.WEBHOOKS && a.type() != ActionType.DELETE) {
      // At most 3 webhooks per action and app: free slots before taking new ones.
      return first.kind() == Kind.WEBHOOKS
          && first.type() == ActionType.DELETE
          && slot(first.live()).equals(slot(a.desired()));
    }
    if (a.kind() == Kind.LICENSE_WEBHOOKS) {
      return first.kind() == Kind.WEBHOOKS
          && first.type() != ActionType.DELETE
          && slot(first.desired())
              .startsWith(Json.text(a.desired().orElseThrow(), "owner_client_id") + "/");
    }
    return false;
  }

  /**
   * The action's address with resolved values, as the names in other specs refer to it ({@link
   * Action#address()} shows a reference instead when the identity came from {@code ${env:…}}).
   */
  static String rawAddress(Action a) {
    return a.desired().or(a::live).map(s -> a.kind().address(s)).orElse(a.address());
  }

  private static Optional<String> creating(Map<String, Action> byAddress, String address) {
    Action a = byAddress.get(address);
    return a != null && (a.type() == ActionType.CREATE || a.type() == ActionType.REPLACE)
        ? Optional.of(a.id())
        : Optional.empty();
  }

  /** The group names a spec of {@code kind} refers to. */
  static Set<String> groupsNamed(Kind kind, Optional<ObjectNode> spec) {
    Set<String> out = new LinkedHashSet<>();
    if (spec.isEmpty()) {
      return out;
    }
    JsonNode s = spec.get();
    switch (kind) {
      case AGENTS, BOTS -> s.path("groups").forEach(g -> out.add(g.path("group").asText()));
      case AUTO_ACCESS -> s.path("groups").forEach(g -> out.add(g.asText()));
      case GROUP_PROPERTIES -> out.add(Json.text(s, "group"));
      default -> {}
    }
    return out;
  }

  private static String propertyOf(Optional<ObjectNode> value) {
    return value.map(v -> Json.text(v, "namespace") + "/" + Json.text(v, "name")).orElse("");
  }

  private static String slot(Optional<ObjectNode> webhook) {
    return webhook
        .map(w -> Json.text(w, "owner_client_id") + "/" + Json.text(w, "action"))
        .orElse("");
  }
}
