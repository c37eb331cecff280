package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class MainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void versionPrintsNameAndExitsZero() {
    assertThat(run("--version")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).startsWith("chatform ");
  }

  @Test
  void versionShortcutPrintsExactlyWhatPicocliPrints() {
    StringWriter picocli = new StringWriter();
    int code =
        ChatformCommand.newCommandLine(new PrintWriter(picocli, true), new PrintWriter(err, true))
            .execute("--version");
    assertThat(run("-V")).isEqualTo(code).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).isEqualTo(picocli.toString()).isNotEmpty();
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void aNamedCommandIsTheOnlyOneBuiltAndAnythingElseGetsThemAll() {
    PrintWriter o = new PrintWriter(out, true);
    PrintWriter e = new PrintWriter(err, true);
    assertThat(
            ChatformCommand.forArgs(o, e, java.util.Map.of(), "validate", "-f", "x")
                .getSubcommands()
                .keySet())
        .containsExactly("validate");
    assertThat(
            ChatformCommand.forArgs(o, e, java.util.Map.of(), "--help").getSubcommands().keySet())
        .containsExactly(
            "validate",
            "plan",
            "apply",
            "drift",
            "export",
            "route",
            "test",
            "report",
            "emulator",
            "bench",
            "unlock",
            "repair",
            "accounts",
            "completion",
            "help");
    assertThat(ChatformCommand.forArgs(o, e, java.util.Map.of(), "valdate").getSubcommands())
        .hasSize(15);
    // help and completion describe the others: they get every command too.
    assertThat(ChatformCommand.forArgs(o, e, java.util.Map.of(), "help", "plan").getSubcommands())
        .hasSize(15);
  }

  @Test
  void helpListsTheEmulatorCommand() {
    assertThat(run("--help")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("emulator");
  }

  @Test
  void unknownOptionIsAnErrorWithOneClearLine() {
    assertThat(run("--bogus")).isEqualTo(ExitCodes.ERROR);
    assertThat(err.toString()).contains("Unknown option: '--bogus'").doesNotContain("Exception");
  }

  @Test
  void missingCommandIsAnError() {
    assertThat(run()).isEqualTo(ExitCodes.ERROR);
    assertThat(err.toString()).contains("Missing a command");
  }

  @Test
  void aUsageErrorWithJsonStillPrintsJsonOnStdout() {
    assertThat(run("plan", "--json", "--bogus")).isEqualTo(ExitCodes.ERROR);
    assertThat(out.toString()).contains("\"format_version\" : 1").contains("--bogus");
    assertThat(err.toString()).contains("Unknown option");
  }
}
