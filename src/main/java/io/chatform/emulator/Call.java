package io.chatform.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * One API call as a handler sees it.
 *
 * @param version the version from the URL path
 * @param method the method name from the URL path, e.g. {@code create_group}
 * @param body the JSON body (or the query parameters of a GET), never null
 * @param clientId the Client ID a Bearer token is bound to; empty for a PAT (Basic) caller, who
 *     must name {@code owner_client_id} explicitly
 */
public record Call(ApiVersion version, String method, ObjectNode body, Optional<String> clientId) {}
