package io.chatform.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One API call of a repair, with ids resolved (duplicates share a name, so a repair cannot refer to
 * objects by name as a plan does): what it does in words, the method, and its exact body.
 */
public record RepairStep(String description, String method, ObjectNode body) {
  @Override
  public String toString() {
    return description;
  }
}
