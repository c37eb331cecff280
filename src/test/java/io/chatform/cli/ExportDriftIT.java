package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * export writes a manifest that plans "No changes."; drift reports hand-made changes with exit 2.
 */
class ExportDriftIT {
  @TempDir Path tmp;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    String[] all = new String[args.length + 3];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--sandbox";
    all[args.length + 1] = "--sandbox-state";
    all[args.length + 2] = tmp.resolve("s.json").toString();
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
  }

  @Test
  void exportRoundTripsAndDriftSeesHandMadeChanges() throws Exception {
    assertThat(run("apply", "-f", "examples/starter", "--auto-approve", "--progress", "none"))
        .as(err.toString())
        .isZero();
    assertThat(run("drift", "-f", "examples/starter")).isZero();
    assertThat(out.toString()).contains("No drift");

    Path exported = tmp.resolve("export/chatform.yaml");
    assertThat(run("export", "-o", exported.toString())).as(err.toString()).isZero();
    String yaml = Files.readString(exported);
    assertThat(yaml)
        .contains("jane@acme.example")
        .doesNotContain("owner@sandbox")
        .doesNotContain("sandbox-not-a-secret");
    assertThat(yaml).contains("secret_key: \"${env:LC_WEBHOOK_SECRET}\"");
    // The API never returns webhook secrets: the user sets the variable; here, a literal.
    Path withSecret = tmp.resolve("export/with-secret.yaml");
    Files.writeString(withSecret, yaml.replace("${env:LC_WEBHOOK_SECRET}", "any"));
    assertThat(run("plan", "-f", withSecret.toString(), "--detailed-exitcode"))
        .as(out + err.toString())
        .isZero();
    assertThat(out.toString()).contains("No changes.");
    assertThat(run("export", "-o", exported.toString())).isEqualTo(ExitCodes.ERROR);
    assertThat(err.toString()).contains("--force");

    // Someone edits the account by hand (here: applies another manifest).
    Path edited = tmp.resolve("edited.yaml");
    Files.writeString(
        edited,
        Files.readString(Path.of("examples/starter/chatform.yaml"))
            .replace("job_title: Support lead", "job_title: Changed by hand"));
    assertThat(run("apply", "-f", edited.toString(), "--auto-approve", "--progress", "none"))
        .isZero();
    assertThat(run("drift", "-f", "examples/starter")).isEqualTo(ExitCodes.CHANGES);
    assertThat(out.toString())
        .contains("agents/jane@acme.example")
        .contains("\"Changed by hand\" → \"Support lead\"");
    assertThat(run("drift", "-f", "examples/starter", "--json")).isEqualTo(ExitCodes.CHANGES);
    assertThat(out.toString()).contains("\"format_version\" : 1").contains("\"update\" : 1");
  }

  @Test
  void exportQuotesTimesThatYaml11ReadersTakeForNumbers() throws Exception {
    Path m = tmp.resolve("m.yaml");
    Files.writeString(
        m,
        """
        version: 1
        agents:
          - id: ann@t.example
            name: Ann
            work_scheduler:
              timezone: UTC
              schedule:
                - {day: monday, enabled: true, start: "08:00", end: "17:30"}
        """);
    assertThat(run("apply", "-f", m.toString(), "--auto-approve", "--progress", "none"))
        .as(err.toString())
        .isZero();
    assertThat(run("export")).as(err.toString()).isZero();
    // Unquoted, 17:30 is the sexagesimal integer 1050 to PyYAML/SnakeYAML (YAML 1.1).
    assertThat(out.toString()).contains("end: \"17:30\"").contains("start: \"08:00\"");
  }

  @Test
  void driftReportsWhatAnEmptySectionOrTheDeletionLimitWouldStopApplyFrom() throws Exception {
    Path m = tmp.resolve("m.yaml");
    Files.writeString(m, "version: 1\ngroups:\n  - name: A\n  - name: B\n");
    assertThat(run("apply", "-f", m.toString(), "--auto-approve", "--progress", "none"))
        .as(err.toString())
        .isZero();
    Files.writeString(m, "version: 1\ngroups: []\n");
    assertThat(run("drift", "-f", m.toString(), "--max-deletions", "1"))
        .as(out + err.toString())
        .isEqualTo(ExitCodes.CHANGES);
    assertThat(out.toString())
        .contains("- groups/A")
        .contains("- groups/B")
        .contains("What chatform apply would do")
        .doesNotContain("chatform will perform");
    // apply keeps refusing the same change.
    assertThat(run("apply", "-f", m.toString(), "--auto-approve")).isEqualTo(ExitCodes.ERROR);
    assertThat(err.toString()).contains("--allow-empty");
  }
}
