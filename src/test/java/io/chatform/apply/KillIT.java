package io.chatform.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.api.RetryPolicy;
import io.chatform.emulator.FaultConfig;
import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code kill -9} of a real apply process at several points (early, in the middle, near the end):
 * its lease goes stale, the rerun waits out the TTL, takes the lease over, and converges with no
 * duplicate and nothing lost, asserted object by object on the emulator's state.
 */
class KillIT {
  @TempDir Path tmp;

  @ParameterizedTest(name = "kill -9 after {0} actions")
  @ValueSource(ints = {1, 25, 70})
  void aKilledApplyLeavesAStaleLeaseThatTheRerunTakesOverAndConverges(int after) throws Exception {
    Path dir = Files.createDirectories(tmp.resolve("k" + after));
    try (Harness h =
        Harness.start(
            ApiVersion.V3_6, dir, FaultConfig.none().withLatency(100, 20), RetryPolicy.DEFAULT)) {
      ChildApply victim =
          ChildApply.start(
              h,
              dir,
              "victim",
              "apply",
              "-f",
              "examples/acme",
              "--auto-approve",
              "--progress",
              "plain",
              "--parallelism",
              "2",
              "--lock-ttl",
              "2");
      assertThat(victim.awaitErr("[" + after + "/")).as(victim.toString()).isTrue();
      victim.process.destroyForcibly(); // SIGKILL: no hook runs, the lease stays behind
      victim.exit();
      assertThat(victim.out()).doesNotContain("Apply complete");

      ChildApply rerun =
          ChildApply.start(
              h,
              dir,
              "rerun",
              "apply",
              "-f",
              "examples/acme",
              "--auto-approve",
              "--progress",
              "none",
              "--lock-timeout",
              "60",
              "--lock-ttl",
              "2",
              // A create killed in flight may never show: the rerun waits its window (no lag here).
              "--consistency-window",
              "20");
      assertThat(rerun.exit()).as(rerun.toString()).isZero();
      assertThat(rerun.err())
          .as("waited for the dead writer's lease, then took it over")
          .contains("held by")
          .contains("pid " + victim.process.pid())
          .contains("lock: took over a stale lease");

      DesiredState desired = h.load(Path.of("examples/acme"));
      FaultsIT.assertNoDuplicatesAndNothingLost(h, desired);
      h.assertConverged(desired);
      ConcurrentApplyIT.assertLockFree(h);
    }
  }

  @Test
  void sigtermReleasesTheLeaseSoTheNextApplyNeedNotWait() throws Exception {
    try (Harness h =
        Harness.start(
            ApiVersion.V3_6, tmp, FaultConfig.none().withLatency(100, 0), RetryPolicy.DEFAULT)) {
      ChildApply victim =
          ChildApply.start(
              h,
              tmp,
              "term",
              "apply",
              "-f",
              "examples/acme",
              "--auto-approve",
              "--progress",
              "plain",
              "--parallelism",
              "2");
      assertThat(victim.awaitErr("[5/")).as(victim.toString()).isTrue();
      victim.process.destroy(); // SIGTERM: the hook releases the lease after in-flight writes
      assertThat(victim.exit()).as(victim.toString()).isNotZero();
      ConcurrentApplyIT.assertLockFree(h);

      ChildApply next =
          ChildApply.start(
              h,
              tmp,
              "next",
              "apply",
              "-f",
              "examples/acme",
              "--auto-approve",
              "--progress",
              "none");
      assertThat(next.exit()).as(next.toString()).isZero();
      assertThat(next.err()).doesNotContain("waiting").doesNotContain("took over");
      DesiredState desired = h.load(Path.of("examples/acme"));
      FaultsIT.assertNoDuplicatesAndNothingLost(h, desired);
    }
  }
}
