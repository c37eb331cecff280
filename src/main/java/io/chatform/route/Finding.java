package io.chatform.route;

import io.chatform.model.SourceLocation;

/**
 * One coverage warning about the routing (never an error: the configuration is valid, but probably
 * not what was meant).
 *
 * @param type a stable name: {@code shadowed-rule}, {@code unrouted-group}, {@code empty-group},
 *     {@code unstaffed-hours}, {@code over-capacity}
 * @param subject the object it is about, e.g. {@code auto_access/Billing pages}
 */
public record Finding(String type, SourceLocation at, String subject, String message) {
  /** {@code file:line:col: warning: subject: message [type]}, like validate's diagnostics. */
  public String format() {
    String where = at.line() > 0 ? at + ": " : "";
    return where + "warning: " + subject + ": " + message + " [" + type + "]";
  }
}
