package io.chatform.cli;

import io.chatform.manifest.DeferredSecret;
import io.chatform.plan.Action;
import io.chatform.plan.ActionType;
import io.chatform.plan.Plan;
import java.util.List;
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
    List<String> missing =
        deferred.stream()
            .filter(d -> plan.actions().stream().anyMatch(a -> sends(a, d)))
            .map(
                d ->
                    "  "
                        + d.why().format()
                        + "\n    needed because the plan "
                        + verb(plan, d)
                        + " "
                        + d.address()
                        + ", which sends "
                        + d.pointer().substring(1))
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

  private static String verb(Plan plan, DeferredSecret d) {
    return plan.actions().stream()
        .filter(a -> sends(a, d))
        .findFirst()
        .map(a -> a.type().verb() + "s")
        .orElse("writes");
  }
}
