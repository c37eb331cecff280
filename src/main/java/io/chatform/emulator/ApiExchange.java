package io.chatform.emulator;

import java.util.Map;
import java.util.Optional;

/** An HTTP request and its answer as the dispatcher sees them, so its logic needs no socket. */
final class ApiExchange {
  private ApiExchange() {}

  /**
   * One request.
   *
   * @param httpMethod GET, POST, PUT, DELETE…
   * @param path the URL path
   * @param rawQuery the raw query string, empty when none
   * @param authorization the {@code Authorization} header
   * @param region the {@code X-Region} header
   * @param body the request body
   */
  record Request(
      String httpMethod,
      String path,
      String rawQuery,
      Optional<String> authorization,
      Optional<String> region,
      byte[] body) {}

  /**
   * One answer.
   *
   * @param status HTTP status
   * @param headers extra headers
   * @param body JSON bytes
   * @param drop true = close the connection without sending anything
   */
  record Response(int status, Map<String, String> headers, byte[] body, boolean drop) {
    static Response dropped() {
      return new Response(0, Map.of(), new byte[0], true);
    }
  }
}
