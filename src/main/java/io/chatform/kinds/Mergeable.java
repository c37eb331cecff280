package io.chatform.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Json;
import io.chatform.model.Kind;
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

  /** Kinds besides this one whose raw lists a merge reads (those whose references it moves). */
  default Set<Kind> mergeReads() {
    return Set.of();
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
