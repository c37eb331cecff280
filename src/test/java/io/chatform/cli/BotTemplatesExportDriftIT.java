package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bot templates through the CLI on the sandbox: export round trips to "No changes." without secrets
 * or the installations option, drift exits 2 on a hand change and shows the option, and validate
 * refuses a sixth template of one Client ID.
 */
class BotTemplatesExportDriftIT {
  @TempDir Path tmp;

  private static final String MANIFEST =
      """
      version: 1
      bot_templates:
        - owner_client_id: CID
          name: Greeter
          job_title: Welcomes visitors
          max_chats_count: 12
          affect_existing_installations: true
      """;

  @Test
  void exportRoundTripsAndDriftSeesAHandChange() throws Exception {
    Cli cli = new Cli(tmp);
    String m = cli.write("m.yaml", MANIFEST);
    Cli.Result r = cli.sandbox("apply", "-f", m, "--auto-approve", "--progress", "none");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.all()).doesNotContainPattern("\"secret\"\\s*:\\s*\"[0-9a-f]");
    assertThat(cli.sandbox("drift", "-f", m).code()).isZero();

    Path exported = tmp.resolve("export/chatform.yaml");
    r =
        cli.run(
            "export",
            "--sandbox",
            "--sandbox-state",
            cli.state.toString(),
            "--client-id",
            Cli.CID,
            "-o",
            exported.toString());
    assertThat(r.code()).as(r.toString()).isZero();
    String yaml = Files.readString(exported);
    assertThat(yaml).contains("bot_templates:").contains("Greeter");
    assertThat(yaml).doesNotContainPattern("secret\\w*:");
    assertThat(yaml).doesNotContain("affect_existing_installations");
    r = cli.sandbox("plan", "-f", exported.toString(), "--detailed-exitcode");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("No changes.");

    String edited = cli.write("edited.yaml", MANIFEST.replace("count: 12", "count: 3"));
    assertThat(cli.sandbox("apply", "-f", edited, "--auto-approve", "--progress", "none").code())
        .isZero();
    r = cli.sandbox("drift", "-f", m);
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.CHANGES);
    assertThat(r.out())
        .contains("bot_templates/" + Cli.CID + "/Greeter")
        .contains("affect_existing_installations: true");
  }

  @Test
  void validateRefusesTheSixthTemplateOfOneClientId() {
    Cli cli = new Cli(tmp);
    StringBuilder sb = new StringBuilder("version: 1\nbot_templates:\n");
    for (int i = 0; i < 6; i++) {
      sb.append("  - {owner_client_id: CID, name: t").append(i).append("}\n");
    }
    Cli.Result r = cli.run("validate", "-f", cli.write("six.yaml", sb.toString()));
    assertThat(r.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.all())
        .contains("six.yaml:8:5")
        .contains("more than 5 bot templates for Client ID " + Cli.CID);
  }
}
