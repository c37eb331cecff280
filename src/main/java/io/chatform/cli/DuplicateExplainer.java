package io.chatform.cli;

import io.chatform.kinds.Owners;
import io.chatform.model.DesiredState;
import io.chatform.model.Kind;
import io.chatform.plan.PlanRefusedException;
import io.chatform.repair.DuplicateFinder;
import io.chatform.repair.DuplicateSet;
import io.chatform.repair.RawAccount;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * When a plan is refused because live objects share an identity, adds what {@code chatform repair}
 * sees: each id, what references it, and which one a repair would keep — so the refusal explains
 * the situation instead of only naming the ids.
 */
final class DuplicateExplainer {
  private DuplicateExplainer() {}

  static PlanRefusedException explain(PlanRefusedException e, Connection c, DesiredState desired) {
    // KindDiff words every duplicate refusal this way (and RepairPlan.text() mirrors it).
    if (e.reasons().stream().noneMatch(r -> r.contains("share this identity"))) {
      return e;
    }
    try {
      Set<Kind> kinds = DuplicateFinder.repairable(desired);
      Set<String> owners = Owners.declared(desired);
      List<DuplicateSet> sets =
          new DuplicateFinder(RawAccount.read(c.client(), kinds, owners)).find(kinds);
      if (sets.isEmpty()) {
        return e;
      }
      List<String> reasons = new ArrayList<>(e.reasons());
      for (DuplicateSet d : sets) {
        reasons.add(
            d.address()
                + ": "
                + String.join("; ", d.explanation())
                + " — chatform repair -f … proposes "
                + d.steps().size()
                + " step(s) to merge them into "
                + d.keeperId());
      }
      return new PlanRefusedException(reasons);
    } catch (RuntimeException unreadable) {
      return e; // the refusal alone still says what is wrong
    }
  }
}
