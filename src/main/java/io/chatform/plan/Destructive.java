package io.chatform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.kinds.Kinds;
import io.chatform.kinds.LiveObject;
import io.chatform.kinds.LiveState;
import io.chatform.kinds.ResourceKind;
import io.chatform.model.DesiredState;
import io.chatform.model.Kind;
import io.chatform.model.Reference;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Names the destructive steps of a plan (⚠): deletes and replaces whose kind says what the account
 * loses ({@link ResourceKind#deleteWarning}, {@link ResourceKind#replaceWarning}), with what still
 * points at the object afterwards, managed by the manifests or not. The reason becomes the step's
 * last note, which is what {@link ReplaceReasons#warning} words; a step already ⚠ keeps its reason.
 */
public final class Destructive {
  /** How many referrers a note names before it only counts the rest. */
  static final int LISTED = 10;

  private Destructive() {}

  /**
   * The kinds whose objects may still name an object {@code plan} deletes or replaces but that
   * {@code live} does not hold (neither managed nor read as {@link LiveState#unmanaged}): what to
   * read before planning again, so a plain plan costs no extra list call.
   */
  public static Set<Kind> unread(Plan plan, LiveState live) {
    Set<Kind> gone = EnumSet.noneOf(Kind.class);
    plan.actions().stream()
        .filter(a -> a.type() == ActionType.DELETE || a.type() == ActionType.REPLACE)
        .forEach(a -> gone.add(a.kind()));
    Set<Kind> out = EnumSet.noneOf(Kind.class);
    for (Kind k : Kinds.referrers(gone)) {
      if (!live.wasRead(k)) {
        out.add(k);
      }
    }
    return out;
  }

  static List<Action> mark(List<Action> actions, DesiredState desired, LiveState live) {
    return mark(actions, desired, live, java.util.function.UnaryOperator.identity());
  }

  /**
   * @param shown an address with resolved values → the address as outputs show it (a secret
   *     identity as its reference), so a referrer named by the note never shows a secret
   */
  static List<Action> mark(
      List<Action> actions,
      DesiredState desired,
      LiveState live,
      java.util.function.UnaryOperator<String> shown) {
    Map<String, Action> byAddress =
        actions.stream()
            .collect(
                Collectors.toMap(
                    Dependencies::rawAddress,
                    Function.identity(),
                    (a, b) -> a.type() == ActionType.MOVE ? b : a));
    Map<Kind, Map<String, TreeSet<String>>> pointing = new EnumMap<>(Kind.class);
    Function<Kind, Map<String, TreeSet<String>>> referrersOf =
        k -> pointing.computeIfAbsent(k, t -> referrers(t, desired, live, byAddress, shown));
    List<Action> out = new ArrayList<>();
    for (Action a : actions) {
      out.add(mark(a, referrersOf));
    }
    return out;
  }

  private static Action mark(Action a, Function<Kind, Map<String, TreeSet<String>>> referrersOf) {
    boolean delete = a.type() == ActionType.DELETE;
    if (!delete && a.type() != ActionType.REPLACE) {
      return a;
    }
    ResourceKind kind = Kinds.of(a.kind());
    Optional<String> reason = delete ? kind.deleteWarning() : kind.replaceWarning();
    List<String> referrers =
        a.live()
            .map(l -> referrersOf.apply(a.kind()).get(a.kind().identity(l)))
            .<List<String>>map(List::copyOf)
            .orElse(List.of());
    if (reason.isEmpty() && referrers.isEmpty()) {
      return a;
    }
    List<String> notes = new ArrayList<>(a.notes());
    String last = a.irreversible() && !notes.isEmpty() ? notes.remove(notes.size() - 1) : null;
    if (!referrers.isEmpty()) {
      notes.add(pointedAtBy(referrers));
    }
    if (last != null) {
      notes.add(last); // already ⚠: its own reason stays the warning
    } else {
      notes.add(
          reason.orElse(
              delete
                  ? "objects still name it, and they will point at nothing"
                  : "objects still name it, and they will point at the old one"));
    }
    return a.marked(notes);
  }

  /** The note naming the referrers, the first {@link #LISTED} by address. */
  static String pointedAtBy(List<String> referrers) {
    List<String> shown = referrers.subList(0, Math.min(LISTED, referrers.size()));
    return "still pointed at by "
        + referrers.size()
        + (referrers.size() == 1 ? " object: " : " objects: ")
        + String.join(", ", shown)
        + (referrers.size() > shown.size()
            ? ", … and " + (referrers.size() - shown.size()) + " more"
            : "");
  }

  /**
   * For every identity of kind {@code target}, the objects naming it as members once the plan has
   * run: in managed sections as the plan leaves them (its desired spec, or the live one when it
   * does not touch them; not those it deletes), in the others as they are live. Built once per kind
   * with one pass over the referrers, so a plan deleting thousands of groups is not a scan of every
   * agent per group.
   */
  private static Map<String, TreeSet<String>> referrers(
      Kind target,
      DesiredState desired,
      LiveState live,
      Map<String, Action> byAddress,
      java.util.function.UnaryOperator<String> shown) {
    Map<String, TreeSet<String>> out = new HashMap<>();
    for (Kind k : Kinds.referrers(Set.of(target))) {
      boolean managed = desired.manages(k);
      for (Reference r : Kinds.of(k).references()) {
        if (r.tie() != Reference.Tie.MEMBER || !r.section().equals(target.section())) {
          continue;
        }
        for (LiveObject o : live.read(k)) {
          Optional<JsonNode> after = after(o, byAddress);
          if (after.isEmpty()) {
            continue;
          }
          String name = null;
          for (String named : r.names(after.get())) {
            if (name == null) {
              name =
                  shown.apply(o.address())
                      + (managed ? "" : " (section not managed by the manifests)");
            }
            out.computeIfAbsent(named, n -> new TreeSet<>()).add(name);
          }
        }
      }
    }
    return out;
  }

  /** A live object's spec after the plan: empty when the plan deletes it. */
  private static Optional<JsonNode> after(LiveObject o, Map<String, Action> byAddress) {
    Action act = byAddress.get(o.address());
    if (act == null) {
      return Optional.of(o.spec());
    }
    if (act.type() == ActionType.DELETE) {
      return Optional.empty();
    }
    return Optional.of(act.desired().<JsonNode>map(d -> d).orElse(o.spec()));
  }
}
