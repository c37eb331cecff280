package io.chatform.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.kinds.Kinds;
import io.chatform.kinds.ResourceKind;
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
    List<Action> out = new ArrayList<>();
    for (Action a : actions) {
      Set<String> deps = new LinkedHashSet<>(a.dependsOn());
      if (a.type() != ActionType.DELETE) {
        for (Reference r : Kinds.of(a.kind()).references()) {
          for (String name : named(r, a.desired())) {
            creating(byAddress, r.section() + "/" + name).ifPresent(deps::add);
          }
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

  /** Actions that must go before {@code a}. */
  private static boolean mustPrecede(Action first, Action a) {
    ResourceKind kind = Kinds.of(a.kind());
    ResourceKind firstKind = Kinds.of(first.kind());
    if (first.kind() != a.kind()
        && (a.type() == ActionType.DELETE || a.type() == ActionType.REPLACE)) {
      String target = rawAddress(a).substring(kind.section().length() + 1);
      for (Reference r : firstKind.references()) {
        if (r.section().equals(kind.section())
            && lets(r.tie(), first.type(), a.type())
            && named(r, first.live()).contains(target)) {
          return true;
        }
      }
    }
    if (a.type() != ActionType.DELETE && first.kind() == a.kind()) {
      // Capacity (webhooks: 3 per action and app): free slots before taking new ones.
      Optional<String> slot = a.desired().flatMap(kind::slot);
      if (slot.isPresent()
          && first.type() == ActionType.DELETE
          && slot.equals(first.live().flatMap(kind::slot))) {
        return true;
      }
    }
    Optional<String> after = kind.writtenAfter();
    return after.isPresent()
        && after.get().equals(firstKind.section())
        && first.type() != ActionType.DELETE
        && owner(first.desired()).equals(owner(a.desired()));
  }

  /**
   * Whether the referrer's {@code first} step must go before its target's {@code then}: a member
   * lets go (any change but its creation) before the target is deleted; a value is deleted before
   * its target is deleted or replaced.
   */
  private static boolean lets(Reference.Tie tie, ActionType first, ActionType then) {
    return switch (tie) {
      case MEMBER -> then == ActionType.DELETE && first != ActionType.CREATE;
      case VALUE -> first == ActionType.DELETE;
    };
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

  private static String owner(Optional<ObjectNode> spec) {
    return spec.map(s -> Json.text(s, "owner_client_id")).orElse("");
  }
}
