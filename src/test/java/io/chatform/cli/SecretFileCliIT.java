package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ${file:…}} from the command line: confined to the manifests' directory (refused with a
 * located error before any API call), widened only by {@code --allow-secret-dir}, and resolved
 * relative to the manifest (not the working directory) when a saved plan is applied.
 */
class SecretFileCliIT {
  static final String PLANTED = "planted-runner-file-0c7e";

  @TempDir Path tmp;

  static final String HOOK =
      """
      version: 1
      webhooks:
        - owner_client_id: CID
          type: license
          action: incoming_chat
          url: https://hooks.x.example/a
          secret_key: ${file:REF}
      """;

  @Test
  void aFileOutsideTheManifestsIsRefusedBeforeAnyApiCall() throws Exception {
    Cli cli = new Cli(tmp);
    Path outside = tmp.resolve("runner/credentials");
    Files.createDirectories(outside.getParent());
    Files.writeString(outside, PLANTED);
    String m = cli.write("m/hooks.yaml", HOOK.replace("REF", "../runner/credentials"));
    for (String command : new String[] {"plan", "apply", "drift"}) {
      Cli.Result r =
          command.equals("apply")
              ? cli.sandbox(command, "-f", m, "--auto-approve")
              : cli.sandbox(command, "-f", m);
      assertThat(r.code()).as(r.toString()).isEqualTo(1);
      assertThat(r.err())
          .contains(
              m + ":7:17: webhooks[0].secret_key: ${file:../runner/credentials} points outside")
          .contains("--allow-secret-dir")
          .doesNotContain(PLANTED)
          .doesNotContain("Exception");
      assertThat(Files.exists(cli.state)).as("no API call: the sandbox was never opened").isFalse();
    }
    Cli.Result validate = cli.run("validate", "-f", m, "--json");
    assertThat(validate.code()).isEqualTo(1);
    assertThat(validate.out()).contains("points outside").doesNotContain(PLANTED);

    String etc = cli.write("m/etc.yaml", HOOK.replace("REF", "/etc/hostname"));
    Cli.Result r = cli.run("validate", "-f", etc);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("${file:/etc/hostname} points outside");
    if (Files.isReadable(Path.of("/etc/hostname"))) {
      String host = Files.readString(Path.of("/etc/hostname")).strip();
      if (host.length() > 3) {
        assertThat(r.all()).doesNotContain(host);
      }
    }

    Cli.Result allowed =
        cli.run("validate", "-f", m, "--allow-secret-dir", tmp.resolve("runner").toString());
    assertThat(allowed.code()).as(allowed.toString()).isZero();
    Cli.Result missing = cli.run("validate", "-f", m, "--allow-secret-dir", "" + tmp.resolve("no"));
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("--allow-secret-dir").contains("is not a directory");
  }

  @Test
  void aSavedPlanReadsItsSecretFileNextToTheManifestNotInTheWorkingDirectory() throws Exception {
    assertThat(Path.of("hook.secret")).as("the working directory has no such file").doesNotExist();
    Cli cli = new Cli(tmp);
    cli.write("m/hook.secret", "next-to-manifest-secret\n");
    String m = cli.write("m/hooks.yaml", HOOK.replace("REF", "hook.secret"));
    Path plan = tmp.resolve("plans/p.json");
    assertThat(cli.sandbox("plan", "-f", m, "--out", "" + plan).code()).isZero();
    assertThat(Files.readString(plan)).contains("${file:hook.secret}").doesNotContain("next-to");
    Cli.Result r = cli.sandbox("apply", "" + plan, "--auto-approve");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("1 done").contains("Verified");
    assertThat(r.all()).doesNotContain("next-to-manifest-secret");
  }
}
