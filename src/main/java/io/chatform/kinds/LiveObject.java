package io.chatform.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Kind;

/**
 * One object as it exists in the account, already converted to the manifest's shape (references by
 * name, API defaults filled in), so it can be compared key by key with a desired {@code Resource}
 * and written out by {@code export}.
 *
 * @param liveId the server's id (group id, bot id, rule id, webhook id), or the identity for kinds
 *     keyed by name (agents: e-mail; property values: namespace/name)
 * @param spec manifest-shaped, immutable by convention
 */
public record LiveObject(Kind kind, String liveId, ObjectNode spec) {
  /**
   * Marks a property value the API lists only because it is the definition's default: it exists
   * implicitly, so it is never deleted or exported.
   */
  public static final String API_DEFAULT = "_api_default";

  public boolean apiDefault() {
    return spec.path(API_DEFAULT).asBoolean(false);
  }

  public String identity() {
    return kind.identity(spec);
  }

  public String address() {
    return kind.address(spec);
  }

  @Override
  public String toString() {
    return address() + " (id " + liveId + ")";
  }
}
