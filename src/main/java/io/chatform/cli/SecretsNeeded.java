package io.chatform.cli;

import io.chatform.manifest.DeferredSecret;
import io.chatform.plan.Action;
import io.chatform.plan.ActionType;
import io.chatform.plan.Plan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A plan needs a secret only where it will send it: a webhook's {@code secret_key} is sent when the
 * webhook is created or replaced, never otherwise (the API never returns it, so it is never
 * compared). This refuses a plan that would send a secret that could not be resolved, naming the
 * reference and the object, and lets every other plan through without the secret.
 */
final class SecretsNeeded {
  private SecretsNeeded() {}

  static void check(Plan plan, List<DeferredSecret> deferred) {
    if (deferred.isEmpty()) {
      return;
    }
    // The actions by address, once: a look-up per secret, not a scan of the plan per secret.
    Map<String, List<Action>> byAddress = new HashMap<>();
    plan.actions()
        .forEach(a -> byAddress.computeIfAbsent(a.address(), k -> new ArrayList<>()).add(a));
    List<String> missing =
        deferred.stream()
            .flatMap(d -> sender(byAddress, d).map(a -> Map.entry(d, a)).stream())
            .map(
                e ->
                    "  "
                        + e.getKey().why().format()
                        + "\n    needed because the plan "
                        + e.getValue().type().verb()
                        + "s "
                        + e.getKey().address()
                        + ", which sends "
                        + e.getKey().pointer().substring(1))
            .collect(Collectors.toList());
    if (!missing.isEmpty()) {
      throw new UserException(
          "the plan sends "
              + (missing.size() == 1 ? "a secret that is" : missing.size() + " secrets that are")
              + " not available:\n"
              + String.join("\n", missing)
              + "\nset them, or leave those objects as they are in the account");
    }
  }

  /** Creates and replaces send the whole spec; an update only the fields it changes. */
  private static boolean sends(Action a, DeferredSecret d) {
    if (!a.address().equals(d.address())) {
      return false;
    }
    String field = d.pointer().substring(1);
    return a.type() == ActionType.CREATE
        || a.type() == ActionType.REPLACE
        || (a.type() == ActionType.UPDATE
            && a.changes().stream().anyMatch(c -> c.field().equals(field)));
  }

  /** The first action of the plan that sends {@code d}. */
  private static Optional<Action> sender(Map<String, List<Action>> byAddress, DeferredSecret d) {
    return byAddress.getOrDefault(d.address(), List.of()).stream()
        .filter(a -> sends(a, d))
        .findFirst();
  }
}
