package io.chatform.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.api.RetryPolicy;
import io.chatform.emulator.EmulatorConfig;
import io.chatform.emulator.FaultConfig;
import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM to a real {@code chatform apply} process: it starts nothing new, lets calls in flight
 * finish, prints an accurate report and exits non-zero; a rerun converges with no duplicates.
 */
class InterruptIT {
  @TempDir Path tmp;

  @Test
  void sigtermStopsCleanlyAndARerunConverges() throws Exception {
    try (Harness h =
        Harness.start(
            ApiVersion.V3_6, tmp, FaultConfig.none().withLatency(150, 0), RetryPolicy.DEFAULT)) {
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder pb =
          new ProcessBuilder(
              java,
              "-jar",
              "target/chatform.jar",
              "apply",
              "-f",
              "examples/acme",
              "--api-url",
              h.emulator.baseUrl(),
              "--auto-approve",
              "--progress",
              "plain",
              "--parallelism",
              "2");
      pb.environment().put("LIVECHAT_ACCOUNT_ID", EmulatorConfig.SANDBOX_ACCOUNT_ID);
      pb.environment().put("LIVECHAT_PAT", EmulatorConfig.SANDBOX_PAT);
      pb.environment().putAll(Harness.ENV);
      Path outFile = tmp.resolve("out.txt");
      Path errFile = tmp.resolve("err.txt");
      pb.redirectOutput(outFile.toFile()).redirectError(errFile.toFile());
      Process p = pb.start();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (!Files.readString(errFile).contains("[3/") && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(Files.readString(errFile)).as("apply got going").contains("[3/");
      p.toHandle().destroy(); // SIGTERM, as Ctrl-C's cousin in CI
      assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exits after in-flight calls").isTrue();
      String stdout = Files.readString(outFile);
      assertThat(p.exitValue()).as(stdout + Files.readString(errFile)).isNotZero();
      assertThat(stdout).contains("Apply interrupted:").contains("skipped");

      DesiredState desired = h.load(Path.of("examples/acme"));
      h.apply(desired);
      h.assertConverged(desired);
      FaultsIT.assertNoDuplicatesAndNothingLost(h, desired);
    }
  }
}
