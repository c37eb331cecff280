package io.chatform.model;

/**
 * Makes text from manifests or from the live account safe to print: a name holding ESC, CR, LF,
 * other C0/C1 controls or bidi overrides could otherwise clear a terminal, forge plan lines in a CI
 * log or reorder what a reviewer reads. The one helper every printer calls on such values.
 *
 * <p>Escapes are {@code \e \n \r \t} and {@code \\uXXXX} for the rest; backslashes themselves are
 * left alone (readability over reversibility: the goal is that no control character reaches a
 * terminal, not a parseable format — JSON output is Jackson's and escapes everything itself).
 */
public final class Escapes {
  /** Longest value a diagnostic prints before cutting it with an ellipsis. */
  public static final int DIAGNOSTIC_VALUE_LIMIT = 80;

  private Escapes() {}

  /** True for a code point that must not reach a terminal or log raw. */
  public static boolean unsafe(int cp) {
    return cp < 0x20
        || (cp >= 0x7f && cp <= 0x9f)
        || cp == 0x061c // Arabic letter mark
        || cp == 0x200e
        || cp == 0x200f // left-to-right / right-to-left marks
        || (cp >= 0x202a && cp <= 0x202e) // bidi embeddings and overrides
        || (cp >= 0x2066 && cp <= 0x2069) // bidi isolates
        || cp == 0x2028
        || cp == 0x2029 // line and paragraph separators
        || cp == 0xfeff; // zero-width no-break space (BOM)
  }

  /**
   * True for a code point that prints as nothing, so that {@code Sup\u200bport} would read as
   * {@code Support} in a plan review: zero-width space, soft hyphen, Mongolian vowel separator,
   * word joiner and the invisible operators. Shown escaped, though not refused where {@link
   * #unsafe} is (names pasted from the web hold them). The zero-width (non-)joiners stay: scripts
   * and emoji need them.
   */
  public static boolean invisible(int cp) {
    return cp == 0x200b || cp == 0x00ad || cp == 0x180e || (cp >= 0x2060 && cp <= 0x2064);
  }

  /** What every printer shows escaped: {@link #unsafe} and {@link #invisible} code points. */
  static boolean escaped(int cp) {
    return unsafe(cp) || invisible(cp);
  }

  /**
   * {@code text} on one line, every unsafe or invisible character escaped; {@code null} prints as
   * "null".
   */
  public static String line(String text) {
    if (text == null) {
      return "null";
    }
    if (text.codePoints().noneMatch(Escapes::escaped)) {
      return text; // the common case: no copy
    }
    StringBuilder sb = new StringBuilder(text.length() + 8);
    text.codePoints().forEach(cp -> append(sb, cp));
    return sb.toString();
  }

  /** As {@link #line}, but line feeds stay (for messages that are several lines on purpose). */
  public static String lines(String text) {
    if (text == null || text.indexOf('\n') < 0) {
      return line(text);
    }
    String[] parts = text.split("\n", -1);
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < parts.length; i++) {
      sb.append(i == 0 ? "" : "\n").append(line(parts[i]));
    }
    return sb.toString();
  }

  /** As {@link #line}, cut to {@code max} code points with an ellipsis (diagnostics). */
  public static String shortened(String text, int max) {
    String s = line(text);
    int count = s.codePointCount(0, s.length());
    if (count <= max) {
      return s;
    }
    int end = s.offsetByCodePoints(0, Math.max(1, max - 1));
    return s.substring(0, end) + "…";
  }

  /**
   * For Markdown prose (outside code): escaped as {@link #line}, then the characters that would
   * start markup, HTML or a table cell are backslash-escaped, so a name cannot inject links,
   * mentions' formatting or close a table.
   */
  public static String markdown(String text) {
    String s = line(text);
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("\\`*_[]<>|#!&~".indexOf(c) >= 0) {
        sb.append('\\');
      }
      sb.append(c);
    }
    return sb.toString();
  }

  /** A Markdown code span that no backtick in {@code text} can close early. */
  public static String markdownCode(String text) {
    String s = line(text);
    int longest = 0;
    int run = 0;
    for (int i = 0; i < s.length(); i++) {
      run = s.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    String pad = longest > 0 ? " " : "";
    return fence + pad + s + pad + fence;
  }

  private static void append(StringBuilder sb, int cp) {
    if (!escaped(cp)) {
      sb.appendCodePoint(cp);
      return;
    }
    switch (cp) {
      case 0x1b -> sb.append("\\e");
      case '\n' -> sb.append("\\n");
      case '\r' -> sb.append("\\r");
      case '\t' -> sb.append("\\t");
      default -> sb.append(String.format("\\u%04x", cp));
    }
  }
}
