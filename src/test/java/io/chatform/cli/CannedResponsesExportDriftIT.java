package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 3.7 preview kinds through the CLI on the sandbox: opted into with --api-version 3.7 by every
 * command, the plan saying it targets a developer preview (text, Markdown, JSON); export round
 * trips to "No changes." without runtime fields; drift exits 2 on a hand change; on the default 3.6
 * the sections are refused, located, and export leaves them out.
 */
class CannedResponsesExportDriftIT {
  @TempDir Path tmp;

  private static final String MANIFEST =
      """
      version: 1
      groups:
        - {name: Support}
      canned_responses:
        - {group: Support, key: hello, tags: [greeting], text: "Hi! How can I help?"}
        - {tags: [bye, closing], text: "Thanks for chatting!", is_private: true}
      allowed_domains: [acme.example, "*.acme.example"]
      """;

  private static final String V37 = "--api-version";

  @Test
  void exportRoundTripsAndDriftSeesAHandChange() throws Exception {
    Cli cli = new Cli(tmp);
    String m = cli.write("m.yaml", MANIFEST);
    Cli.Result r =
        cli.sandbox("apply", V37, "3.7", "-f", m, "--auto-approve", "--progress", "none");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.all()).contains("API 3.7 is a developer preview");
    assertThat(cli.sandbox("drift", V37, "3.7", "-f", m).code()).isZero();

    Path exported = tmp.resolve("export/chatform.yaml");
    r =
        cli.run(
            "export",
            "--sandbox",
            "--sandbox-state",
            cli.state.toString(),
            V37,
            "3.7",
            "-o",
            exported.toString());
    assertThat(r.code()).as(r.toString()).isZero();
    String yaml = Files.readString(exported);
    assertThat(yaml)
        .contains("canned_responses:", "allowed_domains:", "Hi! How can I help?", "acme.example")
        .doesNotContain("author_id", "created_at", "updated_at");
    r = cli.sandbox("plan", V37, "3.7", "-f", exported.toString(), "--detailed-exitcode");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out()).contains("No changes.");

    // Someone edits a text and removes a domain by hand.
    String edited =
        cli.write(
            "edited.yaml",
            MANIFEST.replace("How can I help?", "What's up?").replace(", \"*.acme.example\"", ""));
    assertThat(
            cli.sandbox("apply", V37, "3.7", "-f", edited, "--auto-approve", "--progress", "none")
                .code())
        .isZero();
    r = cli.sandbox("drift", V37, "3.7", "-f", m);
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.CHANGES);
    assertThat(r.out())
        .contains("canned_responses/Support/hello")
        .contains("allowed_domains/*.acme.example");

    // On the default (3.6) export knows nothing of the preview kinds.
    Path stable = tmp.resolve("export36/chatform.yaml");
    r = cli.run("export", "--sandbox", "--sandbox-state", cli.state.toString(), "-o", "" + stable);
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(Files.readString(stable)).contains("groups:").doesNotContain("canned_responses");
  }

  @Test
  void thePlanSaysItTargetsAPreviewInEveryFormAndNotOnTheDefault() throws Exception {
    Cli cli = new Cli(tmp);
    String m = cli.write("m.yaml", MANIFEST);
    Cli.Result text = cli.sandbox("plan", V37, "3.7", "-f", m);
    assertThat(text.code()).as(text.toString()).isZero();
    assertThat(text.out()).startsWith("! API 3.7 is a developer preview (not open to public use)");
    Cli.Result md = cli.sandbox("plan", V37, "3.7", "-f", m, "--markdown");
    assertThat(md.out()).contains("· API 3.7 (developer preview)").contains("> ⚠ API 3.7 is a");
    Cli.Result json = cli.sandbox("plan", V37, "3.7", "-f", m, "--json");
    JsonNode target = Json.MAPPER.readTree(json.out()).path("target");
    assertThat(target.path("api_version").asText()).isEqualTo("3.7");
    assertThat(target.path("preview").asBoolean()).isTrue();

    String stable = cli.write("s.yaml", "version: 1\ngroups:\n  - {name: Support}\n");
    Cli.Result plain = cli.sandbox("plan", "-f", stable, "--json");
    assertThat(Json.MAPPER.readTree(plain.out()).path("target").has("preview")).isFalse();
    assertThat(cli.sandbox("plan", "-f", stable).out()).doesNotContain("developer preview");
  }

  @Test
  void onTheDefaultVersionTheSectionsAreRefusedWhereTheyAreWritten() {
    Cli cli = new Cli(tmp);
    String m = cli.write("m.yaml", MANIFEST);
    Cli.Result r = cli.run("validate", "-f", m);
    assertThat(r.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.all())
        .contains("m.yaml:4:1: canned_responses: canned_responses exist only from API 3.7")
        .contains("m.yaml:7:1: allowed_domains: allowed_domains exist only from API 3.7")
        .contains("use --api-version 3.7");
    assertThat(cli.run("validate", V37, "3.7", "-f", m).code()).isZero();
    assertThat(cli.run("validate", V37, "3.8", "-f", m).all())
        .contains("--api-version 3.8 is not supported; use 3.6 (stable) or 3.5");
  }

  @Test
  void exportRefusesAKindItWasAskedForByNameWhenTheVersionHasNone() {
    Cli cli = new Cli(tmp);
    String state = cli.state.toString();
    Cli.Result r =
        cli.run(
            "export", "--sandbox", "--sandbox-state", state, "--kinds", "groups,canned_responses");
    assertThat(r.code()).as(r.toString()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.all())
        .contains("--kinds: canned_responses exist only from API 3.7, not in 3.6")
        .contains("pass --api-version 3.7");
    Cli.Result all = cli.run("export", "--sandbox", "--sandbox-state", state);
    assertThat(all.code()).as(all.toString()).isZero();
    assertThat(all.out()).doesNotContain("canned_responses");
    Cli.Result named =
        cli.run(
            "export",
            "--sandbox",
            "--sandbox-state",
            state,
            V37,
            "3.7",
            "--kinds",
            "canned_responses");
    assertThat(named.code()).as(named.toString()).isZero();
  }

  @Test
  void aSaved37PlanAppliesOnlyWhen37IsNamedAgain() throws Exception {
    Cli cli = new Cli(tmp);
    String m = cli.write("m.yaml", MANIFEST);
    Path planFile = tmp.resolve("plan.json");
    Cli.Result saved = cli.sandbox("plan", V37, "3.7", "-f", m, "--out", "" + planFile);
    assertThat(saved.code()).as(saved.toString()).isZero();
    JsonNode target = Json.MAPPER.readTree(planFile.toFile()).path("target");
    assertThat(target.path("preview").asBoolean()).isTrue();
    // The file's claim alone never opts into the preview: on the default 3.6 its manifests are
    // refused (before any write) with the flag to name.
    Cli.Result refused = cli.sandbox("apply", "" + planFile, "--auto-approve");
    assertThat(refused.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(refused.err()).contains("not in 3.6").contains("use --api-version 3.7");
    Cli.Result applied =
        cli.sandbox("apply", "" + planFile, V37, "3.7", "--auto-approve", "--progress", "none");
    assertThat(applied.code()).as(applied.toString()).isZero();
    assertThat(cli.sandbox("drift", V37, "3.7", "-f", m).code()).isZero();
  }
}
