package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
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
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

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

  private int offline(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

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
  void exportRoundTripsAndDriftSeesAHandChange() throws Exception {
    Path m = tmp.resolve("m.yaml");
    Files.writeString(m, MANIFEST);
    assertThat(run("apply", "-f", m.toString(), "--auto-approve", "--progress", "none"))
        .as(err.toString())
        .isZero();
    assertThat(run("drift", "-f", m.toString())).as(out + err.toString()).isZero();

    Path exported = tmp.resolve("export/chatform.yaml");
    assertThat(run("export", "-o", exported.toString())).as(err.toString()).isZero();
    String yaml = Files.readString(exported);
    assertThat(yaml).contains("tags:").contains("Refund").doesNotContain("author_id");
    assertThat(yaml).doesNotContain("created_at");
    Path withSecret = tmp.resolve("export/with-secret.yaml");
    Files.writeString(withSecret, yaml.replace("${env:LC_WEBHOOK_SECRET}", "any"));
    assertThat(run("plan", "-f", withSecret.toString(), "--detailed-exitcode"))
        .as(out + err.toString())
        .isZero();
    assertThat(out.toString()).contains("No changes.");

    // Someone takes Billing off the Refund tag by hand.
    Path edited = tmp.resolve("edited.yaml");
    Files.writeString(edited, MANIFEST.replace("[Support, Billing]", "[Support]"));
    assertThat(run("apply", "-f", edited.toString(), "--auto-approve", "--progress", "none"))
        .isZero();
    assertThat(run("drift", "-f", m.toString()))
        .as(out + err.toString())
        .isEqualTo(ExitCodes.CHANGES);
    assertThat(out.toString()).contains("tags/Refund").contains("Billing");
  }

  @Test
  void validateForApi34RefusesTheTagsSectionAtItsKey() throws Exception {
    Path m = tmp.resolve("m.yaml");
    Files.writeString(m, "version: 1\ngroups: []\ntags:\n  - {name: Refund}\n");
    assertThat(offline("validate", "--api-version", "3.4", "-f", m.toString()))
        .isEqualTo(ExitCodes.ERROR);
    assertThat(out.toString() + err.toString())
        .contains("m.yaml:3:1")
        .contains("tags exist only from API 3.5, not in 3.4");
    assertThat(offline("validate", "--api-version", "3.5", "-f", m.toString())).isZero();
  }
}
