package io.chatform.plan;

import io.chatform.kinds.Json;
import io.chatform.kinds.LiveObject;
import io.chatform.model.Kind;
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
    if (live.kind() == Kind.AGENTS) {
      if ("owner".equals(Json.text(live.spec(), "role"))) {
        return Optional.of("the account owner is never deleted");
      }
      if (callerAgentId.isPresent() && callerAgentId.get().equals(live.liveId())) {
        return Optional.of("the agent behind the credential in use is never deleted");
      }
    }
    if (live.kind() == Kind.GROUPS && "0".equals(live.liveId())) {
      return Optional.of("group 0 (General) always exists");
    }
    if (live.kind() == Kind.LICENSE_WEBHOOKS) {
      return Optional.of("license webhook state cannot be deleted, only enabled or disabled");
    }
    return Optional.empty();
  }

  /** Why {@code live} must not be changed at all, if it must not. */
  Optional<String> unchangeable(LiveObject live) {
    if (protectedAddress(live.address())) {
      return Optional.of("protected by policy.protect");
    }
    return Optional.empty();
  }

  /**
   * Whether skipping {@code live}'s deletion deserves a notice: the owner and group 0 can never be
   * deleted anyway, so saying so on every plan would only be noise.
   */
  boolean worthSaying(LiveObject live) {
    boolean owner = live.kind() == Kind.AGENTS && "owner".equals(Json.text(live.spec(), "role"));
    boolean general = live.kind() == Kind.GROUPS && "0".equals(live.liveId());
    return !owner && !general && live.kind() != Kind.LICENSE_WEBHOOKS;
  }
}
