package io.chatform.model;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;

/**
 * What makes a webhook {@code url} one a server can call: an absolute http(s) URI ({@link URI}'s
 * RFC 2396 rules: no spaces or {@code |}, valid percent escapes) with a host. One rule for
 * validation and the emulator, so a URL that validates is one the emulator registers. Messages
 * never echo the URL: webhook URLs sometimes carry a token.
 */
public final class WebhookUrls {
  private WebhookUrls() {}

  /** Why {@code url} is refused, or empty when it is fine. */
  public static Optional<String> problem(String url) {
    try {
      URI uri = new URI(url);
      String scheme = Optional.ofNullable(uri.getScheme()).orElse("");
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        return Optional.of("url must be an absolute http:// or https:// URL with a host name");
      }
      return Optional.empty();
    } catch (URISyntaxException e) {
      return Optional.of("url is not a valid URL: " + e.getReason());
    }
  }
}
