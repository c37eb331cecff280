package io.chatform.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import java.util.Optional;

/**
 * One API call as a handler sees it.
 *
 * @param version the version from the URL path
 * @param method the method name from the URL path, e.g. {@code create_group}
 * @param body the JSON body (or the query parameters of a GET), never null
 * @param clientId the Client ID a Bearer token is bound to; empty for a PAT (Basic) caller, who
 *     must name {@code owner_client_id} explicitly
 * @param batchOrder the order a batch method runs its items in (see {@link BatchOrder})
 */
public record Call(
    ApiVersion version,
    String method,
    ObjectNode body,
    Optional<String> clientId,
    BatchOrder batchOrder) {
  /** A call whose batch items (if any) run as sent. */
  public Call(ApiVersion version, String method, ObjectNode body, Optional<String> clientId) {
    this(version, method, body, clientId, BatchOrder.AS_SENT);
  }

  /**
   * The Client ID that owns what this call touches (bots, property definitions, webhooks): with a
   * PAT, {@code owner_client_id} is required; with a Bearer token it defaults to the token's Client
   * ID, and naming another one is rejected in 3.4 and overrides from 3.5.
   */
  public String ownerClientId() {
    String named = body.path("owner_client_id").asText("");
    if (clientId.isEmpty()) {
      if (named.isEmpty()) {
        throw ApiError.validation("owner_client_id is required when authorizing with a PAT");
      }
      return named;
    }
    if (named.isEmpty() || named.equals(clientId.get())) {
      return clientId.get();
    }
    if (!version.atLeast(ApiVersion.V3_5)) {
      throw ApiError.authorization(
          "owner_client_id must match the access token's Client ID in v" + version.label());
    }
    return named;
  }
}
