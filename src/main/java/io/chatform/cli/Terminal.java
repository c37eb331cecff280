package io.chatform.cli;

import java.util.Map;

/**
 * Whether output may use colour: only on a terminal that can show it and was not asked not to
 * ({@code --no-color}, a non-empty {@code NO_COLOR} as no-color.org has it, {@code TERM=dumb}).
 */
final class Terminal {
  private Terminal() {}

  static boolean color(boolean noColorFlag, Map<String, String> env, boolean isTerminal) {
    String noColor = env.get("NO_COLOR");
    return !noColorFlag
        && isTerminal
        && (noColor == null || noColor.isEmpty())
        && !"dumb".equals(env.get("TERM"));
  }

  /** True when stdout is an interactive terminal (not a pipe, a file or a CI log). */
  static boolean isTerminal() {
    return System.console() != null;
  }
}
