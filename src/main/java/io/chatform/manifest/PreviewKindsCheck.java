package io.chatform.manifest;

import io.chatform.model.Kind;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The fields of the 3.7 preview kinds the schema cannot judge: a canned response's text that
 * LiveChat's sanitizing would empty (create_canned_response: "If sanitization removes all content …
 * the system rejects the request"), and an allowed domain that is not a host name (a URL, a port,
 * spaces). Lengths and required fields are the schema's.
 */
final class PreviewKindsCheck {
  /** What sanitizing removes, at the least: HTML tags. */
  private static final Pattern HTML_TAG = Pattern.compile("<[^>]*>");

  /** Labels of letters, digits and hyphens, dot-separated; an optional leading {@code *.}. */
  static final Pattern HOST =
      Pattern.compile(
          "(\\*\\.)?[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?"
              + "(?:\\.[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]*[\\p{L}\\p{N}])?)*");

  private PreviewKindsCheck() {}

  static void run(SemanticCheck check) {
    for (Item r : check.of(Kind.CANNED_RESPONSES)) {
      r.text("text")
          .filter(t -> !t.isEmpty() && HTML_TAG.matcher(t).replaceAll("").isBlank())
          .ifPresent(
              t ->
                  check.report(
                      r,
                      "/text",
                      "canned response text is empty once LiveChat sanitizes it (HTML tags"
                          + " removed); the API refuses it",
                      "write the answer as text"));
    }
    for (Item d : check.of(Kind.ALLOWED_DOMAINS)) {
      d.text("domain")
          .filter(v -> !v.isEmpty() && v.length() <= 255 && !HOST.matcher(v).matches())
          .ifPresent(v -> check.report(d, "/domain", notAHost(v), hint(v)));
    }
  }

  private static String notAHost(String v) {
    return "'" + v + "' is not a domain name";
  }

  private static String hint(String v) {
    String host = v.replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "").replaceFirst("[:/?#].*$", "");
    return HOST.matcher(host).matches() && !host.equals(v)
        ? "write the host name only: " + host.toLowerCase(Locale.ROOT)
        : "write a host name such as example.com or *.example.com (no scheme, port, path or"
            + " spaces)";
  }
}
