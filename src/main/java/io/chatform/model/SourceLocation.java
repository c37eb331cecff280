package io.chatform.model;

/** Where something was written: lets every message point at {@code file:line:col}. */
public record SourceLocation(String file, int line, int column) {
  /** For objects that come from no file (e.g. defaults). */
  public static final SourceLocation NONE = new SourceLocation("", 0, 0);

  @Override
  public String toString() {
    return file.isEmpty() ? "(no file)" : file + ":" + line + ":" + column;
  }
}
