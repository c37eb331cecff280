package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two accounts (staging, production) from one tree: {@code --account} picks each one's manifests
 * and API version, and {@code accounts --json} lists them for a CI matrix.
 */
class AccountsIT {
  @TempDir Path tmp;
  Cli cli;
  String project;

  @BeforeEach
  void setUp() throws Exception {
    cli = new Cli(tmp);
    cli.write("base/groups.yaml", "version: 1\ngroups:\n  - {name: Support, language_code: en}\n");
    cli.write(
        "staging/agents.yaml",
        "version: 1\nagents:\n  - {id: st@x.example, name: St, role: normal}\n");
    cli.write(
        "production/agents.yaml",
        "version: 1\nagents:\n  - {id: pr@x.example, name: Pr, role: normal}\n");
    project =
        cli.write(
            "chatform.yaml",
            """
            accounts:
              staging:
                api_version: "3.5"
                manifests: [base, staging]
                variables: {max_chats: 3}
              production:
                credentials: {account_id: PROD_LC_ACCOUNT_ID, pat: PROD_LC_PAT}
                manifests: [base, production]
            """);
  }

  private Cli.Result on(String account, Path state, String command, String... args) {
    java.util.List<String> all =
        new java.util.ArrayList<>(
            java.util.List.of(
                command,
                "--project",
                project,
                "--account",
                account,
                "--sandbox",
                "--sandbox-state",
                "" + state,
                "--no-color"));
    all.addAll(java.util.List.of(args));
    return cli.run(all.toArray(String[]::new));
  }

  @Test
  void eachAccountAppliesItsOwnManifestsFromOneTree() {
    Path staging = tmp.resolve("st.json");
    Path production = tmp.resolve("pr.json");
    Cli.Result plan = on("staging", staging, "plan", "--json");
    assertThat(plan.code()).as(plan.toString()).isZero();
    assertThat(plan.out()).contains("st@x.example").contains("Support").doesNotContain("pr@x");
    assertThat(plan.out()).contains("\"api_version\" : \"3.5\"");

    assertThat(on("staging", staging, "apply", "--auto-approve").code()).isZero();
    assertThat(on("production", production, "apply", "--auto-approve").code()).isZero();
    assertThat(on("staging", staging, "drift").code()).isZero();
    assertThat(on("production", production, "drift").code()).isZero();
    // Each account holds only its own agent: production's manifests see staging's as drift.
    Cli.Result cross = on("production", staging, "drift");
    assertThat(cross.code()).as(cross.toString()).isEqualTo(2);
    assertThat(cross.out()).contains("st@x.example").contains("pr@x.example");
  }

  @Test
  void accountsJsonFeedsAMatrixAndErrorsAreOneLine() throws Exception {
    Cli.Result r = cli.run("accounts", "--project", project, "--json");
    assertThat(r.code()).as(r.toString()).isZero();
    JsonNode doc = Json.MAPPER.readTree(r.out());
    assertThat(doc.path("accounts").findValuesAsText("name"))
        .containsExactly("production", "staging");
    assertThat(doc.path("accounts").get(0).path("credential_variables").path("pat").asText())
        .isEqualTo("PROD_LC_PAT");
    assertThat(doc.path("accounts").get(1).path("variables").path("max_chats").asInt())
        .isEqualTo(3);

    Cli.Result text = cli.run("accounts", "--project", project);
    assertThat(text.out()).contains("staging  region -  api 3.5  manifests base, staging");

    Cli.Result unknown = on("qa", tmp.resolve("q.json"), "plan");
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.err()).contains("Error: no account 'qa'").contains("production, staging");

    Cli.Result noCreds = cli.run("plan", "--project", project, "--account", "production", "--json");
    assertThat(noCreds.code()).isEqualTo(1);
    assertThat(Json.MAPPER.readTree(noCreds.out()).path("error").path("message").asText())
        .contains("PROD_LC_PAT");

    Files.writeString(Path.of(project), "accounts: {}\n");
    assertThat(cli.run("accounts", "--project", project).err())
        .contains("accounts: a mapping of account names");
  }
}
