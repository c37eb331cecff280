package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tags through the CLI on the sandbox: export round trips to "No changes." without the runtime
 * fields, drift exits 2 on a hand change, and validate for 3.4 refuses the section, located.
 */
class TagsExportDriftIT {
  @TempDir Path tmp;

  private static final String MANIFEST =
      """
      version: 1
      groups:
        - {name: Support}
        - {name: Billing}
      tags:
        - {name: Refund, groups: [Support, Billing]}
        - {name: Spam}
      """;

  @Test
  void exportRoundTripsAndDriftSeesAHandChange() throws Exception {
    Cli cli = new Cli(tmp);
    String m = cli.write("m.yaml", MANIFEST);
    Cli.Result r = cli.sandbox("apply", "-f", m, "--auto-approve", "--progress", "none");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(cli.sandbox("drift", "-f", m).code()).isZero();

    Path exported = tmp.resolve("export/chatform.yaml");
    r =
        cli.run(
            "export",
            "--sandbox",
            "--sandbox-state",
            cli.state.toString(),
            "-o",
            exported.toString());
    assertThat(r.code()).as(r.toString()).isZero();
    String yaml = Files.readString(exported);
    assertThat(yaml).contains("tags:").contains("Refund").doesNotContain("author_id");
    assertThat(yaml).doesNotContain("created_at");
    r = cli.sandbox("plan", "-f", exported.toString(), "--detailed-exitcode");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("No changes.");

    // Someone takes Billing off the Refund tag by hand.
    String edited = cli.write("edited.yaml", MANIFEST.replace("[Support, Billing]", "[Support]"));
    assertThat(cli.sandbox("apply", "-f", edited, "--auto-approve", "--progress", "none").code())
        .isZero();
    r = cli.sandbox("drift", "-f", m);
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.CHANGES);
    assertThat(r.out()).contains("tags/Refund").contains("Billing");
  }

  @Test
  void tagsValidateOnEverySupportedVersionAnd34IsRefusedAtTheFlag() {
    // chatform speaks 3.5 and 3.6 only (one version list for every command), so 3.4 is refused
    // before any manifest is read; the loader's own "tags exist only from 3.5" check is covered by
    // TagManifestTest.
    Cli cli = new Cli(tmp);
    String m = cli.write("m.yaml", "version: 1\ngroups: []\ntags:\n  - {name: Refund}\n");
    Cli.Result r = cli.run("validate", "--api-version", "3.4", "-f", m);
    assertThat(r.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.all()).contains("--api-version 3.4 is not supported");
    assertThat(cli.run("validate", "--api-version", "3.5", "-f", m).code()).isZero();
    assertThat(cli.run("validate", "--api-version", "3.6", "-f", m).code()).isZero();
  }
}
