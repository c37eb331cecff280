package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatform.emulator.Emulator;
import io.chatform.emulator.EmulatorConfig;
import io.chatform.emulator.StateInUseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox state file has one user at a time: {@code chatform emulator --state F} in another
 * process makes {@code --sandbox} on F refuse with a clear line instead of losing writes, and after
 * it stops, the sandbox sees what was written through the emulator.
 */
class SandboxLockIT {
  @TempDir Path tmp;

  @Test
  void twoEmulatorsOnOneStateFileNeverRunTogether() throws Exception {
    Path state = tmp.resolve("account.json");
    EmulatorConfig cfg = EmulatorConfig.defaults().withStatePath(state);
    try (Emulator e = Emulator.start(cfg)) {
      assertThatThrownBy(() -> Emulator.start(cfg))
          .isInstanceOf(StateInUseException.class)
          .hasMessageContaining("in use");
    }
    try (Emulator again = Emulator.start(cfg)) {
      assertThat(again.baseUrl()).startsWith("http");
    }
  }

  @Test
  void aSandboxRunRefusesWhileAnEmulatorProcessServesTheSameStateAndSeesItsWritesAfter()
      throws Exception {
    Cli cli = new Cli(tmp);
    String manifest =
        cli.write("m.yaml", "version: 1\ngroups:\n  - {name: Support, language_code: en}\n");
    assertThat(cli.sandbox("apply", "-f", manifest, "--auto-approve").code()).isZero();
    String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path log = tmp.resolve("emulator.out");
    Process p =
        new ProcessBuilder(
                javaBin,
                "-jar",
                "target/chatform.jar",
                "emulator",
                "--state",
                "" + cli.state,
                "--port",
                "0")
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!Files.readString(log).contains("listening on") && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      String out = Files.readString(log);
      assertThat(out).contains("listening on");
      String url = out.lines().filter(l -> l.contains("listening on")).findFirst().orElseThrow();
      url = url.substring(url.indexOf("http")).trim();
      // Poke the account by hand, as the README shows (curl), while the emulator owns the state.
      var http = java.net.http.HttpClient.newHttpClient();
      String auth =
          java.util.Base64.getEncoder()
              .encodeToString(
                  (EmulatorConfig.SANDBOX_ACCOUNT_ID + ":" + EmulatorConfig.SANDBOX_PAT)
                      .getBytes());
      var created =
          http.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(url + "/v3.6/configuration/action/create_group"))
                  .header("Authorization", "Basic " + auth)
                  .header("Content-Type", "application/json")
                  .POST(
                      java.net.http.HttpRequest.BodyPublishers.ofString(
                          "{\"name\":\"ByHand\",\"agent_priorities\":{}}"))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(created.statusCode()).as(created.body()).isEqualTo(200);

      Cli.Result refused = cli.sandbox("drift", "-f", manifest);
      assertThat(refused.code()).as(refused.toString()).isEqualTo(1);
      assertThat(refused.err())
          .contains("cannot start the sandbox")
          .contains("is in use by another process (pid " + p.pid())
          .contains("--sandbox-state");
    } finally {
      p.destroy();
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    // The emulator's write was kept, and drift now shows it (the sandbox did not overwrite it).
    Cli.Result drift = cli.sandbox("drift", "-f", manifest);
    assertThat(drift.code()).as(drift.toString()).isEqualTo(2);
    assertThat(drift.out()).contains("ByHand");
  }
}
