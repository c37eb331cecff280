package io.chatform.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.kinds.Kinds;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import io.chatform.model.Reference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The dependency graph of a plan, made explicit in each action's {@code dependsOn}, from the facts
 * each kind declares: what a spec references is created first; deletions go in reverse (members
 * moved and values removed before what they name goes); capacity slots are freed before they are
 * taken; a kind written after another's writes of the same app waits for them.
 */
final class Dependencies {
  private Dependencies() {}

  static List<Action> link(List<Action> actions) {
    Map<String, Action> byAddress = new HashMap<>();
    actions.forEach(a -> byAddress.put(rawAddress(a), a));
    Precedence precedence = new Precedence(actions);
    List<Action> out = new ArrayList<>();
    for (int i = 0; i < actions.size(); i++) {
      Action a = actions.get(i);
      Set<String> deps = new LinkedHashSet<>(a.dependsOn());
      if (a.type() != ActionType.DELETE) {
        for (Reference r : Kinds.of(a.kind()).references()) {
          for (String name : named(r, a.desired())) {
            creating(byAddress, r.section() + "/" + name).ifPresent(deps::add);
          }
        }
      }
      for (int j : precedence.before(i)) {
        deps.add(actions.get(j).id());
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

  /**
   * The action's address with resolved values, as the names in other specs refer to it ({@link
   * Action#address()} shows a reference instead when the identity came from {@code ${env:…}}).
   */
  static String rawAddress(Action a) {
    return a.desired().or(a::live).map(s -> a.kind().address(s)).orElse(a.address());
  }

  private static Optional<String> creating(Map<String, Action> byAddress, String address) {
    Action a = byAddress.get(address);
    return a != null
            && (a.type() == ActionType.CREATE
                || a.type() == ActionType.REPLACE
                || a.renamedFrom().isPresent())
        ? Optional.of(a.id())
        : Optional.empty();
  }

  /** The identities a spec names through {@code r}. */
  static List<String> named(Reference r, Optional<ObjectNode> spec) {
    return spec.map(r::names).orElse(List.of());
  }

  static String owner(Optional<ObjectNode> spec) {
    return spec.map(s -> Json.text(s, "owner_client_id")).orElse("");
  }
}
