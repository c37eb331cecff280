package io.chatform.repair;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.kinds.Keeper;
import io.chatform.kinds.Kinds;
import io.chatform.kinds.Mergeable;
import io.chatform.model.DesiredState;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds live objects that share an identity (two groups one name, two bots one owner and name, two
 * rules one description, two webhooks one owner/type/action/url: every kind that is {@link
 * Mergeable}) and plans their merge with the kind's own rule: keep the one the account references
 * most, move references from the extras to it, delete the extras. A tie is broken by a fixed rule
 * per kind, written into the explanation — never silently.
 */
public final class DuplicateFinder {
  private final RawAccount raw;

  /** Of the kinds {@code desired} manages, those repair can merge. */
  public static Set<Kind> repairable(DesiredState desired) {
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    desired.sections().keySet().stream()
        .filter(k -> Kinds.ability(k, Mergeable.class).isPresent())
        .forEach(kinds::add);
    return kinds;
  }

  public DuplicateFinder(RawAccount raw) {
    this.raw = raw;
  }

  /** The duplicate sets of the kinds asked for, in section order, each with its repair steps. */
  public List<DuplicateSet> find(Set<Kind> kinds) {
    List<DuplicateSet> out = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      var merging = Kinds.ability(kind, Mergeable.class);
      if (!kinds.contains(kind) || merging.isEmpty()) {
        continue;
      }
      Mergeable m = merging.get();
      for (List<ObjectNode> same : sameIdentity(raw.of(kind), o -> m.rawIdentity(o, raw))) {
        out.add(set(kind, m.rawIdentity(same.get(0), raw), m.merge(same, raw)));
      }
    }
    return out;
  }

  static List<List<ObjectNode>> sameIdentity(
      List<ObjectNode> objects, java.util.function.Function<ObjectNode, String> identity) {
    Map<String, List<ObjectNode>> by = new LinkedHashMap<>();
    objects.forEach(o -> by.computeIfAbsent(identity.apply(o), k -> new ArrayList<>()).add(o));
    return by.values().stream().filter(l -> l.size() > 1).toList();
  }

  private static DuplicateSet set(Kind kind, String identity, Mergeable.Merged merged) {
    Keeper choice = merged.choice();
    ObjectNode keeper = choice.keeper();
    List<String> lines = new ArrayList<>(merged.why());
    lines.add("keep " + Json.text(keeper, "id") + ": " + choice.reason());
    return new DuplicateSet(
        kind, identity, Json.text(keeper, "id"), merged.extras(), lines, merged.steps());
  }
}
