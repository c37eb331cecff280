package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The completion scripts, generated in the build (target/completion/) from the command model and
 * checked by sourcing the bash one in bash and asking it for completions.
 */
class CompletionTest {
  private static final Path DIR = Path.of("target", "completion");

  private static String generate(String shell) throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out, true), new PrintWriter(err, true), Map.of(), "completion", shell);
    assertThat(code).as(err.toString()).isZero();
    assertThat(err.toString()).isEmpty();
    Files.createDirectories(DIR);
    Files.writeString(DIR.resolve("chatform." + shell), out.toString());
    return out.toString();
  }

  /** What bash's completion function offers for the words of {@code line} (last one partial). */
  private static List<String> complete(Path script, String... words) throws Exception {
    String array =
        String.join(" ", java.util.Arrays.stream(words).map(w -> "'" + w + "'").toList());
    String bash =
        "source '"
            + script.toAbsolutePath()
            + "' && complete -p chatform && COMP_WORDS=("
            + array
            + ") && COMP_CWORD="
            + (words.length - 1)
            + " && COMP_LINE=\"${COMP_WORDS[*]}\" && COMP_POINT=${#COMP_LINE}"
            + " && _complete_chatform && printf 'reply:%s\\n' \"${COMPREPLY[@]}\"";
    Process p =
        new ProcessBuilder("bash", "--norc", "--noprofile", "-c", bash)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).startsWith("complete -o default -F _complete_chatform chatform");
    return out.lines().filter(l -> l.startsWith("reply:")).map(l -> l.substring(6)).toList();
  }

  @Test
  void bashCompletesCommandsOptionsAndApiVersions() throws Exception {
    generate("bash");
    Path script = DIR.resolve("chatform.bash");
    assertThat(complete(script, "chatform", "pl")).containsExactly("plan");
    assertThat(complete(script, "chatform", ""))
        .contains("validate", "drift", "completion", "help");
    assertThat(complete(script, "chatform", "plan", "--js")).containsExactly("--json");
    assertThat(complete(script, "chatform", "drift", "--max-"))
        .containsExactlyInAnyOrder("--max-answer-mib", "--max-rps");
    assertThat(complete(script, "chatform", "plan", "--api-version", ""))
        .containsExactlyInAnyOrder("3.6", "3.5");
    assertThat(complete(script, "chatform", "bench", "con")).containsExactly("consistency");
  }

  @Test
  void zshGetsTheScriptThatRunsUnderBashcompinit() throws Exception {
    assertThat(generate("zsh")).isEqualTo(generate("bash")).contains("bashcompinit");
  }

  @Test
  void fishGetsOneLinePerCommandAndOption() throws Exception {
    String fish = generate("fish");
    assertThat(fish)
        .contains("complete -c chatform -n '__fish_use_subcommand' -a plan -d ")
        .contains("complete -c chatform -n '__fish_seen_subcommand_from plan' -l json -d ")
        .contains("-s f -l file -r -F")
        .contains("__fish_seen_subcommand_from bench; and __fish_seen_subcommand_from lock");
    // Drift accepts apply's guard rails but does not offer them.
    assertThat(fish.lines().filter(l -> l.contains("'__fish_seen_subcommand_from drift'")))
        .anyMatch(l -> l.contains("-l markdown"))
        .noneMatch(l -> l.contains("-l allow-empty") || l.contains("-l max-deletions"));
  }

  @Test
  void anUnknownShellIsAUsageError() {
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(err, true),
            Map.of(),
            "completion",
            "powershell");
    assertThat(code).isEqualTo(ExitCodes.ERROR);
    assertThat(err.toString()).contains("powershell").contains("bash, zsh, fish");
  }
}
