package io.chatform.model;

/**
 * An error whose message is written for the user (what went wrong, where, what to do): the CLI
 * prints it as is, without a stack trace. Any layer may throw one.
 */
public class UserFacingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserFacingException(String message) {
    super(message);
  }

  public UserFacingException(String message, Throwable cause) {
    super(message, cause);
  }
}
