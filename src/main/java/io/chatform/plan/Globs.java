package io.chatform.plan;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Address globs of {@code policy.protect}/{@code policy.ignore}: {@code *} any text, {@code ?} one
 * char.
 */
final class Globs {
  private final List<Pattern> patterns;

  Globs(List<String> globs) {
    this.patterns = globs.stream().map(Globs::compile).toList();
  }

  boolean matches(String address) {
    return patterns.stream().anyMatch(p -> p.matcher(address).matches());
  }

  private static Pattern compile(String glob) {
    StringBuilder re = new StringBuilder();
    for (char c : glob.toCharArray()) {
      switch (c) {
        case '*' -> re.append(".*");
        case '?' -> re.append('.');
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString());
  }
}
