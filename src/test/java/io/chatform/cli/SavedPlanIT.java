package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan --out} then {@code apply FILE}: exact when fresh, refused by name when stale. */
class SavedPlanIT {
  @TempDir Path tmp;
  Cli cli;
  String manifest;
  String planFile;

  static final String BASE =
      """
      version: 1
      groups:
        - {name: Support, language_code: en}
        - {name: Sales, language_code: en}
      agents:
        - {id: a@x.example, name: A, role: normal, groups: [{group: Support}]}
      webhooks:
        - owner_client_id: CID
          type: license
          action: incoming_chat
          url: https://hooks.x.example/a
          secret_key: ${env:LC_WEBHOOK_SECRET}
      """;

  @BeforeEach
  void setUp() {
    cli = new Cli(tmp);
    manifest = cli.write("m/team.yaml", BASE);
    planFile = tmp.resolve("plans/p.json").toString();
    assertThat(cli.sandbox("apply", "-f", manifest, "--auto-approve").code()).isZero();
    cli.write(
        "m/team.yaml",
        BASE.replace("{name: Sales, language_code: en}", "{name: Sales, language_code: fr}")
            .replace("name: A, role: normal", "name: A, role: administrator"));
  }

  @Test
  void aFreshSavedPlanAppliesExactly() {
    Cli.Result plan = cli.sandbox("plan", "-f", manifest, "--out", planFile);
    assertThat(plan.code()).as(plan.toString()).isZero();
    assertThat(plan.out()).contains("Plan: 0 to create, 2 to update").contains("apply " + planFile);

    Cli.Result apply = cli.sandbox("apply", planFile, "-f", manifest, "--auto-approve");
    assertThat(apply.code()).as(apply.toString()).isZero();
    assertThat(apply.out()).contains("Apply complete: 2 done, 0 failed, 0 skipped");
    assertThat(cli.sandbox("plan", "-f", manifest).out()).contains("No changes.");

    // Applied once, the plan is stale: its objects no longer look as they did.
    Cli.Result twice = cli.sandbox("apply", planFile, "--auto-approve");
    assertThat(twice.code()).isEqualTo(1);
    assertThat(twice.err()).contains("stale").contains("groups/Sales (changed)");
  }

  @Test
  void aSavedPlanWithoutManifestsResolvesEnvSecrets() {
    cli.write("m/team.yaml", BASE.replace("hooks.x.example/a", "hooks.x.example/b"));
    assertThat(cli.sandbox("plan", "-f", manifest, "--out", planFile).code()).isZero();
    Cli.Result apply = cli.sandbox("apply", planFile, "--auto-approve");
    assertThat(apply.code()).as(apply.toString()).isZero();
    assertThat(apply.out()).contains("2 done");
  }

  @Test
  void liveChangesSincePlanMakeItStaleAndNameTheObject() throws Exception {
    assertThat(cli.sandbox("plan", "-f", manifest, "--out", planFile).code()).isZero();
    // Someone edits the Sales group in LiveChat between plan and apply.
    ObjectNode state = (ObjectNode) Json.MAPPER.readTree(Files.readString(cli.state));
    for (JsonNode g : state.path("groups").path("groups")) {
      if (g.path("name").asText().equals("Sales")) {
        ((ObjectNode) g).put("language_code", "de");
      }
    }
    Files.writeString(cli.state, state.toString());
    Cli.Result apply = cli.sandbox("apply", planFile, "-f", manifest, "--auto-approve");
    assertThat(apply.code()).isEqualTo(1);
    assertThat(apply.err()).contains("stale").contains("groups/Sales (changed)");
    assertThat(apply.err()).doesNotContain("agents/a@x.example");
    assertUnchanged();
  }

  @Test
  void anObjectCreatedSincePlanMakesItStale() {
    String withNew =
        cli.write(
            "m/team.yaml",
            BASE.replace("groups:\n", "groups:\n  - {name: New, language_code: en}\n"));
    assertThat(cli.sandbox("plan", "-f", withNew, "--out", planFile).code()).isZero();
    String other = cli.write("other/new.yaml", "version: 1\ngroups:\n  - {name: New}\n");
    assertThat(cli.sandbox("apply", "-f", other, "--auto-approve", "--no-prune").code()).isZero();
    Cli.Result apply = cli.sandbox("apply", planFile, "-f", withNew, "--auto-approve");
    assertThat(apply.code()).isEqualTo(1);
    assertThat(apply.err()).contains("groups/New (now exists)");
  }

  @Test
  void changedManifestsMakeItStale() {
    assertThat(cli.sandbox("plan", "-f", manifest, "--out", planFile).code()).isZero();
    cli.write("m/team.yaml", BASE.replace("language_code: en}", "language_code: pl}"));
    Cli.Result apply = cli.sandbox("apply", planFile, "-f", manifest, "--auto-approve");
    assertThat(apply.code()).isEqualTo(1);
    assertThat(apply.err()).contains("manifests changed");
    assertThat(cli.sandbox("plan", "-f", manifest).out())
        .contains("~ groups/Sales")
        .contains("~ groups/Support");
  }

  @Test
  void withoutMinusFTheManifestsTheyWereMadeFromAreCheckedToo() throws Exception {
    assertThat(cli.sandbox("plan", "-f", manifest, "--out", planFile).code()).isZero();
    assertThat(Files.readString(Path.of(planFile))).contains("\"manifests\"");
    cli.write("m/team.yaml", BASE.replace("language_code: en}", "language_code: pl}"));
    Cli.Result changed = cli.sandbox("apply", planFile, "--auto-approve");
    assertThat(changed.code()).isEqualTo(1);
    assertThat(changed.err()).contains("manifests changed");
    Files.delete(Path.of(manifest));
    Cli.Result gone = cli.sandbox("apply", planFile, "--auto-approve");
    assertThat(gone.code()).isEqualTo(1);
    assertThat(gone.err()).contains("not here").contains("-f");
    cli.write(
        "m/team.yaml",
        BASE.replace("{name: Sales, language_code: en}", "{name: Sales, language_code: fr}")
            .replace("name: A, role: normal", "name: A, role: administrator"));
    assertUnchanged();
  }

  @Test
  void anotherTargetIsRefused() {
    assertThat(cli.sandbox("plan", "-f", manifest, "--out", planFile).code()).isZero();
    Cli other = new Cli(tmp.resolve("elsewhere"));
    Cli.Result apply = other.sandbox("apply", planFile, "-f", manifest, "--auto-approve");
    assertThat(apply.code()).isEqualTo(1);
    assertThat(apply.err()).contains("made for").contains("plan again");

    Cli.Result version =
        cli.sandbox("apply", planFile, "-f", manifest, "--auto-approve", "--api-version", "3.5");
    assertThat(version.code()).isEqualTo(1);
    assertThat(version.err()).contains("made for").contains("API 3.6)").doesNotContain("Target[");
    assertUnchanged();
  }

  @Test
  void aFileThatIsNotASavedPlanIsNamedAsSuch() {
    Cli.Result yaml = cli.sandbox("apply", manifest, "--auto-approve");
    assertThat(yaml.code()).isEqualTo(1);
    assertThat(yaml.err())
        .contains("is not a plan saved by chatform plan --out (not JSON at line 1")
        .contains("pass them with -f")
        .doesNotContain("REDACTED")
        .doesNotContain("Exception");
    String partial = cli.write("partial.json", "{\"format_version\": 1}");
    Cli.Result incomplete = cli.sandbox("apply", partial, "--auto-approve");
    assertThat(incomplete.code()).isEqualTo(1);
    assertThat(incomplete.err()).contains("not a complete saved plan (no target)");
    assertUnchanged();
  }

  /** The edits of setUp are still not applied. */
  private void assertUnchanged() {
    assertThat(cli.sandbox("plan", "-f", manifest).out())
        .contains("~ groups/Sales")
        .contains("~ agents/a@x.example");
  }
}
