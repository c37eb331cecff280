package io.chatform.lock;

import io.chatform.model.UserFacingException;

/** Another writer holds the account lock: nothing was written; the message says who and why. */
public final class LockHeldException extends UserFacingException {
  private static final long serialVersionUID = 1L;

  LockHeldException(String who, LockSettings settings) {
    super(
        "the account is locked by another chatform writer: "
            + who
            + ". Nothing was changed. Wait for it to finish (or pass --lock-timeout SECONDS to"
            + " wait), or, if that writer is gone, run chatform unlock --force --lock-client-id "
            + settings.ownerClientId()
            + " (a stale lease also expires on its own after its TTL)");
  }
}
