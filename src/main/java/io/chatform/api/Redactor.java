package io.chatform.api;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that removes secrets from text before it reaches a log line or an exception
 * message: known secret values (credentials, bot secrets and webhook keys seen by this client) and
 * secret-shaped patterns (Authorization headers, {@code "secret_key": "..."}).
 */
final class Redactor {
  static final String MASK = "(sensitive)";

  private static final Pattern AUTH_HEADER =
      Pattern.compile("(?i)(authorization\\s*[:=]\\s*)(basic|bearer)?\\s*[^\\s,;\"']+");
  private static final Pattern SCHEME_TOKEN =
      Pattern.compile("(?i)\\b(basic|bearer)\\s+[A-Za-z0-9+/=._~-]{8,}");
  private static final Pattern JSON_SECRET =
      Pattern.compile(
          "(?i)(\"(?:secret_key|secret|pat|token|access_token|password)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");

  private final Set<String> known = ConcurrentHashMap.newKeySet();

  /** Remembers a secret value so it is masked wherever it appears later. */
  void remember(String secret) {
    if (secret != null && !secret.isBlank()) {
      known.add(secret);
    }
  }

  void remember(Iterable<String> secrets) {
    secrets.forEach(this::remember);
  }

  /** The text with every known secret and secret-shaped fragment replaced by {@value #MASK}. */
  String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text == null ? "" : text;
    }
    String out = text;
    // Longest first, so a secret that contains another is masked whole.
    List<String> values =
        known.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
    for (String s : values) {
      out = out.replace(s, MASK);
    }
    out = ApiUrls.withoutUserInfo(out);
    out = AUTH_HEADER.matcher(out).replaceAll(m -> Matcher.quoteReplacement(m.group(1) + MASK));
    out =
        SCHEME_TOKEN
            .matcher(out)
            .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + " " + MASK));
    out =
        JSON_SECRET
            .matcher(out)
            .replaceAll(m -> Matcher.quoteReplacement(m.group(1) + "\"" + MASK + "\""));
    return out;
  }
}
