package io.chatform.ci;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.chatform.cli.ChatformCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The CI templates in examples/ci cannot rot: the scripts they call exist, the artefact names match
 * what the scripts fetch, applies of one account never overlap, credentials come from secrets only,
 * and the CronJob's chatform arguments parse.
 */
class CiTemplatesTest {
  static final Path CI = Path.of("examples/ci");
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  static final Pattern SCRIPT = Pattern.compile("ci/chatform/([a-z-]+\\.sh)");

  static List<JsonNode> docs(String file) throws Exception {
    try (MappingIterator<JsonNode> it =
        YAML.readerFor(JsonNode.class).readValues(CI.resolve(file).toFile())) {
      return it.readAll();
    }
  }

  static void scriptsExist(String text) {
    Matcher m = SCRIPT.matcher(text);
    int n = 0;
    while (m.find()) {
      assertThat(CI.resolve("scripts").resolve(m.group(1))).as(m.group()).isRegularFile();
      n++;
    }
    assertThat(n).isPositive();
  }

  @Test
  void githubWorkflowsCallTheScriptsShareOneApplyLockAndUseSecretsOnly() throws Exception {
    List<String> lockGroups = new ArrayList<>();
    for (String name : List.of("chatform-plan.yml", "chatform-apply.yml", "chatform-drift.yml")) {
      JsonNode wf = docs("github/" + name).get(0);
      String text = Files.readString(CI.resolve("github/" + name));
      scriptsExist(text);
      String group = wf.path("concurrency").path("group").asText();
      assertThat(group).as(name).contains(wf.path("env").path("CHATFORM_ACCOUNT").asText());
      if (!name.equals("chatform-plan.yml")) {
        lockGroups.add(group);
        assertThat(wf.path("concurrency").path("cancel-in-progress").asBoolean()).isFalse();
      }
      for (JsonNode job : wf.path("jobs")) {
        for (JsonNode step : job.path("steps")) {
          step.path("env")
              .properties()
              .forEach(
                  e -> {
                    if (e.getKey().startsWith("LIVECHAT_") || e.getKey().endsWith("_KEY")) {
                      assertThat(e.getValue().asText())
                          .as(name + " " + e.getKey())
                          .isEqualTo("${{ secrets." + e.getKey() + " }}");
                    }
                  });
        }
      }
    }
    assertThat(lockGroups).hasSize(2).containsOnly(lockGroups.get(0));

    JsonNode plan = docs("github/chatform-plan.yml").get(0);
    JsonNode upload = plan.path("jobs").path("plan").path("steps").get(4).path("with");
    assertThat(upload.path("name").asText())
        .isEqualTo("chatform-plan-" + plan.path("env").path("CHATFORM_ACCOUNT").asText());
    assertThat(upload.path("path").asText()).isEqualTo(".chatform-ci/plan.json");
    assertThat(Files.readString(CI.resolve("scripts/fetch-plan.sh")))
        .contains("-n \"chatform-plan-$CHATFORM_ACCOUNT\"")
        .contains("chatform-plan.yml");
  }

  @Test
  void gitlabJobsCallTheScriptsAndApplyAndDriftShareAResourceGroup() throws Exception {
    JsonNode ci = docs("gitlab/.gitlab-ci.yml").get(0);
    scriptsExist(Files.readString(CI.resolve("gitlab/.gitlab-ci.yml")));
    assertThat(ci.path("chatform-apply").path("resource_group").asText())
        .isNotEmpty()
        .isEqualTo(ci.path("chatform-drift").path("resource_group").asText());
    assertThat(ci.path("chatform-plan").path("artifacts").path("paths").get(0).asText())
        .isEqualTo(".chatform-ci/plan.json");
    assertThat(Files.readString(CI.resolve("scripts/fetch-plan.sh")))
        .contains("job=${CHATFORM_PLAN_JOB:-chatform-plan}");
    assertThat(Files.readString(CI.resolve("gitlab/.gitlab-ci.yml")))
        .doesNotContain("LIVECHAT_PAT:");
  }

  @Test
  void everyCronJobRunsDriftNonRootOneAtATimeWithArgumentsChatformAccepts() throws Exception {
    List<JsonNode> jobs = docs("kubernetes/drift-cronjob.yml");
    assertThat(jobs).hasSizeGreaterThanOrEqualTo(2);
    for (JsonNode job : jobs) {
      assertThat(job.path("kind").asText()).isEqualTo("CronJob");
      assertThat(job.path("spec").path("concurrencyPolicy").asText()).isEqualTo("Forbid");
      JsonNode pod =
          job.path("spec").path("jobTemplate").path("spec").path("template").path("spec");
      assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
      JsonNode container = pod.path("containers").get(0);
      assertThat(container.path("envFrom").get(0).has("secretRef")).isTrue();
      List<String> args = new ArrayList<>();
      container.path("args").forEach(a -> args.add(a.asText()));
      assertThat(args.get(0)).isEqualTo("drift");
      StringWriter err = new StringWriter();
      ChatformCommand.newCommandLine(new PrintWriter(new StringWriter()), new PrintWriter(err))
          .parseArgs(args.toArray(String[]::new)); // throws on an unknown option
      assertThat(err.toString()).isEmpty();
    }
  }

  @Test
  void theMatrixExampleListsTheSampleProjectsAccountsAndLocksEachOne() throws Exception {
    StringWriter out = new StringWriter();
    int code =
        io.chatform.cli.Main.run(
            new PrintWriter(out),
            new PrintWriter(new StringWriter()),
            java.util.Map.of(),
            "accounts",
            "--project",
            CI.resolve("chatform-project.yml").toString(),
            "--json");
    assertThat(code).as(out.toString()).isZero();
    JsonNode accounts = new ObjectMapper().readTree(out.toString()).path("accounts");
    assertThat(accounts.findValuesAsText("name")).containsExactly("production", "staging");

    JsonNode wf = docs("github/chatform-drift-matrix.yml").get(0);
    scriptsExist(Files.readString(CI.resolve("github/chatform-drift-matrix.yml")));
    assertThat(wf.path("jobs").path("accounts").path("steps").get(3).path("run").asText())
        .contains("accounts --json | jq -c '[.accounts[].name]'");
    JsonNode drift = wf.path("jobs").path("drift");
    assertThat(drift.path("strategy").path("matrix").path("account").asText())
        .isEqualTo("${{ fromJSON(needs.accounts.outputs.names) }}");
    assertThat(drift.path("concurrency").path("group").asText())
        .isEqualTo("chatform-account-${{ matrix.account }}");
    assertThat(drift.path("env").path("CHATFORM_TARGET_ARGS").asText())
        .isEqualTo("--account ${{ matrix.account }}");
    assertThat(drift.path("env").path("CHATFORM_MANIFESTS").asText()).isEmpty();
  }
}
