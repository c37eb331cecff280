package io.chatform.plan;

import io.chatform.kinds.KindRules;
import io.chatform.kinds.Kinds;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Why a step is drastic, in words renderers print: which changed fields force a replace (as
 * Terraform's {@code # forces replacement}), and why a step marked ⚠ cannot be undone. Worked out
 * from the action's changes and its kind's rules only, so it stays right whatever built the action.
 */
public final class ReplaceReasons {
  /** Said of a replace none of whose changes forces it: the user asked for it. */
  static final String REQUESTED = "replaced on request (--replace)";

  /** Said of an update that writes a value again because its definition is replaced. */
  static final String VALUES_LOST =
      "written again: replacing the property definition deletes its values";

  private ReplaceReasons() {}

  /**
   * How a step's reason reads as its first note; a replace forced by its changes has none (its
   * forcing fields say it, see {@link #forcing}).
   */
  static Optional<String> words(Action.Reason reason) {
    return switch (reason) {
      case CANNOT_UPDATE -> Optional.empty();
      case REQUESTED -> Optional.of(REQUESTED);
      case VALUES_LOST -> Optional.of(VALUES_LOST);
    };
  }

  /** The notes a step starts with: its reason worded first, then the remarks. */
  static List<String> said(Optional<Action.Reason> why, List<String> remarks) {
    Optional<String> w = why.flatMap(ReplaceReasons::words);
    if (w.isEmpty()) {
      return remarks;
    }
    List<String> out = new ArrayList<>(remarks.size() + 1);
    out.add(w.get());
    out.addAll(remarks);
    return List.copyOf(out);
  }

  /** The reason of a replace read back from its notes (a saved plan stores the words). */
  public static Action.Reason replaceReason(List<String> notes) {
    return notes.contains(REQUESTED) ? Action.Reason.REQUESTED : Action.Reason.CANNOT_UPDATE;
  }

  /** The reason of an update read back from its notes (a saved plan stores the words). */
  public static Optional<Action.Reason> updateReason(List<String> notes) {
    return notes.contains(VALUES_LOST) ? Optional.of(Action.Reason.VALUES_LOST) : Optional.empty();
  }

  /** The changed fields that make this a replace (delete + create); empty for other steps. */
  public static List<String> forcing(Action a) {
    if (a.type() != ActionType.REPLACE) {
      return List.of();
    }
    KindRules rules = Kinds.rules(a.kind());
    return a.changes().stream()
        .map(FieldChange::field)
        .filter(f -> rules != null && rules.replaces(f))
        .distinct()
        .toList();
  }

  /** True when a change to {@code field} is one that forces {@code a} to be a replace. */
  static boolean forces(Action a, String field) {
    return forcing(a).contains(field);
  }

  /**
   * Why a step marked ⚠ cannot be undone or loses something: the planner's note that says so (it is
   * the last note of an irreversible step; {@link Destructive} keeps it last), or a plain statement
   * when there is none.
   */
  public static Optional<String> warning(Action a) {
    if (!a.irreversible()) {
      return Optional.empty();
    }
    List<String> notes = a.notes();
    String last = notes.isEmpty() ? "" : notes.get(notes.size() - 1);
    // A replace asked for with --replace whose last note is that request has said no more.
    boolean onlyRequested =
        a instanceof Action.Replace r
            && r.why() == Action.Reason.REQUESTED
            && last.equals(REQUESTED);
    if (last.isEmpty() || onlyRequested) {
      return Optional.of(
          a.type() == ActionType.REPLACE
              ? "delete + create loses what the live object holds"
              : "this change cannot be undone");
    }
    return Optional.of(last);
  }

  /** The notes still worth printing on their own once the warning has said its part. */
  static List<String> otherNotes(Action a) {
    Optional<String> w = warning(a);
    return a.notes().stream().filter(n -> w.isEmpty() || !n.equals(w.get())).toList();
  }
}
