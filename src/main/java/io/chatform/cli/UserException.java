package io.chatform.cli;

/**
 * An error meant for the user: its message already says what went wrong, where, and what to do, so
 * the CLI prints it as one line without a stack trace.
 */
public class UserException extends io.chatform.model.UserFacingException {
  private static final long serialVersionUID = 1L;

  public UserException(String message) {
    super(message);
  }

  public UserException(String message, Throwable cause) {
    super(message, cause);
  }
}
