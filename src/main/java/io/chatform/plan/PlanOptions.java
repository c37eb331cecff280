package io.chatform.plan;

import io.chatform.model.ApiVersion;
import java.util.OptionalInt;

/**
 * The switches that shape a plan.
 *
 * @param prune false with {@code --no-prune} (or {@code policy.prune: false}): no deletions
 * @param allowEmpty {@code --allow-empty}: a present but empty section may delete everything live
 * @param maxDeletions {@code --max-deletions N}: refuse plans that delete (or replace) more
 * @param maxDestructive {@code --max-destructive N}: refuse plans with more steps marked ⚠
 * @param replace {@code --replace ADDRESS}: webhooks and property definitions to delete and create
 *     again although nothing differs (e.g. to rotate a webhook secret, which the API never shows)
 */
public record PlanOptions(
    ApiVersion version,
    Target target,
    boolean prune,
    boolean allowEmpty,
    OptionalInt maxDeletions,
    java.util.Set<String> replace,
    OptionalInt maxDestructive) {
  public PlanOptions {
    replace = java.util.Set.copyOf(replace);
  }

  public PlanOptions(
      ApiVersion version,
      Target target,
      boolean prune,
      boolean allowEmpty,
      OptionalInt maxDeletions,
      java.util.Set<String> replace) {
    this(version, target, prune, allowEmpty, maxDeletions, replace, OptionalInt.empty());
  }

  public PlanOptions(
      ApiVersion version,
      Target target,
      boolean prune,
      boolean allowEmpty,
      OptionalInt maxDeletions) {
    this(version, target, prune, allowEmpty, maxDeletions, java.util.Set.of());
  }

  public static PlanOptions defaults(ApiVersion version, Target target) {
    return new PlanOptions(version, target, true, false, OptionalInt.empty());
  }
}
