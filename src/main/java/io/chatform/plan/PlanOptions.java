package io.chatform.plan;

import io.chatform.model.ApiVersion;
import io.chatform.model.FieldMode;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The switches that shape a plan.
 *
 * @param prune false with {@code --no-prune} (or {@code policy.prune: false}): no deletions
 * @param allowEmpty {@code --allow-empty}: a present but empty section may delete everything live
 * @param maxDeletions {@code --max-deletions N}: refuse plans that delete (or replace) more
 * @param maxDestructive {@code --max-destructive N}: refuse plans with more steps marked ⚠
 * @param replace {@code --replace ADDRESS}: webhooks and property definitions to delete and create
 *     again although nothing differs (e.g. to rotate a webhook secret, which the API never shows)
 * @param fields {@code --fields owned|declared}, when given
 * @param applyChecks true: refuse what an apply could not write although each manifest is valid (a
 *     name the account lacks in a section the manifests do not manage, {@code UnmanagedReferences};
 *     a capacity slot over the API's limit with what the plan keeps, {@code SlotCapacity}); drift
 *     passes false, so it reports such objects as the drift they are
 */
public record PlanOptions(
    ApiVersion version,
    Target target,
    boolean prune,
    boolean allowEmpty,
    OptionalInt maxDeletions,
    Set<String> replace,
    OptionalInt maxDestructive,
    Optional<FieldMode> fields,
    boolean applyChecks) {
  public PlanOptions {
    replace = Set.copyOf(replace);
  }

  public PlanOptions(
      ApiVersion version,
      Target target,
      boolean prune,
      boolean allowEmpty,
      OptionalInt maxDeletions,
      Set<String> replace,
      OptionalInt maxDestructive) {
    this(
        version,
        target,
        prune,
        allowEmpty,
        maxDeletions,
        replace,
        maxDestructive,
        Optional.empty(),
        true);
  }

  /** These options with {@code --fields} (which wins over {@code policy.fields}). */
  public PlanOptions withFields(Optional<FieldMode> mode) {
    return new PlanOptions(
        version,
        target,
        prune,
        allowEmpty,
        maxDeletions,
        replace,
        maxDestructive,
        mode,
        applyChecks);
  }

  /** The field mode a plan runs in: the flag, else the manifests' {@code policy.fields}. */
  public FieldMode fieldMode(io.chatform.model.Policy policy) {
    return fields.orElse(policy.fields());
  }

  public PlanOptions(
      ApiVersion version,
      Target target,
      boolean prune,
      boolean allowEmpty,
      OptionalInt maxDeletions,
      Set<String> replace) {
    this(version, target, prune, allowEmpty, maxDeletions, replace, OptionalInt.empty());
  }

  public PlanOptions(
      ApiVersion version,
      Target target,
      boolean prune,
      boolean allowEmpty,
      OptionalInt maxDeletions) {
    this(version, target, prune, allowEmpty, maxDeletions, Set.of());
  }

  public static PlanOptions defaults(ApiVersion version, Target target) {
    return new PlanOptions(version, target, true, false, OptionalInt.empty());
  }
}
