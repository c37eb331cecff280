package io.chatform.cli;

/** The exit-code contract every command keeps; pipelines depend on it. */
public final class ExitCodes {
  /** Success, or nothing to change. */
  public static final int OK = 0;

  /** Any error: invalid input, failed call, refused plan. Never 0 after a failure. */
  public static final int ERROR = 1;

  /** The command succeeded and found changes or drift. */
  public static final int CHANGES = 2;

  private ExitCodes() {}
}
