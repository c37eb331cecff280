package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TerminalTest {
  @Test
  void colourOnlyOnATerminalThatWasNotAskedNotTo() {
    assertThat(Terminal.color(false, Map.of("TERM", "xterm-256color"), true)).isTrue();
    assertThat(Terminal.color(false, Map.of(), true)).isTrue();
    assertThat(Terminal.color(false, Map.of("TERM", "dumb"), true)).isFalse();
    assertThat(Terminal.color(false, Map.of("NO_COLOR", "1"), true)).isFalse();
    assertThat(Terminal.color(false, Map.of("NO_COLOR", ""), true)).isTrue(); // no-color.org
    assertThat(Terminal.color(true, Map.of("TERM", "xterm"), true)).isFalse();
    assertThat(Terminal.color(false, Map.of("TERM", "xterm"), false)).isFalse(); // pipe, CI
  }
}
