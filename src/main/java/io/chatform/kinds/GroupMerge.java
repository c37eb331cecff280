package io.chatform.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The merge of groups that share a name. A group's references are whatever the {@link
 * GroupReferrer} kinds hold that names it (auto access rules routing to it, its members, its
 * property values); the keeper is the group referenced most (group 0, General, always wins: it can
 * never be deleted; a tie keeps the lowest id, the oldest). Every reference to an extra is moved to
 * the keeper, stage by stage, before the extra is deleted.
 */
final class GroupMerge {
  private final List<Referrer> referrers;

  /** A referring kind and its raw list. */
  private record Referrer(GroupReferrer kind, List<ObjectNode> raw) {}

  GroupMerge(Mergeable.RawLists raw) {
    List<Referrer> in = new ArrayList<>();
    for (GroupReferrer.Stage stage : GroupReferrer.Stage.values()) {
      for (Kind k : referrerKinds()) {
        GroupReferrer r = Kinds.ability(k, GroupReferrer.class).orElseThrow();
        if (r.stage() == stage) {
          in.add(new Referrer(r, raw.of(k)));
        }
      }
    }
    this.referrers = List.copyOf(in);
  }

  /** The kinds whose raw objects name groups, in dependency order. */
  static Set<Kind> referrerKinds() {
    Set<Kind> out = EnumSet.noneOf(Kind.class);
    Kinds.all().stream().filter(GroupReferrer.class::isInstance).forEach(k -> out.add(k.kind()));
    return out;
  }

  Mergeable.Merged merge(List<ObjectNode> same) {
    Keeper choice =
        same.stream().anyMatch(g -> id(g) == 0)
            ? new Keeper(
                same.stream().filter(g -> id(g) == 0).findFirst().orElseThrow(),
                "group 0 (General) can never be deleted")
            : Keeper.choose(
                same,
                this::references,
                Comparator.comparingLong(GroupMerge::id),
                "the lowest id (the oldest group)");
    long keeper = id(choice.keeper());
    List<String> why = new ArrayList<>();
    same.forEach(g -> why.add(explain(id(g))));
    List<RepairStep> steps = new ArrayList<>();
    List<String> extras = new ArrayList<>();
    for (ObjectNode g : same) {
      long extra = id(g);
      if (extra == keeper) {
        continue;
      }
      extras.add(Long.toString(extra));
      referrers.forEach(r -> steps.addAll(r.kind().move(r.raw(), extra, keeper)));
      steps.add(
          new RepairStep(
              "delete extra group " + extra, "delete_group", Json.object().put("id", extra)));
    }
    return new Mergeable.Merged(choice, extras, why, steps);
  }

  private int references(ObjectNode group) {
    long g = id(group);
    return referrers.stream().mapToInt(r -> r.kind().naming(r.raw(), g).size()).sum();
  }

  /** {@code group 3: routed to by 1 rule(s) [r1], 2 member(s) [a@x, bot b], …}, one per stage. */
  private String explain(long g) {
    List<String> phrases = new ArrayList<>();
    for (GroupReferrer.Stage stage : GroupReferrer.Stage.values()) {
      List<String> named = new ArrayList<>();
      referrers.stream()
          .filter(r -> r.kind().stage() == stage)
          .forEach(r -> named.addAll(r.kind().naming(r.raw(), g)));
      phrases.add(stage.phrase(named));
    }
    return "group " + g + ": " + String.join(", ", phrases);
  }

  static long id(ObjectNode group) {
    return group.path("id").asLong(-1);
  }
}
