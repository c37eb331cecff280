package io.chatform.manifest;

import java.util.Collection;
import java.util.Optional;

/**
 * "Did you mean …": the closest known word to a misspelt key or value (or, for the CLI, command or
 * option), by edit distance.
 */
public final class Suggestions {
  private Suggestions() {}

  /** The closest candidate if it is close enough to be a plausible typo. */
  static Optional<String> closest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String lower = word.toLowerCase(java.util.Locale.ROOT);
    for (String c : candidates) {
      int d = distance(lower, c.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    int allowed = Math.max(2, word.length() / 3);
    return best != null && bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** "did you mean 'x'?" or, with no close candidate, the list of what is allowed. */
  static String hint(String word, Collection<String> candidates) {
    return closest(word, candidates)
        .map(c -> "did you mean '" + c + "'?")
        .orElse("expected one of: " + String.join(", ", candidates));
  }

  /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
  public static int distance(String a, String b) {
    if (a.length() > 64 || b.length() > 64) {
      return Math.abs(a.length() - b.length()) + 64; // long strings are never typos of keys
    }
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
