package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a user sees who runs chatform without knowing it yet: usage, help, suggestions, hints. */
class UsageHelpTest {
  private static Cli.Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), Map.of(), args);
    return new Cli.Result(code, out.toString(), err.toString());
  }

  @Test
  void noCommandPrintsTheUsageOnStderrAndExitsOne() {
    Cli.Result r = run();
    assertThat(r.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.out()).isEmpty();
    assertThat(r.err())
        .startsWith("Error: Missing a command.")
        .contains("Usage: chatform")
        .contains("  validate")
        .contains("  completion");
  }

  @Test
  void helpPrintsTheUsageOnStdoutAndExitsZero() {
    Cli.Result r = run("help");
    assertThat(r.code()).as("%s", r).isZero();
    assertThat(r.out()).startsWith("Usage: chatform").contains("  plan").contains("  help");
    assertThat(r.err()).isEmpty();

    Cli.Result plan = run("help", "plan");
    assertThat(plan.code()).as("%s", plan).isZero();
    assertThat(plan.out()).startsWith("Usage: chatform plan").contains("--detailed-exitcode");
  }

  @Test
  void theOptionsReadBeforeParsingAreListedInHelpWhereTheyApply() {
    String plan = run("plan", "--help").out();
    assertThat(plan)
        .contains("--account=NAME")
        .contains("--project=FILE")
        .contains("--var=NAME=VALUE");
    assertThat(plan).doesNotContain("null");
    String export = run("export", "--help").out();
    assertThat(export).contains("--account=NAME").doesNotContain("--var");
    assertThat(run("emulator", "--help").out()).doesNotContain("--account=");
    assertThat(run("validate", "--help").out()).contains("${var:").doesNotContain("null");
  }

  @Test
  void helpOfNoSuchCommandIsAnError() {
    Cli.Result r = run("help", "paln");
    assertThat(r.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.err()).contains("paln").doesNotContain("Exception");
  }

  @Test
  void aMistypedCommandGetsTheNearestOne() {
    Cli.Result r = run("paln", "-f", "x");
    assertThat(r.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.err()).contains("Did you mean 'plan'?").contains("Run 'chatform --help'.");
    assertThat(run("valdate").err()).contains("Did you mean 'validate'?");
  }

  @Test
  void aMistypedOptionGetsTheNearestOne() {
    Cli.Result r = run("plan", "--jsn");
    assertThat(r.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.err())
        .contains("Unknown option: '--jsn'")
        .contains("Did you mean '--json'?")
        .contains("Run 'chatform plan --help'.");
  }

  @Test
  void aBarePathGetsTheMissingDashF() {
    Cli.Result r = run("validate", "team/");
    assertThat(r.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.err()).contains("Did you mean -f team/?").doesNotContain("Possible solutions");
    assertThat(run("plan", "a.yaml", "b/").err()).contains("Did you mean -f a.yaml -f b/?");
  }

  @Test
  void aCommandGroupAloneShowsItsCommands() {
    Cli.Result r = run("bench");
    assertThat(r.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.err()).contains("Usage: chatform bench").contains("consistency");
  }

  @Test
  void distanceCountsASwapOfNeighboursAsOneEdit() {
    assertThat(io.chatform.manifest.Suggestions.distance("paln", "plan")).isEqualTo(1);
    assertThat(io.chatform.manifest.Suggestions.distance("--jsn", "--json")).isEqualTo(1);
    assertThat(io.chatform.manifest.Suggestions.distance("drfit", "drift")).isEqualTo(1);
    assertThat(io.chatform.manifest.Suggestions.distance("export", "report")).isEqualTo(2);
    assertThat(io.chatform.manifest.Suggestions.distance("", "abc")).isEqualTo(3);
  }

  @Test
  void emulatorHelpShowsTheDefaultCredentialsTheReadmeUses() {
    Cli.Result r = run("emulator", "--help");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("sandbox-account:sandbox-pat")
        .contains("(default: sandbox-token)")
        .contains("(default: 8080)");
  }

  @Test
  void driftHelpOffersNoApplyOnlyFlagsButStillAcceptsThem() {
    Cli.Result r = run("drift", "--help");
    assertThat(r.out())
        .contains("--markdown")
        .contains("--no-prune")
        .doesNotContain("--allow-empty")
        .doesNotContain("--max-deletions")
        .doesNotContain("--replace")
        .doesNotContain("--detailed-exitcode")
        .doesNotContain("--auto-approve");
    assertThat(
            ChatformCommand.newCommandLine(
                    new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()))
                .parseArgs("drift", "-f", "x", "--max-deletions", "1", "--detailed-exitcode")
                .subcommand()
                .hasMatchedOption("--max-deletions"))
        .isTrue();
  }

  @Test
  void offlineCommandsOfferOnlyTheApiVersionOfTheTargetOptions() {
    for (String command : new String[] {"validate", "test", "report"}) {
      Cli.Result r = run(command, "--help");
      assertThat(r.out())
          .as(command)
          .contains("--api-version")
          .doesNotContain("--api-url")
          .doesNotContain("--max-rps")
          .doesNotContain("--sandbox");
    }
    assertThat(run("plan", "--help").out()).contains("--api-url").contains("--sandbox");
  }

  @Test
  void helpTextsInterpolateNoVariableAway() {
    assertThat(run("validate", "--help").out())
        .contains("${env:...} and ${file:...}")
        .contains("Let ${file:…} also read");
  }
}
