package io.chatform.plan;

import io.chatform.kinds.Kinds;
import io.chatform.kinds.LiveObject;
import io.chatform.kinds.LiveState;
import io.chatform.model.DesiredState;
import io.chatform.model.Kind;
import io.chatform.model.Reference;
import io.chatform.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Replacing a property definition (unregister + register) deletes every value it holds. A desired
 * value that already matched the account would otherwise get no action and be lost by the apply;
 * this adds an update that writes it again once the new definition exists.
 */
final class ReplacedValues {

  private ReplacedValues() {}

  static List<Action> restore(
      DesiredState desired, LiveState live, List<Action> actions, Predicate<String> ignored) {
    Set<String> replaced =
        actions.stream()
            .filter(a -> a.type() == ActionType.REPLACE)
            .map(Dependencies::rawAddress)
            .collect(Collectors.toSet());
    if (replaced.isEmpty()) {
      return List.of();
    }
    Set<String> planned = actions.stream().map(Action::address).collect(Collectors.toSet());
    List<Action> out = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      for (Resource r : desired.section(kind).orElse(List.of())) {
        if (!heldByReplaced(kind, r, replaced)
            || planned.contains(r.address())
            || ignored.test(r.rawAddress())) {
          continue;
        }
        Optional<LiveObject> now =
            live.of(kind).stream().filter(o -> o.identity().equals(r.identity())).findFirst();
        if (now.isEmpty()) {
          continue; // no live value: the diff already planned its create
        }
        out.add(
            new Action.Update(
                new Action.Head(
                    r.address() + "#update",
                    kind,
                    r.address(),
                    List.of(),
                    false,
                    Map.of(),
                    ReplaceReasons.said(Optional.of(Action.Reason.VALUES_LOST), List.of())),
                new Action.Write(now.get().liveId(), r.spec(), now.get().spec(), List.of()),
                Optional.of(Action.Reason.VALUES_LOST),
                Optional.empty()));
      }
    }
    return out;
  }

  /** Whether {@code r} is held (as a value) by an object the plan replaces. */
  private static boolean heldByReplaced(Kind kind, Resource r, Set<String> replaced) {
    for (Reference ref : Kinds.of(kind).references()) {
      if (ref.tie() == Reference.Tie.VALUE
          && ref.names(r.spec()).stream()
              .anyMatch(n -> replaced.contains(ref.section() + "/" + n))) {
        return true;
      }
    }
    return false;
  }
}
