package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Edits to a {@code plan --out} file between review and apply: each is refused, readable, and
 * nothing reaches the account (the sandbox state file, written after every API write, is
 * byte-identical afterwards).
 */
class TamperedPlanIT {
  @TempDir Path tmp;
  Cli cli;
  String manifest;
  Path planFile;
  ObjectNode plan;

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
          secret_key: ${file:hook.secret}
      """;

  @BeforeEach
  void setUp() throws Exception {
    cli = new Cli(tmp);
    cli.write("m/hook.secret", "file-s3cr3t-4b1d\n");
    manifest = cli.write("m/team.yaml", BASE);
    assertThat(cli.sandbox("apply", "-f", manifest, "--auto-approve").code()).isZero();
    manifest =
        cli.write(
            "m/team.yaml",
            BASE.replace("{name: Sales, language_code: en}", "{name: Sales, language_code: fr}")
                .replace(
                    "- {name: Support, language_code: en}", "- {name: Support}\n  - {name: Night}")
                .replace(
                    "role: normal, groups: [{group: Support}]",
                    "role: administrator, groups: [{group: Night}]")
                .replace("hooks.x.example/a", "hooks.x.example/b"));
    planFile = tmp.resolve("plan.json");
    Cli.Result saved = cli.sandbox("plan", "-f", manifest, "--out", "" + planFile);
    assertThat(saved.code()).as(saved.toString()).isZero();
    plan = (ObjectNode) Json.MAPPER.readTree(Files.readString(planFile));
  }

  @Test
  void everyEditIsRefusedWithTheDifferenceAndNothingIsWritten() throws Exception {
    String sales = "groups/Sales#update";
    String agent = "agents/a@x.example#update";
    String hook = "webhooks/" + Cli.CID + "/license/incoming_chat/https://hooks.x.example/b#create";
    Map<String, Edit> edits = new LinkedHashMap<>();
    edits.put(
        "agent promoted to viceowner",
        new Edit(
            p -> {
              action(p, agent).with("desired").put("role", "viceowner");
              ((ObjectNode) action(p, agent).path("changes").get(0)).put("after", "viceowner");
            },
            "changed in the saved plan: " + agent + ": changes[0].after is \"viceowner\""));
    edits.put(
        "an added delete",
        new Edit(
            p -> {
              ObjectNode del = ((ArrayNode) p.path("actions")).addObject();
              del.put("id", "groups/Support#delete").put("type", "delete").put("kind", "groups");
              del.put("address", "groups/Support").put("live_id", liveId(p, "Support"));
              del.put("irreversible", false);
              del.putArray("changes");
              del.putArray("depends_on");
              del.putArray("notes");
              del.putObject("live").put("name", "Support").put("language_code", "en");
              del.putObject("sensitive");
              ((ObjectNode) p.path("fingerprints"))
                  .put(
                      "groups/Support",
                      Json.sha256(Json.canonical(del.path("live")))); // a consistent fingerprint
            },
            "added to the saved plan: groups/Support#delete (not planned now)"));
    edits.put(
        "a delete of group 0 (General)",
        new Edit(
            p ->
                addDelete(
                    p,
                    "groups",
                    "General",
                    "0",
                    Json.object().put("name", "General").put("language_code", "en")),
            "added to the saved plan: groups/General#delete (not planned now)"));
    edits.put(
        "a delete of the account owner",
        new Edit(
            p ->
                addDelete(
                    p,
                    "agents",
                    "owner@sandbox.chatform.dev",
                    "owner@sandbox.chatform.dev",
                    Json.object().put("id", "owner@sandbox.chatform.dev").put("role", "owner")),
            // Refused as stale or as added, depending on how well the fingerprint was forged.
            "agents/owner@sandbox.chatform.dev"));
    edits.put(
        "an update redirected to group 0 (General)",
        new Edit(p -> action(p, sales).put("live_id", "0"), sales + ": live_id is \"0\""));
    edits.put(
        "an update turned into a delete",
        new Edit(
            p -> {
              ObjectNode a = action(p, sales);
              a.put("id", "groups/Sales#delete").put("type", "delete");
              a.remove("desired");
              a.putArray("changes");
            },
            "added to the saved plan: groups/Sales#delete"));
    edits.put(
        "fingerprints removed",
        new Edit(p -> p.putObject("fingerprints"), "has no fingerprint for"));
    edits.put(
        "one fingerprint removed",
        new Edit(
            p -> ((ObjectNode) p.path("fingerprints")).remove("agents/a@x.example"),
            "has no fingerprint for agents/a@x.example"));
    edits.put(
        "a secret reference swapped to ${file:/etc/hostname}",
        new Edit(
            p -> action(p, hook).with("sensitive").put("/secret_key", "${file:/etc/hostname}"),
            "sensitive./secret_key is \"${file:/etc/hostname}\""));
    edits.put(
        "a webhook redirected to another URL",
        new Edit(
            p -> action(p, hook).with("desired").put("url", "https://evil.example/steal"),
            "desired.url is \"https://evil.example/steal\""));
    edits.put(
        "a dependency dropped",
        new Edit(
            p -> action(p, agent).putArray("depends_on"),
            "changed in the saved plan: " + agent + ": depends_on"));
    edits.put(
        "actions reordered",
        new Edit(
            p -> {
              ArrayNode actions = (ArrayNode) p.path("actions");
              JsonNode first = actions.remove(0);
              actions.add(first);
            },
            "runs its actions in another order"));
    edits.put(
        "the summary rewritten",
        new Edit(
            p -> p.with("summary").put("text", "No changes."), "summary: text is \"No changes.\""));
    edits.put(
        "another account", new Edit(p -> p.with("target").put("account", "other"), "made for"));
    edits.put(
        "an unknown action type",
        new Edit(p -> action(p, sales).put("type", "drop_database"), "unknown action type"));

    String before = StateWithoutLease.read(cli.state);
    for (var e : edits.entrySet()) {
      ObjectNode edited = plan.deepCopy();
      e.getValue().edit().accept(edited);
      Path file = tmp.resolve("edited.json");
      Files.writeString(file, edited.toPrettyString());
      for (boolean withF : new boolean[] {true, false}) {
        Cli.Result r =
            withF
                ? cli.sandbox("apply", "" + file, "-f", manifest, "--auto-approve")
                : cli.sandbox("apply", "" + file, "--auto-approve");
        assertThat(r.code()).as(e.getKey() + "\n" + r).isEqualTo(1);
        assertThat(r.err())
            .as(e.getKey())
            .contains(e.getValue().expected())
            .doesNotContain("Exception")
            .doesNotContain("file-s3cr3t-4b1d");
        assertThat(r.out()).as(e.getKey()).doesNotContain("Apply complete");
        assertThat(StateWithoutLease.read(cli.state))
            .as(e.getKey() + ": no API write")
            .isEqualTo(before);
      }
    }
    // The untouched plan still applies, with the secret read next to the manifest.
    Cli.Result ok = cli.sandbox("apply", "" + planFile, "--auto-approve");
    assertThat(ok.code()).as(ok.toString()).isZero();
    assertThat(ok.out()).contains("Apply complete: 5 done").contains("Verified");
  }

  @Test
  void safetyOptionsGivenToApplyAreCheckedAgain() throws Exception {
    String gone =
        cli.write("m/team.yaml", BASE.replace("  - {name: Sales, language_code: en}\n", ""));
    assertThat(cli.sandbox("plan", "-f", gone, "--out", "" + planFile).code()).isZero();
    assertThat(Files.readString(planFile)).contains("groups/Sales#delete");
    String before = StateWithoutLease.read(cli.state);
    Cli.Result max = cli.sandbox("apply", "" + planFile, "--max-deletions", "0", "--auto-approve");
    assertThat(max.code()).isEqualTo(1);
    assertThat(max.err()).contains("more than --max-deletions 0");
    Cli.Result noPrune = cli.sandbox("apply", "" + planFile, "--no-prune", "--auto-approve");
    assertThat(noPrune.code()).isEqualTo(1);
    assertThat(noPrune.err())
        .contains("added to the saved plan: groups/Sales#delete")
        .contains("plan was given other options than this apply")
        .contains("\"no_prune\":true");
    assertThat(StateWithoutLease.read(cli.state)).isEqualTo(before);
  }

  @Test
  void aPlanMadeFromOtherManifestsIsRefusedWhenApplyNamesTheRealOnes() throws Exception {
    cli.write("evil/hook.secret", "file-s3cr3t-4b1d\n");
    String evil = cli.write("evil/all.yaml", BASE.replace("role: normal", "role: viceowner"));
    Path evilPlan = tmp.resolve("evil.json");
    assertThat(cli.sandbox("plan", "-f", evil, "--out", "" + evilPlan).code()).isZero();
    String before = StateWithoutLease.read(cli.state);
    Cli.Result r = cli.sandbox("apply", "" + evilPlan, "-f", manifest, "--auto-approve");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("manifests changed");
    assertThat(StateWithoutLease.read(cli.state)).isEqualTo(before);
  }

  private static void addDelete(
      ObjectNode p, String kind, String identity, String liveId, ObjectNode live) {
    ObjectNode del = ((ArrayNode) p.path("actions")).addObject();
    String address = kind + "/" + identity;
    del.put("id", address + "#delete").put("type", "delete").put("kind", kind);
    del.put("address", address).put("live_id", liveId).put("irreversible", false);
    del.putArray("changes");
    del.putArray("depends_on");
    del.putArray("notes");
    del.set("live", live);
    del.putObject("sensitive");
    ((ObjectNode) p.path("fingerprints")).put(address, Json.sha256(Json.canonical(live)));
  }

  @Test
  void recordedManifestsCannotPointAtOtherFiles() throws Exception {
    ObjectNode edited = plan.deepCopy();
    edited.putArray("manifests").add("/etc/passwd");
    Path file = tmp.resolve("edited.json");
    Files.writeString(file, edited.toPrettyString());
    Cli.Result r = cli.sandbox("apply", "" + file, "--auto-approve");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("records /etc/passwd as a manifest").doesNotContain("root:");
  }

  private record Edit(Consumer<ObjectNode> edit, String expected) {}

  private static ObjectNode action(ObjectNode plan, String id) {
    for (JsonNode a : plan.path("actions")) {
      if (a.path("id").asText().equals(id)) {
        return (ObjectNode) a;
      }
    }
    throw new AssertionError("no action " + id + " in " + plan.path("actions"));
  }

  private String liveId(ObjectNode plan, String group) {
    try {
      for (JsonNode g :
          Json.MAPPER.readTree(Files.readString(cli.state)).path("groups").path("groups")) {
        if (g.path("name").asText().equals(group)) {
          return g.path("id").asText();
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    throw new AssertionError("no live group " + group);
  }
}
