package io.chatform.ci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pipeline scripts in examples/ci/scripts end to end against the sandbox: a pull request's plan
 * and its sticky comment, the merge applying exactly that plan (or refusing a stale one), and the
 * nightly drift issue opened, updated and closed.
 */
class CiScriptsIT {
  static final String TWO = "version: 1\nagents:\n" + agent("a0") + agent("a1");
  static final String THREE = TWO + agent("a2");

  @TempDir Path tmp;
  CiScripts ci;

  static String agent(String id) {
    return "  - {id: " + id + "@x.example, name: " + id.toUpperCase() + ", role: normal}\n";
  }

  @BeforeEach
  void setUp() throws Exception {
    ci = new CiScripts(tmp);
    ci.env.put("CHATFORM_PR", "7");
  }

  /** Changes the account "by hand": an extra agent that the manifests do not declare. */
  private void handEdit(String manifests) throws Exception {
    Path hand = tmp.resolve("hand/team.yaml");
    Files.createDirectories(hand.getParent());
    Files.writeString(hand, manifests + agent("zed"));
    CiScripts.Run r = ci.chatform("apply", "-f", "" + hand, "--auto-approve");
    assertThat(r.code()).as(r.toString()).isZero();
  }

  @Test
  void pullRequestPlanThenMergeAppliesThatPlanThenNightlyDriftIssue() throws Exception {
    ci.manifest(TWO);
    CiScripts.Run plan = ci.run("pr-plan.sh");
    assertThat(plan.code()).as(plan.toString()).isZero();
    JsonNode comments = ci.forge("comments.json");
    assertThat(comments).hasSize(1);
    assertThat(comments.get(0).path("number").asInt()).isEqualTo(7);
    assertThat(comments.get(0).path("body").asText())
        .startsWith("<!-- chatform-plan:staging -->\n### chatform plan")
        .contains("a1@x.example")
        .contains("commit `0a1b2c3d`");

    // A second push edits the one comment: never a second one.
    ci.manifest(THREE);
    assertThat(ci.run("pr-plan.sh").code()).isZero();
    comments = ci.forge("comments.json");
    assertThat(comments).hasSize(1);
    assertThat(comments.get(0).path("body").asText()).contains("a2@x.example");
    // The routing report for the artefact, with this plan's changes on the map (issue #20).
    assertThat(tmp.resolve("out/report.html")).exists();
    assertThat(Files.readString(tmp.resolve("out/report.html"))).contains("<html");

    // The artefact the plan job uploaded, as the merge job downloads it.
    Path artefact = Files.createDirectories(ci.forge.resolve("artefacts/42/chatform-plan-staging"));
    Files.copy(tmp.resolve("out/plan.json"), artefact.resolve("plan.json"));
    Files.delete(tmp.resolve("out/plan.json"));
    ci.env.put("CHATFORM_PR_HEAD_SHA", "feedbeef");
    CiScripts.Run fetch = ci.run("fetch-plan.sh");
    assertThat(fetch.code()).as(fetch.toString()).isZero();
    assertThat(Files.readString(ci.forge.resolve("calls.log")))
        .contains(
            "run list --repo acme/livechat-config --workflow chatform-plan.yml --commit feedbeef")
        .contains("run download 42");
    CiScripts.Run apply = ci.run("merge-apply.sh");
    assertThat(apply.code()).as(apply.toString()).isZero();
    assertThat(ci.chatform("drift", "-f", tmp.resolve("manifests").toString()).code()).isZero();

    CiScripts.Run clean = ci.run("drift.sh");
    assertThat(clean.code()).as(clean.toString()).isZero();
    assertThat(ci.forge("issues.json")).isEmpty();

    handEdit(THREE);
    for (int night = 0; night < 2; night++) {
      CiScripts.Run drift = ci.run("drift.sh");
      assertThat(drift.code()).as(drift.toString()).isZero();
      JsonNode issues = ci.forge("issues.json");
      assertThat(issues).as("one issue, updated").hasSize(1);
      assertThat(issues.get(0).path("title").asText()).isEqualTo("chatform drift: staging");
      assertThat(issues.get(0).path("state").asText()).isEqualTo("open");
      assertThat(issues.get(0).path("body").asText())
          .startsWith("### chatform drift")
          .contains("zed@x.example");
    }
    ci.env.put("CHATFORM_FAIL_ON_DRIFT", "true");
    assertThat(ci.run("drift.sh").code()).isEqualTo(2);

    CiScripts.Run undo =
        ci.chatform("apply", "-f", tmp.resolve("manifests").toString(), "--auto-approve");
    assertThat(undo.code()).as(undo.toString()).isZero();
    assertThat(ci.run("drift.sh").code()).isZero();
    JsonNode issues = ci.forge("issues.json");
    assertThat(issues).hasSize(1);
    assertThat(issues.get(0).path("state").asText()).isEqualTo("closed");
    assertThat(issues.get(0).path("comments").get(0).asText()).contains("matches the manifests");
  }

  @Test
  void aStalePlanIsRefusedAndARefusedPlanFailsThePullRequest() throws Exception {
    ci.manifest(TWO);
    assertThat(ci.run("pr-plan.sh").code()).isZero();
    Path saved = tmp.resolve("reviewed.json");
    Files.copy(tmp.resolve("out/plan.json"), saved);

    handEdit(TWO); // the account changes between review and merge
    CiScripts.Run apply = ci.run("merge-apply.sh", "" + saved);
    assertThat(apply.code()).as(apply.toString()).isEqualTo(1);
    assertThat(apply.err()).contains("apply for staging failed");
    JsonNode comments = ci.forge("comments.json");
    assertThat(comments).hasSize(2);
    assertThat(comments.get(1).path("body").asText())
        .startsWith("<!-- chatform-apply:staging -->")
        .contains("re-run the plan, review it and merge again");
    // Nothing was applied: the hand-made agent is still there.
    assertThat(ci.chatform("drift", "-f", tmp.resolve("manifests").toString()).out())
        .contains("zed@x.example");

    // A plan that chatform refuses (an empty section deleting every agent) fails the check.
    ci.manifest("version: 1\nagents: []\n");
    CiScripts.Run refused = ci.run("pr-plan.sh");
    assertThat(refused.code()).as(refused.toString()).isEqualTo(1);
    assertThat(tmp.resolve("out/plan.json")).doesNotExist();
    comments = ci.forge("comments.json");
    assertThat(comments).hasSize(2);
    assertThat(comments.get(0).path("body").asText())
        .startsWith("<!-- chatform-plan:staging -->\n### chatform plan failed")
        .contains("--allow-empty");

    // An invalid manifest: the comment shows the located validation error.
    ci.manifest("version: 1\nagents:\n  - {id: a0@x.example, nmae: A0}\n");
    assertThat(ci.run("pr-plan.sh").code()).isEqualTo(1);
    assertThat(ci.forge("comments.json").get(0).path("body").asText()).contains("team.yaml:3");
  }

  @Test
  void withAProjectFileTheScriptsTakeTheAccountsManifests() throws Exception {
    ci.manifest(TWO);
    Files.writeString(
        tmp.resolve("chatform.yaml"), "accounts:\n  qa:\n    manifests: [manifests]\n");
    ci.env.put("CHATFORM_ACCOUNT", "qa");
    ci.env.put("CHATFORM_MANIFESTS", "");
    ci.env.put(
        "CHATFORM_TARGET_ARGS",
        ci.env.get("CHATFORM_TARGET_ARGS")
            + " --account qa --project "
            + tmp.resolve("chatform.yaml"));
    CiScripts.Run drift = ci.run("drift.sh");
    assertThat(drift.code()).as(drift.toString()).isZero();
    JsonNode issues = ci.forge("issues.json");
    assertThat(issues).hasSize(1);
    assertThat(issues.get(0).path("title").asText()).isEqualTo("chatform drift: qa");
    assertThat(issues.get(0).path("body").asText()).contains("a1@x.example");
  }
}
