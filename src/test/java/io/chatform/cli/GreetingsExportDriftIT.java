package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Greetings through the CLI on the sandbox: export round trips to "No changes." (groups by name, no
 * generated button ids), drift exits 2 on a hand change, validate refuses the section for API 3.5
 * at its key, and a 3.5 account (no greetings) still exports and plans group deletes.
 */
class GreetingsExportDriftIT {
  @TempDir Path tmp;

  private static final String MANIFEST =
      """
      version: 1
      groups:
        - {name: Sales}
      greetings:
        - name: Welcome
          group: Sales
          active_from: "2026-03-01T09:00:00+01:00"
          rules:
            - {condition: and, type: visit_time_site, operator: greater_than, value: 20}
            - {condition: or, type: url_funnel, urls: [{url: /a, operator: contains}]}
          properties: {greeting-message_text: Hello there}
          rich_message:
            template_id: quick_replies
            elements:
              - title: Hi
                subtitle: Can we help?
                image: {url: "https://cdn.example/hi.png"}
                buttons:
                  - {text: "Yes", type: message, value: Yes please, postback_id: yes}
        - name: Welcome
          group: General
          type: announcement
          active: false
          rules:
            - {condition: and, type: ads_traffic, session_field: {yahoo: spring}}
      """;

  @Test
  void exportRoundTripsAndDriftSeesAHandChange() throws Exception {
    Cli cli = new Cli(tmp);
    String m = cli.write("m.yaml", MANIFEST);
    Cli.Result r = cli.sandbox("apply", "-f", m, "--auto-approve", "--progress", "none");
    assertThat(r.code()).as(r.toString()).isZero();
    r = cli.sandbox("drift", "-f", m);
    assertThat(r.code()).as(r.toString()).isZero();

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
    assertThat(yaml).contains("greetings:").contains("group: Sales").contains("group: General");
    assertThat(yaml).doesNotContain("button_id");
    r = cli.sandbox("plan", "-f", exported.toString(), "--detailed-exitcode");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("No changes.");

    // Someone raises the visit time by hand.
    String edited = cli.write("edited.yaml", MANIFEST.replace("value: 20", "value: 60"));
    assertThat(cli.sandbox("apply", "-f", edited, "--auto-approve", "--progress", "none").code())
        .isZero();
    r = cli.sandbox("drift", "-f", m);
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.CHANGES);
    assertThat(r.out()).contains("greetings/Sales/Welcome").contains("60");
    assertThat(r.out()).doesNotContain("greetings/General/Welcome");
  }

  @Test
  void api35RefusesTheSectionLocatedAndStillReadsAccountsWithoutGreetings() {
    Cli cli = new Cli(tmp);
    String m = cli.write("m.yaml", MANIFEST);
    Cli.Result r = cli.run("validate", "--api-version", "3.5", "-f", m);
    assertThat(r.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.all())
        .contains("m.yaml:4:1")
        .contains("greetings exist only from API 3.6, not in 3.5");
    assertThat(cli.run("validate", "--api-version", "3.6", "-f", m).code()).isZero();

    String groups = cli.write("g.yaml", "version: 1\ngroups:\n  - {name: Old}\n");
    r = cli.sandbox("apply", "-f", groups, "--api-version", "3.5", "--auto-approve");
    assertThat(r.code()).as(r.toString()).isZero();
    String none = cli.write("none.yaml", "version: 1\ngroups:\n  - {name: Kept}\n");
    r = cli.sandbox("plan", "-f", none, "--api-version", "3.5", "--detailed-exitcode");
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.CHANGES);
    assertThat(r.out()).contains("groups/Old");
    Path exported = tmp.resolve("export35/chatform.yaml");
    r =
        cli.run(
            "export",
            "--sandbox",
            "--sandbox-state",
            cli.state.toString(),
            "--api-version",
            "3.5",
            "-o",
            exported.toString());
    assertThat(r.code()).as(r.toString()).isZero();
  }
}
