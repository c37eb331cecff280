package io.chatform.ci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same scripts on GitLab (CHATFORM_FORGE=gitlab): one merge-request note per account, edited on
 * every push, and the drift issue opened and closed, through a fake curl of the GitLab API.
 */
class GitLabScriptsIT {
  static final Path FAKE_CURL = Path.of("src/test/resources/ci/fake-curl").toAbsolutePath();

  @TempDir Path tmp;
  CiScripts ci;

  @BeforeEach
  void setUp() throws Exception {
    ci = new CiScripts(tmp);
    ci.env.remove("GITHUB_ACTIONS");
    ci.env.remove("GH");
    ci.env.remove("GITHUB_SHA");
    ci.env.put("CHATFORM_FORGE", "gitlab");
    ci.env.put("GITLAB_CI", "true");
    ci.env.put("CURL", "bash " + FAKE_CURL);
    ci.env.put("GITLAB_TOKEN", "glpat-fake-token-1234");
    ci.env.put("CI_API_V4_URL", "https://gitlab.example/api/v4");
    ci.env.put("CI_PROJECT_ID", "42");
    ci.env.put("CI_MERGE_REQUEST_IID", "5");
    ci.env.put("CI_COMMIT_SHA", "9f8e7d6c");
  }

  @Test
  void mergeRequestNoteIsEditedNotDuplicatedAndTheDriftIssueOpensAndCloses() throws Exception {
    ci.manifest(CiScriptsIT.TWO);
    for (int push = 0; push < 2; push++) {
      CiScripts.Run plan = ci.run("pr-plan.sh");
      assertThat(plan.code()).as(plan.toString()).isZero();
    }
    JsonNode notes = ci.forge("notes.json");
    assertThat(notes).hasSize(1);
    assertThat(notes.get(0).path("mr").asInt()).isEqualTo(5);
    assertThat(notes.get(0).path("body").asText())
        .startsWith("<!-- chatform-plan:staging -->\n### chatform plan")
        .contains("a1@x.example")
        .contains("commit `9f8e7d6c`");
    assertThat(Files.readString(ci.forge.resolve("calls.log")))
        .contains("curl PUT https://gitlab.example/api/v4/projects/42/merge_requests/5/notes/500")
        .doesNotContain("glpat-fake-token-1234");

    CiScripts.Run drift = ci.run("drift.sh"); // nothing applied yet: everything is drift
    assertThat(drift.code()).as(drift.toString()).isZero();
    JsonNode issues = ci.forge("gl-issues.json");
    assertThat(issues).hasSize(1);
    assertThat(issues.get(0).path("title").asText()).isEqualTo("chatform drift: staging");
    assertThat(issues.get(0).path("description").asText()).startsWith("### chatform drift");

    CiScripts.Run apply =
        ci.chatform("apply", "-f", tmp.resolve("manifests").toString(), "--auto-approve");
    assertThat(apply.code()).as(apply.toString()).isZero();
    assertThat(ci.run("drift.sh").code()).isZero();
    issues = ci.forge("gl-issues.json");
    assertThat(issues.get(0).path("state").asText()).isEqualTo("closed");
    assertThat(issues.get(0).path("notes").get(0).asText()).contains("matches the manifests");
  }
}
