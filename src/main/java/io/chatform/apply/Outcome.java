package io.chatform.apply;

/** How one action ended. */
public enum Outcome {
  DONE,
  FAILED,
  /** Never started: a dependency failed, the run was interrupted, or --fail-fast stopped it. */
  SKIPPED
}
