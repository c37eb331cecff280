package io.chatform.plan;

import io.chatform.kinds.Kinds;
import io.chatform.kinds.LiveObject;
import io.chatform.kinds.Protection;
import io.chatform.model.Policy;
import java.util.Optional;

/** The objects a plan must never touch or delete, and the ones it must not even see. */
final class Safety {
  private final Globs protect;
  private final Globs ignore;
  private final Optional<String> callerAgentId;

  private final java.util.function.UnaryOperator<String> shown;

  Safety(Policy policy, Optional<String> callerAgentId) {
    this(policy, callerAgentId, java.util.function.UnaryOperator.identity());
  }

  /**
   * @param shown an address with resolved values → the address as outputs show it (a secret
   *     identity as its reference): globs match either form, for desired and live objects alike
   */
  Safety(
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
}
