package io.chatform.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** No control character from a name reaches a terminal, a CI log or a PR comment raw. */
class EscapesTest {
  @Test
  void controlsAndBidiAreEscaped() {
    String evil = "evil\u001b[2J\nPlan: 0 to create\r\t\u0007\u009b\u202eabc\u2066\u2028";
    String out = Escapes.line(evil);
    assertThat(out)
        .isEqualTo("evil\\e[2J\\nPlan: 0 to create\\r\\t\\u0007\\u009b\\u202eabc\\u2066\\u2028");
    assertThat(out.codePoints().filter(Escapes::unsafe)).isEmpty();
  }

  @Test
  void invisibleCharactersAreShownButNotUnsafe() {
    // Sup\u200bport would read as Support in a plan review.
    assertThat(Escapes.line("Sup\u200bport\u00ad\u2060")).isEqualTo("Sup\\u200bport\\u00ad\\u2060");
    assertThat(Escapes.unsafe(0x200b)).as("names pasted from the web hold them").isFalse();
    // Joiners stay: emoji sequences and scripts need them.
    String family = "\ud83d\udc68\u200d\ud83d\udc69\u200c";
    assertThat(Escapes.line(family)).isSameAs(family);
  }

  @Test
  void plainTextIsUntouchedIncludingUnicode() {
    String s = "Support — Zürich ↕ ⚠ 日本";
    assertThat(Escapes.line(s)).isSameAs(s);
  }

  @Test
  void linesKeepsOnlyLineFeeds() {
    assertThat(Escapes.lines("a\u001b\nb\r")).isEqualTo("a\\e\nb\\r");
  }

  @Test
  void shortenedCutsWithAnEllipsis() {
    String s = Escapes.shortened("x".repeat(5000), 80);
    assertThat(s).hasSize(80).endsWith("…");
    assertThat(Escapes.shortened("short", 80)).isEqualTo("short");
  }

  @Test
  void markdownCannotInjectMarkupOrCloseACodeSpan() {
    assertThat(Escapes.markdown("a|b <img src=x> [l](u) *x*"))
        .isEqualTo("a\\|b \\<img src=x\\> \\[l\\](u) \\*x\\*");
    assertThat(Escapes.markdownCode("x``y")).isEqualTo("``` x``y ```");
    assertThat(Escapes.markdownCode("plain")).isEqualTo("`plain`");
  }
}
