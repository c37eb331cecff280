package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A schedule slot written without enabled is sent, shown and kept as enabled: true. */
class SlotDefaultIT {
  @TempDir Path tmp;

  @Test
  void theDefaultIsShownInThePlanAppliedAndThenQuiet() {
    Cli cli = new Cli(tmp);
    String m =
        cli.write(
            "m.yaml",
            """
            version: 1
            agents:
              - id: jane@acme.example
                name: Jane
                work_scheduler:
                  timezone: Europe/Warsaw
                  schedule:
                    - {day: monday, start: "09:00", end: "17:00"}
            """);
    Cli.Result plan = cli.sandbox("plan", "-f", m);
    assertThat(plan.code()).as(plan.toString()).isZero();
    assertThat(plan.out())
        .contains("- {day: \"monday\", start: \"09:00\", end: \"17:00\", enabled: true}");
    Cli.Result apply = cli.sandbox("apply", "-f", m, "--auto-approve");
    assertThat(apply.code()).as(apply.toString()).isZero();
    Cli.Result again = cli.sandbox("plan", "-f", m, "--detailed-exitcode");
    assertThat(again.code()).as(again.toString()).isZero();
    assertThat(again.out()).contains("No changes.");
    // The account now holds enabled: true: asking for false is a change.
    String off =
        cli.write(
            "m.yaml",
            readUnchecked(m).replace("start: \"09:00\"", "enabled: false, start: \"09:00\""));
    Cli.Result changed = cli.sandbox("plan", "-f", off, "--detailed-exitcode");
    assertThat(changed.code()).as(changed.toString()).isEqualTo(ExitCodes.CHANGES);
    assertThat(changed.out())
        .contains("work_scheduler.schedule[monday 09:00].enabled: true → false");
  }

  private static String readUnchecked(String path) {
    try {
      return java.nio.file.Files.readString(Path.of(path));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
