package io.chatform.plan;

import io.chatform.model.UserFacingException;
import java.util.List;

/** The planner refuses to guess or to do something dangerous; every reason is listed. */
public final class PlanRefusedException extends UserFacingException {
  private static final long serialVersionUID = 1L;

  private final List<String> reasons;

  public PlanRefusedException(List<String> reasons) {
    super("plan refused:\n  - " + String.join("\n  - ", reasons));
    this.reasons = List.copyOf(reasons);
  }

  public List<String> reasons() {
    return reasons;
  }
}
