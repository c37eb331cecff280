package io.chatform.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import io.chatform.model.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * The ability to merge live duplicates (objects sharing an identity, which only kinds with
 * server-assigned ids can have): keep the one the account references most, move the references from
 * the extras to it, delete the extras. A tie is broken by a fixed rule per kind, which the {@link
 * Keeper} says — never silently. {@code repair/} finds the duplicates and runs this for any kind
 * that has it.
 */
public interface Mergeable extends RawListed {
  /** The raw lists of one account a merge reads, by kind (empty for a kind not read). */
  interface RawLists {
    List<ObjectNode> of(Kind kind);
  }

  /**
   * A planned merge: the keeper and why, the extras' ids, a line per duplicate for reviewers (its
   * id and what references it), and the calls in order.
   */
  record Merged(Keeper choice, List<String> extras, List<String> why, List<RepairStep> steps) {
    public Merged {
      extras = List.copyOf(extras);
      why = List.copyOf(why);
      steps = List.copyOf(steps);
    }
  }

  /** The kind this is (the {@link ResourceKind}'s). */
  Kind kind();

  /** Kinds besides this one whose raw lists a merge reads (those whose references it moves). */
  default Set<Kind> mergeReads() {
    return Set.of();
  }

  /**
   * A raw object's identity as plans address it: by default the kind's identity of the raw object;
   * a kind whose raw objects name by id what its manifests name by name maps them (a greeting's
   * group id to the group's name, read through {@link #mergeReads}).
   */
  default String rawIdentity(ObjectNode raw, RawLists lists) {
    return kind().identity(raw);
  }

  /** The kinds {@code references} name: what a kind mapping ids to names reads. */
  static Set<Kind> targets(List<Reference> references) {
    Set<Kind> out = java.util.EnumSet.noneOf(Kind.class);
    references.forEach(r -> out.add(Kind.fromSection(r.section()).orElseThrow()));
    return out;
  }

  /** The identity of the raw object of {@code id} that {@code r} names, {@code #id} if unlisted. */
  static String named(RawLists lists, Reference r, long id) {
    Kind target = Kind.fromSection(r.section()).orElseThrow();
    return lists.of(target).stream()
        .filter(o -> o.path("id").asLong(-1) == id)
        .findFirst()
        .map(target::identity)
        .orElse("#" + id);
  }

  /**
   * For kinds nothing references, with integer ids: keep the smallest (the oldest), delete the rest
   * with {@code deleteMethod}; each copy's line for reviewers is {@code <noun> <id>: <detail>}.
   */
  static Merged keepingTheOldest(
      List<ObjectNode> same,
      String noun,
      Function<ObjectNode, String> detail,
      String deleteMethod) {
    Keeper choice =
        Keeper.choose(
            same,
            o -> 0,
            java.util.Comparator.comparingLong(o -> o.path("id").asLong()),
            "the smallest id (the oldest; nothing references a "
                + noun
                + ", and plan then makes the kept one match the manifest)");
    return deletingExtras(
        choice,
        same,
        o -> noun + " " + Json.text(o, "id") + ": " + detail.apply(o),
        extra ->
            new RepairStep(
                "delete extra " + noun + " " + Json.text(extra, "id"),
                deleteMethod,
                Json.object().put("id", extra.path("id").asLong())));
  }

  /**
   * The merge of {@code same} (two or more raw objects of this kind with one identity). Updates
   * {@code raw} as its steps will, so merges planned one after another see each other's moves.
   */
  Merged merge(List<ObjectNode> same, RawLists raw);

  /**
   * For kinds nothing references: the only repair is deleting every copy but the keeper; {@code
   * explain} gives each copy's line for reviewers.
   */
  static Merged deletingExtras(
      Keeper choice,
      List<ObjectNode> same,
      Function<ObjectNode, String> explain,
      Function<ObjectNode, RepairStep> delete) {
    List<String> why = same.stream().map(explain).toList();
    List<String> extras = new ArrayList<>();
    List<RepairStep> steps = new ArrayList<>();
    for (ObjectNode extra : same) {
      if (extra != choice.keeper()) {
        extras.add(Json.text(extra, "id"));
        steps.add(delete.apply(extra));
      }
    }
    return new Merged(choice, extras, why, steps);
  }
}
