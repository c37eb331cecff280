package io.chatform.plan;

import io.chatform.kinds.Kinds;
import io.chatform.kinds.LiveObject;
import io.chatform.kinds.LiveState;
import io.chatform.kinds.ResourceKind;
import io.chatform.model.Escapes;
import io.chatform.model.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A capacity slot (webhooks: 3 per action and Client ID) must hold what the account keeps plus what
 * the plan creates. Validation counts the manifests only; live objects the plan leaves in place
 * ({@code --no-prune}, {@code policy.prune: false}, {@code policy.ignore}) would otherwise make an
 * apply write the first creates and then fail on the API's limit.
 */
final class SlotCapacity {
  private SlotCapacity() {}

  /** Live objects are named by id: a live address may hold what the manifests keep secret. */
  static List<String> refusals(List<Action> actions, LiveState live) {
    List<String> out = new ArrayList<>();
    for (ResourceKind k : Kinds.all()) {
      Kind kind = k.kind();
      if (k.slotCapacity() == Integer.MAX_VALUE || !live.has(kind)) {
        continue;
      }
      Set<String> deleted = new HashSet<>();
      Map<String, List<String>> creates = new TreeMap<>();
      for (Action a : actions) {
        if (a.kind() != kind) {
          continue;
        }
        if (a instanceof Action.Delete) {
          a.liveId().ifPresent(deleted::add);
        } else if (a instanceof Action.Create c) {
          k.slot(c.spec())
              .ifPresent(s -> creates.computeIfAbsent(s, x -> new ArrayList<>()).add(a.address()));
        }
      }
      for (Map.Entry<String, List<String>> e : creates.entrySet()) {
        List<String> kept = new ArrayList<>();
        for (LiveObject o : live.of(kind)) {
          if (!deleted.contains(o.liveId())
              && k.slot(o.spec()).equals(java.util.Optional.of(e.getKey()))) {
            kept.add(o.liveId());
          }
        }
        int total = kept.size() + e.getValue().size();
        if (total > k.slotCapacity()) {
          out.add(
              kind.section()
                  + " "
                  + Escapes.line(e.getKey())
                  + ": the plan creates "
                  + e.getValue().size()
                  + " and keeps "
                  + kept.size()
                  + " live (ids "
                  + String.join(", ", kept.stream().map(Escapes::line).toList())
                  + "), "
                  + total
                  + " in all, but the API allows "
                  + k.slotRule()
                  + ". Let the plan delete the live ones the manifests do not declare (they are"
                  + " kept by --no-prune, policy.prune: false or policy.ignore), delete them in"
                  + " LiveChat, or declare fewer.");
        }
      }
    }
    return out;
  }
}
