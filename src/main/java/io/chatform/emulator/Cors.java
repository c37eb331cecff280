package io.chatform.emulator;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Cross-origin answers, so the official JS SDK (which is isomorphic and also runs in browsers)
 * works against the emulator from a web page as it does against api.livechatinc.com: the SDK's
 * requests carry {@code Authorization}, {@code X-Region} and {@code Content-Type:
 * application/json}, which makes every browser send an unauthenticated {@code OPTIONS} preflight
 * first. Without an answer to it the browser never sends the real call.
 */
final class Cors {
  /** Headers the SDK and the other clients send; echoed back when the browser names others. */
  static final String ALLOWED_HEADERS = "Authorization, Content-Type, X-Region, User-Agent";

  /** Response headers a browser script may read (rate limits and the lifecycle markers). */
  static final String EXPOSED_HEADERS = "Retry-After, Legacy, Deprecation";

  private Cors() {}

  /** True when the request is a browser preflight for an API call (not an admin endpoint). */
  static boolean isPreflight(String httpMethod, String path) {
    return httpMethod.equals("OPTIONS") && !path.startsWith("/__emulator/");
  }

  /**
   * The headers of the {@code 204} answer to a preflight: any origin (the API authenticates with a
   * header, never a cookie, so {@code *} is safe), GET and POST, and whatever request headers the
   * browser asked for.
   */
  static Map<String, String> preflight(Optional<String> requestedHeaders) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Access-Control-Allow-Origin", "*");
    h.put("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
    h.put(
        "Access-Control-Allow-Headers",
        requestedHeaders.map(String::trim).filter(s -> !s.isEmpty()).orElse(ALLOWED_HEADERS));
    h.put("Access-Control-Max-Age", "600");
    return h;
  }

  /** Headers added to every API answer (success or error) of a cross-origin request. */
  static Map<String, String> actual(Optional<String> origin) {
    if (origin.isEmpty()) {
      return Map.of();
    }
    return Map.of(
        "Access-Control-Allow-Origin", "*", "Access-Control-Expose-Headers", EXPOSED_HEADERS);
  }
}
