package io.chatform.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code chatform bench consistency} runs its seeded soak and prints the three figures as 0. */
class BenchConsistencyIT {
  @Test
  void oneSeededRunPrintsZeroDuplicatesLossesAndWrongReports() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            java.util.Map.of(),
            "bench",
            "consistency",
            "--runs",
            "1",
            "--seed",
            "3",
            "--delay-ms",
            "800");
    assertThat(out.toString())
        .as(out + "\n" + err)
        .containsPattern("runs 1, applies \\d+, duplicates 0, losses 0, wrong reports 0,")
        .contains("unconverged 0");
    assertThat(code).isZero();
  }

  @Test
  void boundsAreChecked() {
    int code =
        Main.run(
            new PrintWriter(new StringWriter(), true),
            new PrintWriter(new StringWriter(), true),
            java.util.Map.of(),
            "bench",
            "consistency",
            "--runs",
            "100000");
    assertThat(code).isEqualTo(1);
  }
}
