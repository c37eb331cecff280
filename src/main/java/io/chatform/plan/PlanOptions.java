package io.chatform.plan;

import io.chatform.model.ApiVersion;
import java.util.OptionalInt;

/**
 * The switches that shape a plan.
 *
 * @param prune false with {@code --no-prune} (or {@code policy.prune: false}): no deletions
 * @param allowEmpty {@code --allow-empty}: a present but empty section may delete everything live
 * @param maxDeletions {@code --max-deletions N}: refuse plans that delete (or replace) more
 */
public record PlanOptions(
    ApiVersion version,
    Target target,
    boolean prune,
    boolean allowEmpty,
    OptionalInt maxDeletions) {
  public static PlanOptions defaults(ApiVersion version, Target target) {
    return new PlanOptions(version, target, true, false, OptionalInt.empty());
  }
}
