package io.chatform.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.api.RetryPolicy;
import io.chatform.emulator.FaultConfig;
import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import io.chatform.model.LeaseNames;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two real {@code chatform apply} processes of one manifest against one account at once: the
 * account lock lets one write while the other waits (or refuses), and the account ends with exactly
 * one copy of every object.
 */
class ConcurrentApplyIT {
  @TempDir Path tmp;

  @Test
  void twoConcurrentAppliesOneWaitsAndEveryObjectExistsOnce() throws Exception {
    try (Harness h =
        Harness.start(
            ApiVersion.V3_6, tmp, FaultConfig.none().withLatency(120, 0), RetryPolicy.DEFAULT)) {
      String[] args = {
        "apply",
        "-f",
        "examples/acme",
        "--auto-approve",
        "--progress",
        "plain",
        "--lock-timeout",
        "120",
        "--parallelism",
        "2"
      };
      // ~5 s of writes each: long enough that the second JVM arrives while the first holds it.
      ChildApply a = ChildApply.start(h, tmp, "a", args);
      ChildApply b = ChildApply.start(h, tmp, "b", args);
      int ea = a.exit();
      int eb = b.exit();
      assertThat(ea).as("a\n" + a).isZero();
      assertThat(eb).as("b\n" + b).isZero();
      String waited = a.err().contains("waiting up to") ? a.err() : b.err();
      assertThat(waited)
          .as("one of them waited for the other, naming it\n" + a + "\n" + b)
          .containsPattern("lock: waiting up to 1[12][0-9]s for the account lock, held by")
          .containsPattern("@host-[ab] pid \\d+");
      DesiredState desired = h.load(Path.of("examples/acme"));
      FaultsIT.assertNoDuplicatesAndNothingLost(h, desired);
      h.assertConverged(desired);
      assertLockFree(h);
    }
  }

  @Test
  void withoutLockTimeoutTheSecondApplyRefusesAtOnceNamingTheHolderAndWritesNothing()
      throws Exception {
    try (Harness h =
        Harness.start(
            ApiVersion.V3_6, tmp, FaultConfig.none().withLatency(150, 0), RetryPolicy.DEFAULT)) {
      ChildApply a =
          ChildApply.start(
              h,
              tmp,
              "a",
              "apply",
              "-f",
              "examples/acme",
              "--auto-approve",
              "--progress",
              "plain",
              "--parallelism",
              "1");
      assertThat(a.awaitErr("[1/")).as(a.toString()).isTrue();
      ChildApply b =
          ChildApply.start(
              h, tmp, "b", "apply", "-f", "examples/acme", "--auto-approve", "--progress", "plain");
      int eb = b.exit();
      assertThat(eb).as(b.toString()).isEqualTo(1);
      assertThat(b.err())
          .contains("the account is locked by another chatform writer: held by")
          .contains("@host-a pid " + a.process.pid())
          .contains("since ")
          .contains("Nothing was changed")
          .contains("--lock-timeout")
          .contains("unlock --force");
      assertThat(b.out()).doesNotContain("Apply complete");
      assertThat(a.exit()).as(a.toString()).isZero();
      DesiredState desired = h.load(Path.of("examples/acme"));
      FaultsIT.assertNoDuplicatesAndNothingLost(h, desired);
      h.assertConverged(desired);
      assertLockFree(h);
    }
  }

  /** The newest lease generation in the emulator's state is a free one. */
  static void assertLockFree(Harness h) {
    var leases =
        h.items("properties", "definitions").stream()
            .filter(d -> LeaseNames.isLease(d.path("name").asText()))
            .sorted(
                java.util.Comparator.comparingLong(
                    d -> LeaseNames.generation(d.path("name").asText()).orElse(0)))
            .toList();
    assertThat(leases).isNotEmpty();
    assertThat(leases.get(leases.size() - 1).path("description").asText())
        .contains("\"state\":\"free\"");
  }
}
