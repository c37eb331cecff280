package io.chatform.plan;

import io.chatform.kinds.Kinds;
import io.chatform.kinds.LiveObject;
import io.chatform.kinds.Protection;
import io.chatform.model.Policy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The safety rules: the objects a plan must never touch or delete, the ones it must not even see,
 * and the limits a whole plan must keep ({@link #limits}).
 */
final class SafetyRules {
  private final Globs protect;
  private final Globs ignore;
  private final Optional<String> callerAgentId;

  private final java.util.function.UnaryOperator<String> shown;

  SafetyRules(Policy policy, Optional<String> callerAgentId) {
    this(policy, callerAgentId, java.util.function.UnaryOperator.identity());
  }

  /**
   * @param shown an address with resolved values → the address as outputs show it (a secret
   *     identity as its reference): globs match either form, for desired and live objects alike
   */
  SafetyRules(
      Policy policy,
      Optional<String> callerAgentId,
      java.util.function.UnaryOperator<String> shown) {
    this.protect = new Globs(policy.protect());
    this.ignore = new Globs(policy.ignore());
    this.callerAgentId = callerAgentId;
    this.shown = shown;
  }

  boolean ignored(String address) {
    return ignore.matches(address) || ignore.matches(shown.apply(address));
  }

  boolean protectedAddress(String address) {
    return protect.matches(address) || protect.matches(shown.apply(address));
  }

  /** Why {@code live} must not be deleted, if it must not. */
  Optional<String> undeletable(LiveObject live) {
    if (protectedAddress(live.address())) {
      return Optional.of("protected by policy.protect");
    }
    return Kinds.of(live.kind()).protection(live, callerAgentId).map(Protection::reason);
  }

  /** Why {@code live} must not be changed at all, if it must not. */
  Optional<String> unchangeable(LiveObject live) {
    if (protectedAddress(live.address())) {
      return Optional.of("protected by policy.protect");
    }
    return Optional.empty();
  }

  /**
   * Whether skipping {@code live}'s deletion deserves a notice: what its kind always protects (the
   * owner, group 0) can never be deleted anyway, so saying so on every plan would only be noise.
   */
  boolean worthSaying(LiveObject live) {
    return Kinds.of(live.kind()).protection(live, callerAgentId).map(p -> !p.quiet()).orElse(true);
  }

  /**
   * The plan-wide limits: {@code --max-deletions} (a replace deletes too, so it counts) and {@code
   * --max-destructive} (the steps marked ⚠), each refused with one line naming the count and the
   * limit.
   */
  static List<String> limits(List<Action> actions, PlanOptions opts) {
    List<String> out = new ArrayList<>();
    long deletions =
        actions.stream()
            .filter(a -> a.type() == ActionType.DELETE || a.type() == ActionType.REPLACE)
            .count();
    if (opts.maxDeletions().isPresent() && deletions > opts.maxDeletions().getAsInt()) {
      out.add(
          "the plan deletes or replaces "
              + deletions
              + " objects, more than --max-deletions "
              + opts.maxDeletions().getAsInt()
              + " (a replace is a delete + create, so it counts). Review the manifests, or raise"
              + " the limit.");
    }
    List<Action> marked = actions.stream().filter(Action::irreversible).toList();
    if (opts.maxDestructive().isPresent() && marked.size() > opts.maxDestructive().getAsInt()) {
      List<String> named =
          marked.stream()
              .limit(Destructive.LISTED)
              .map(a -> a.type().verb() + " " + a.address())
              .toList();
      out.add(
          "the plan has "
              + marked.size()
              + " destructive (⚠) actions, more than --max-destructive "
              + opts.maxDestructive().getAsInt()
              + ": "
              + String.join(", ", named)
              + (marked.size() > named.size()
                  ? ", … and " + (marked.size() - named.size()) + " more"
                  : "")
              + ". Have a person review and apply it, or raise the limit.");
    }
    return out;
  }
}
