package io.chatform.repair;

import io.chatform.kinds.RepairStep;
import io.chatform.model.Kind;
import java.util.List;

/**
 * Live objects that share one identity, which one is kept and why, and the steps that move every
 * reference from the extras to the keeper and then delete the extras.
 *
 * @param explanation lines for reviewers: each id and what references it, and the rule that chose
 *     the keeper (most references; a tie is broken by a documented deterministic rule, said here)
 */
public record DuplicateSet(
    Kind kind,
    String identity,
    String keeperId,
    List<String> extraIds,
    List<String> explanation,
    List<RepairStep> steps) {
  public DuplicateSet {
    extraIds = List.copyOf(extraIds);
    explanation = List.copyOf(explanation);
    steps = List.copyOf(steps);
  }

  /** {@code <section>/<identity>}, as plans name objects. */
  public String address() {
    return kind.section() + "/" + identity;
  }
}
