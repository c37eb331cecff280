package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The small-run variant of {@code chatform bench lock}: every fault mix once, 0 and 0. */
class LockSoakIT {
  @Test
  void fiveSeededRunsOfTwoConcurrentWritersEndWithNoDuplicateAndNoLoss() throws Exception {
    Cli cli = new Cli(java.nio.file.Files.createTempDirectory("soak"));
    Cli.Result r = cli.run("bench", "lock", "--runs", "5", "--seed", "7");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("run 5 (all faults): duplicates 0, losses 0")
        .contains("runs 5, duplicates 0, losses 0")
        .containsPattern("writers that waited for the lock [1-9]")
        .contains("writers that failed 0");
  }
}
