package io.chatform.manifest;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses numbers that are not written as plain decimal integers ({@code 5.0}, {@code 1.0e2},
 * {@code 1e400}, {@code 0x10}, {@code 0o17}, {@code +5}, {@code 010}), so what the user reads is
 * what the API receives.
 *
 * <p>Every number a manifest holds is an API {@code int} ({@code max_chats_count}, {@code version},
 * int property values, ranges): none takes a fraction. YAML 1.1 and 1.2 tools disagree on the
 * others ({@code 010} is 8 in YAML 1.1, 10 in 1.2; {@code 0o17} is a string in 1.1), and JSON
 * Schema counts {@code 5.0} as an integer; the API's {@code int} does not. Refusing them with the
 * plain spelling as a hint is the safe choice: taking them with a warning would send a value the
 * user never wrote.
 */
final class NumberForms {
  private NumberForms() {}

  /**
   * Adds one diagnostic per odd number, except inside {@code x-} extension keys (never sent) and at
   * nodes the schema already reported (e.g. a number where a string belongs).
   */
  static List<String> check(
      Map<String, String> oddNumbers,
      PositionIndex index,
      Collection<String> reported,
      List<Diagnostic> out) {
    List<String> mine = new java.util.ArrayList<>();
    oddNumbers.forEach(
        (ptr, text) -> {
          if (ptr.startsWith("/x-") || reportedAtOrAbove(ptr, reported)) {
            return;
          }
          mine.add(ptr);
          if (ptr.equals("/version")) {
            out.add(
                new Diagnostic(
                    index.value(ptr),
                    "version",
                    "must be the integer 1, not " + text,
                    "write version: 1"));
            return;
          }
          out.add(
              new Diagnostic(
                  index.value(ptr),
                  index.display(ptr),
                  text + " is not a plain integer: " + why(text),
                  plain(text)
                      .map(p -> "write " + p)
                      .orElse("write a whole number in decimal digits, e.g. 5")));
        });
    return mine;
  }

  private static boolean reportedAtOrAbove(String ptr, Collection<String> reported) {
    for (String p = ptr; ; p = PositionIndex.parent(p)) {
      if (reported.contains(p)) {
        return true;
      }
      if (p.isEmpty()) {
        return false;
      }
    }
  }

  private static String why(String text) {
    String t = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
    if (t.startsWith("0x")) {
      return "hexadecimal numbers are not read as integers";
    }
    if (t.startsWith("0o")) {
      return "octal numbers are not read as integers";
    }
    if (text.startsWith("+")) {
      return "a leading '+' is not read as an integer";
    }
    if (t.matches("[0-9]+")) {
      return "leading zeros are ambiguous (YAML 1.1 reads 010 as 8)";
    }
    if (t.contains("inf") || t.contains("Inf") || t.contains("INF") || t.contains("nan")) {
      return "infinity and NaN are not numbers the API takes";
    }
    return "the API's int fields take no decimal point or exponent";
  }

  /** The plain decimal spelling, when the value is a whole number of sensible size. */
  static Optional<String> plain(String text) {
    try {
      String t = text;
      boolean negative = t.startsWith("-");
      if (negative || t.startsWith("+")) {
        t = t.substring(1);
      }
      BigInteger n;
      if (t.startsWith("0x")) {
        n = new BigInteger(t.substring(2), 16);
      } else if (t.startsWith("0o")) {
        n = new BigInteger(t.substring(2), 8);
      } else {
        BigDecimal d = new BigDecimal(t);
        if (d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
          return Optional.empty(); // 1e400: no useful plain spelling
        }
        n = d.toBigIntegerExact();
      }
      return Optional.of((negative ? n.negate() : n).toString());
    } catch (ArithmeticException | NumberFormatException e) {
      return Optional.empty(); // 5.5, .inf
    }
  }
}
