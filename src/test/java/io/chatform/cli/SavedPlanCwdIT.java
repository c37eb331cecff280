package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A saved plan applied from another working directory reads {@code ${file:…}} next to the manifest
 * that names it, as the manifest loader does, never a same-named file in the working directory.
 * Runs the CLI in a child JVM, since a JVM cannot change its own working directory.
 */
class SavedPlanCwdIT {
  static final String RIGHT = "right-secret-next-to-manifest-3e8a";
  static final String DECOY = "decoy-secret-in-working-dir-77c1";

  @TempDir Path tmp;

  @Test
  void secretFilesResolveRelativeToTheManifestNotTheWorkingDirectory() throws Exception {
    Cli cli = new Cli(tmp.resolve("repo"));
    cli.write("m/hook.secret", RIGHT + "\n");
    String m =
        cli.write(
            "m/hooks.yaml",
            """
            version: 1
            webhooks:
              - owner_client_id: CID
                type: license
                action: incoming_chat
                url: https://hooks.x.example/a
                secret_key: ${file:hook.secret}
            """);
    Path plan = tmp.resolve("repo/plan.json");
    Cli.Result saved = cli.sandbox("plan", "-f", m, "--out", "" + plan);
    assertThat(saved.code()).as(saved.toString()).isZero();

    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("hook.secret"), DECOY);
    Process p =
        new ProcessBuilder(
                List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    Main.class.getName(),
                    "apply",
                    "--sandbox",
                    "--sandbox-state",
                    cli.state.toString(),
                    "--no-color",
                    plan.toString(),
                    "--auto-approve"))
            .directory(elsewhere.toFile())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("out.txt").toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the child JVM finished").isTrue();
    String out = Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out).contains("Apply complete: 1 done").contains("Verified").doesNotContain(RIGHT);

    String state = Files.readString(cli.state);
    assertThat(state).as("the decoy in the working directory was never read").doesNotContain(DECOY);
    assertThat(new File(elsewhere.toFile(), "hook.secret")).exists();
  }
}
