package io.chatform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The live id as outputs show it. For kinds keyed by name (agents by e-mail, property values by
 * namespace/name) the live id is the identity itself, so when that came from {@code ${env:…}} or
 * {@code ${file:…}} printing the id would print the secret the address hides.
 */
public final class ShownIds {
  private ShownIds() {}

  /** The action's live id, or {@code (sensitive)} when it repeats a sensitive value. */
  public static Optional<String> liveId(Action a) {
    return a.liveId().map(id -> secret(a, id) ? PlanJson.REDACTED : id);
  }

  private static boolean secret(Action a, String id) {
    if (a.sensitive().isEmpty() || a.desired().isEmpty()) {
      return false;
    }
    String raw = Dependencies.rawAddress(a);
    if (!raw.equals(a.address()) && raw.equals(a.kind().section() + "/" + id)) {
      return true;
    }
    for (String pointer : a.sensitive().keySet()) {
      JsonNode v = a.desired().get().at(pointer);
      if (v.isTextual() && v.asText().equals(id)) {
        return true;
      }
    }
    return false;
  }
}
