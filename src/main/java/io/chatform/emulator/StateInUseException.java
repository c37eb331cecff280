package io.chatform.emulator;

import java.io.IOException;

/** Another process serves the same emulator state file; the message names it and what to do. */
public final class StateInUseException extends IOException {
  private static final long serialVersionUID = 1L;

  StateInUseException(String message) {
    super(message);
  }
}
