package io.chatform.plan;

/**
 * Something a reviewer should know that is not an action: a skipped deletion, a field the API
 * cannot change.
 */
public record Notice(String address, String message) {
  @Override
  public String toString() {
    return address + ": " + message;
  }
}
