package io.chatform.apply;

import io.chatform.model.UserFacingException;

/**
 * A replace (delete, then create) that stopped half way: says which half, and what that means for
 * the account — above all that the old object is already gone when the create did not happen.
 */
final class ReplaceHalfFailed extends UserFacingException {
  private static final long serialVersionUID = 1L;

  private final String errorType;
  private final boolean outcomeUnknown;

  private ReplaceHalfFailed(String message, String errorType, boolean unknown, Exception cause) {
    super(message, cause);
    this.errorType = errorType;
    this.outcomeUnknown = unknown;
  }

  /** The delete half failed: the old object is still there (or, if unknown, may be). */
  static ReplaceHalfFailed delete(String liveId, Exception e, String type, boolean unknown) {
    String state =
        unknown
            ? "the old one (id "
                + liveId
                + ") may or may not be deleted; the new one was not created"
            : "the old one (id " + liveId + ") is unchanged; the new one was not created";
    return new ReplaceHalfFailed(
        "replace: deleting the old object failed (" + state + "): " + msg(e), type, unknown, e);
  }

  /** The create half failed after the delete was done: the old object is already gone. */
  static ReplaceHalfFailed create(String liveId, Exception e, String type, boolean unknown) {
    String state =
        unknown
            ? "the new one may or may not have been created"
            : "the new one was not created: the account has neither now";
    return new ReplaceHalfFailed(
        "replace: the old one (id " + liveId + ") is already deleted; " + state + ": " + msg(e),
        type,
        unknown,
        e);
  }

  String errorType() {
    return errorType;
  }

  boolean outcomeUnknown() {
    return outcomeUnknown;
  }

  private static String msg(Exception e) {
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }
}
