package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apply PLANFILE} applies where the plan was made (its sandbox, its API version) without the
 * flags being repeated, and refuses before any call when flags name another target.
 */
class SavedPlanTargetIT {
  @TempDir Path tmp;
  Cli cli;
  String manifest;
  String planFile;

  @BeforeEach
  void setUp() {
    cli = new Cli(tmp);
    manifest = cli.write("m/team.yaml", "version: 1\ngroups:\n  - {name: Support}\n");
    planFile = tmp.resolve("p.json").toString();
  }

  @Test
  void applyReusesTheSandboxAndApiVersionThePlanRecords() {
    Cli.Result plan =
        cli.sandbox("plan", "-f", manifest, "--out", planFile, "--api-version", "3.5");
    assertThat(plan.code()).as("%s", plan).isZero();

    // No --sandbox, no --sandbox-state, no --api-version: the plan says where.
    Cli.Result apply = cli.run("apply", planFile, "--auto-approve", "--no-color");
    assertThat(apply.code()).as("%s", apply).isZero();
    assertThat(apply.out()).contains("Apply complete: 1 done, 0 failed, 0 skipped");
    assertThat(cli.sandbox("plan", "-f", manifest, "--api-version", "3.5").out())
        .contains("No changes.");
  }

  @Test
  void aTargetFlagThatDiffersIsRefusedBeforeAnyCall() {
    assertThat(cli.sandbox("plan", "-f", manifest, "--out", planFile).code()).isZero();
    cli.env.put("LIVECHAT_ACCOUNT_ID", "acc");
    cli.env.put("LIVECHAT_PAT", "pat-value-not-sent");
    // Nothing listens on port 1: a call would fail differently (and slowly, with retries).
    Cli.Result url =
        cli.run("apply", planFile, "--auto-approve", "--api-url", "http://127.0.0.1:1");
    assertThat(url.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(url.err())
        .contains("the saved plan was made for sandbox:")
        .contains("but this apply targets http://127.0.0.1:1")
        .doesNotContain("pat-value-not-sent");

    Cli.Result version = cli.run("apply", planFile, "--auto-approve", "--api-version", "3.5");
    assertThat(version.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(version.err()).contains("made for").contains("API 3.6)");
    assertThat(cli.sandbox("plan", "-f", manifest).out()).contains("1 to create");
  }

  @Test
  void anUnauthenticatedPlanNeverChoosesTheApiUrl() throws Exception {
    assertThat(cli.sandbox("plan", "-f", manifest, "--out", planFile).code()).isZero();
    Path p = Path.of(planFile);
    String edited =
        java.nio.file.Files.readString(p)
            .replaceFirst(
                "\"api_url\" : \"sandbox:[^\"]*\"", "\"api_url\" : \"http://127.0.0.1:1\"");
    assertThat(edited).contains("http://127.0.0.1:1");
    java.nio.file.Files.writeString(p, edited);
    cli.env.put("LIVECHAT_ACCOUNT_ID", "acc");
    cli.env.put("LIVECHAT_PAT", "pat-value-not-sent");
    Cli.Result apply = cli.run("apply", planFile, "--auto-approve");
    assertThat(apply.code()).isEqualTo(ExitCodes.ERROR);
    // The default API URL stays the target, and the mismatch is refused before any call.
    assertThat(apply.err())
        .contains("made for http://127.0.0.1:1")
        .contains("this apply targets https://");
  }

  @Test
  void sandboxWithAnApiUrlIsRefused() {
    Cli.Result r = cli.sandbox("plan", "-f", manifest, "--api-url", "https://api.example");
    assertThat(r.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.err())
        .contains("--sandbox and --api-url contradict each other")
        .doesNotContain("Exception");
    Cli.Result ca = cli.sandbox("drift", "-f", manifest, "--ca-cert", "x.pem");
    assertThat(ca.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(ca.err()).contains("--sandbox and --ca-cert contradict each other");
  }
}
