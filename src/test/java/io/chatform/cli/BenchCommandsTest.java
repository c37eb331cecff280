package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Option handling of the bench commands; the timed runs themselves are never part of a build. */
class BenchCommandsTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void benchListsPlanAndApply() {
    assertThat(run("bench", "--help")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).contains("plan").contains("apply").contains("emulator");
  }

  @Test
  void applyHelpNamesEveryKnob() {
    assertThat(run("bench", "apply", "--help")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString())
        .contains("--latency-ms", "--parallelism", "--batch-size", "--agents", "--groups")
        .contains("--rules", "--webhooks", "--only", "--api-version", "--max-rps");
  }

  @Test
  void badSettingsFailBeforeAnyWork() {
    assertThat(run("bench", "apply", "--parallelism", "0")).isEqualTo(ExitCodes.ERROR);
    assertThat(err.toString()).contains("--parallelism").doesNotContain("Exception");
    assertThat(out.toString()).doesNotContain("warmed up");
  }

  @Test
  void unknownApiVersionIsRefused() {
    assertThat(run("bench", "plan", "--api-version", "9.9")).isEqualTo(ExitCodes.ERROR);
    assertThat(err.toString()).contains("--api-version 9.9");
  }

  @Test
  void missingAcmeDirectoryIsNamedBeforeAnyWork() {
    assertThat(run("bench", "apply", "--only", "acme", "--acme", "no/such/dir"))
        .isEqualTo(ExitCodes.ERROR);
    assertThat(err.toString()).contains("no/such/dir").contains("--acme");
    assertThat(out.toString()).doesNotContain("warmed up");
  }

  @Test
  void negativeSizesAreRefused() {
    assertThat(run("bench", "apply", "--only", "large", "--agents", "-1"))
        .isEqualTo(ExitCodes.ERROR);
    assertThat(err.toString()).contains("sizes must not be negative");
    assertThat(out.toString()).doesNotContain("warmed up");
  }
}
