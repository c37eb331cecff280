package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command and subcommand answers {@code --help} on stdout with exit 0, and each example its
 * help shows parses (picocli parse only, nothing runs).
 */
class HelpExamplesTest {
  private static CommandLine all() {
    return ChatformCommand.newCommandLine(
        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), Map.of());
  }

  /** Every command path: "validate", "bench apply", … */
  private static List<List<String>> commands(CommandLine cl, List<String> path) {
    List<List<String>> found = new ArrayList<>();
    cl.getSubcommands()
        .forEach(
            (name, sub) -> {
              List<String> p = new ArrayList<>(path);
              p.add(name);
              found.add(p);
              found.addAll(commands(sub, p));
            });
    return found;
  }

  @Test
  void everyCommandHasHelpWithExamplesThatParse() {
    List<List<String>> commands = commands(all(), List.of());
    assertThat(commands).hasSizeGreaterThan(20).contains(List.of("bench", "lock"));
    List<List<String>> withRoot = new ArrayList<>(commands);
    withRoot.add(List.of());
    for (List<String> command : withRoot) {
      for (String flag : List.of("--help", "-h")) {
        List<String> args = new ArrayList<>(command);
        args.add(flag);
        Cli.Result r = run(args.toArray(String[]::new));
        assertThat(r.code()).as("%s%n%s", args, r).isZero();
        assertThat(r.err()).as("%s", args).isEmpty();
        assertThat(r.out()).as("%s", args).contains("Usage: chatform");
        List<String> examples = examples(r.out());
        assertThat(examples).as("examples of %s", command).hasSizeBetween(2, 3);
        for (String example : examples) {
          List<String> words = words(example);
          assertThat(words.get(0)).isEqualTo("chatform");
          assertThat(words.subList(1, Math.min(words.size(), 1 + command.size())))
              .as(example)
              .isEqualTo(command);
          assertThatCode(
                  () -> all().parseArgs(words.subList(1, words.size()).toArray(String[]::new)))
              .as(example)
              .doesNotThrowAnyException();
        }
      }
    }
  }

  @Test
  void theExampleCheckCatchesAnExampleThatDoesNotParse() {
    assertThatCode(
            () ->
                all().parseArgs(words("chatform plan --jsn").subList(1, 3).toArray(String[]::new)))
        .isInstanceOf(CommandLine.ParameterException.class);
    assertThat(examples("Usage: x\n\nExamples:\n  chatform a -f \"b c\"\n  chatform d > e.md\n"))
        .containsExactly("chatform a -f \"b c\"", "chatform d > e.md");
    assertThat(words("chatform a -f \"b c\" > e.md")).containsExactly("chatform", "a", "-f", "b c");
  }

  /** The lines of the "Examples:" footer. */
  static List<String> examples(String help) {
    int at = help.indexOf("\nExamples:\n");
    if (at < 0) {
      return List.of();
    }
    return help.substring(at + "\nExamples:\n".length())
        .lines()
        .filter(l -> l.startsWith("  chatform"))
        .map(String::strip)
        .toList();
  }

  /** Shell words of an example, up to a redirection or pipe (double quotes group). */
  static List<String> words(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (char c : line.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        any = true;
      } else if (c == ' ' && !quoted) {
        if (any) {
          words.add(w.toString());
        }
        w.setLength(0);
        any = false;
      } else {
        w.append(c);
        any = true;
      }
    }
    if (any) {
      words.add(w.toString());
    }
    int end = words.indexOf(">");
    int pipe = words.indexOf("|");
    int cut = end < 0 ? pipe : pipe < 0 ? end : Math.min(end, pipe);
    return cut < 0 ? words : words.subList(0, cut);
  }

  private static Cli.Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), Map.of(), args);
    return new Cli.Result(code, out.toString(), err.toString());
  }
}
