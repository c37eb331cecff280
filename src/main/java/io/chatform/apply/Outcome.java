package io.chatform.apply;

/** How one action ended: three honest answers, plus "never started". */
public enum Outcome {
  /** The API confirmed the change (or a re-read proved it happened). */
  DONE,
  /** The API said no: nothing of this action changed the account. */
  FAILED,
  /**
   * The answer was lost, or a retry's answer does not tell whether an earlier attempt applied: the
   * account may or may not have the change. Never reported as done, nor as "nothing changed".
   */
  UNKNOWN,
  /** Never started: a dependency did not finish, the run was interrupted, or --fail-fast. */
  SKIPPED
}
