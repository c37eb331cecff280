package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A value from {@code ${env:…}}/{@code ${file:…}} in an identity field (a webhook URL, a group
 * name, an agent id) is shown as its reference everywhere: addresses in text, JSON, Markdown, saved
 * plans, progress lines, drift, errors and debug lines.
 */
class IdentitySecretsIT {
  static final String URL = "https://hooks.x.example/planted-url-7f3a9";
  static final String GROUP = "Planted-Group-5b1e";
  static final String AGENT = "planted-agent-9c2d@x.example";
  static final String TITLE = "planted-title-d41c";

  @TempDir Path tmp;

  static final String MANIFEST =
      """
      version: 1
      groups:
        - {name: "${env:GROUP_NAME}", language_code: LANG}
      agents:
        - id: ${env:AGENT_ID}
          name: A
          role: ROLE
          job_title: ${file:title.txt}
          groups: [{group: "${env:GROUP_NAME}"}]
      webhooks:
        - owner_client_id: CID
          type: license
          action: incoming_chat
          url: ${env:HOOK_URL}
          secret_key: ${env:LC_WEBHOOK_SECRET}
          description: DESC
      """;

  private static String manifest(String lang, String role, String desc) {
    return MANIFEST.replace("LANG", lang).replace("ROLE", role).replace("DESC", desc);
  }

  @Test
  void plantedIdentitiesAppearInNoOutputAndNoFile() throws Exception {
    Cli cli = new Cli(tmp);
    cli.env.put("GROUP_NAME", GROUP);
    cli.env.put("AGENT_ID", AGENT);
    cli.env.put("HOOK_URL", URL);
    cli.write("m/title.txt", TITLE + "\n");
    String m = cli.write("m/team.yaml", manifest("en", "normal", "first"));
    List<String> seen = new ArrayList<>();
    Path planFile = tmp.resolve("p.json");

    Cli.Result first = cli.sandbox("plan", "-f", m);
    assertThat(first.out())
        .contains("+ webhooks/" + Cli.CID + "/license/incoming_chat/${env:HOOK_URL}")
        .contains("+ groups/${env:GROUP_NAME}")
        .contains("+ agents/${env:AGENT_ID}");
    seen.add(first.all());
    seen.add(cli.sandbox("validate", "-f", m).all());
    seen.add(cli.sandbox("plan", "-f", m, "--json").all());
    seen.add(cli.sandbox("plan", "-f", m, "--markdown").all());
    seen.add(cli.sandbox("drift", "-f", m).all());
    seen.add(cli.sandbox("drift", "-f", m, "--json").all());
    Cli.Result saved = cli.sandbox("plan", "-f", m, "--out", "" + planFile, "--debug");
    assertThat(saved.code()).as(saved.toString()).isZero();
    seen.add(saved.all());
    seen.add(Files.readString(planFile));
    Cli.Result applied =
        cli.sandbox("apply", "" + planFile, "--auto-approve", "--progress", "plain", "--debug");
    assertThat(applied.code()).as(applied.toString()).isZero();
    assertThat(applied.out()).contains("Verified");
    seen.add(applied.all());
    Cli.Result stale = cli.sandbox("apply", "" + planFile, "--auto-approve");
    assertThat(stale.code()).isEqualTo(1);
    assertThat(stale.err())
        .contains("groups/${env:GROUP_NAME} (now exists)")
        .contains("agents/${env:AGENT_ID} (now exists)");
    seen.add(stale.all());

    // Updates and a replace of the objects with secret identities, by JSON and by text.
    String changed = cli.write("m/team.yaml", manifest("fr", "administrator", "second"));
    seen.add(cli.sandbox("plan", "-f", changed).all());
    seen.add(cli.sandbox("plan", "-f", changed, "--markdown").all());
    Cli.Result json =
        cli.sandbox("apply", "-f", changed, "--auto-approve", "--json", "--progress", "plain");
    assertThat(json.code()).as(json.toString()).isZero();
    seen.add(json.all());

    // Errors: an unknown --replace address, a refused deletion, and the address as plan shows it.
    seen.add(cli.sandbox("plan", "-f", changed, "--replace", "webhooks/nope").all());
    Cli.Result replace =
        cli.sandbox(
            "plan",
            "-f",
            changed,
            "--replace",
            "webhooks/" + Cli.CID + "/license/incoming_chat/${env:HOOK_URL}");
    assertThat(replace.out()).as(replace.toString()).contains("1 to replace");
    seen.add(replace.all());
    String none = cli.write("n/none.yaml", "version: 1\ngroups: []\nagents: []\n");
    seen.add(cli.sandbox("plan", "-f", none, "--max-deletions", "0").all());

    for (String text : seen) {
      assertThat(text)
          .doesNotContain(URL)
          .doesNotContain("planted-url")
          .doesNotContain(TITLE)
          .doesNotContain(Cli.SECRET);
    }
    // Identities the manifests do not declare are the account's own, and may be named
    // (the empty-manifest plan above lists them to delete); the others must never show.
    for (String text : seen.subList(0, seen.size() - 1)) {
      assertThat(text).doesNotContain(GROUP).doesNotContain(AGENT);
    }
  }

  @Test
  void aRuleDescriptionFromTheEnvironmentNeverReachesASavedPlanAsTheNeighbourOfAMove()
      throws Exception {
    Cli cli = new Cli(tmp);
    String secret = "Planted-Rule-8e3b";
    cli.env.put("RULE_DESC", secret);
    String m =
        cli.write(
            "r/rules.yaml",
            """
            version: 1
            groups:
              - name: Sales
            auto_access:
              - description: Plain first rule
                groups: [Sales]
                conditions: {url: {values: [{value: example.com/a, exact_match: false}]}}
              - description: "${env:RULE_DESC}"
                groups: [Sales]
                conditions: {url: {values: [{value: example.com/b, exact_match: false}]}}
            """);
    Path planFile = tmp.resolve("rules-plan.json");
    Cli.Result saved = cli.sandbox("plan", "-f", m, "--out", "" + planFile);
    assertThat(saved.code()).as(saved.toString()).isZero();
    String json = Files.readString(planFile);
    assertThat(json).doesNotContain(secret).contains("\"move_before\" : \"${env:RULE_DESC}\"");
    // The proof of the saved plan compares like with like: the exact plan applies.
    Cli.Result applied = cli.sandbox("apply", "" + planFile, "--auto-approve");
    assertThat(applied.code()).as(applied.toString()).isZero();
    assertThat(applied.all()).doesNotContain(secret).contains("Verified");
    assertThat(cli.sandbox("plan", "-f", m).out()).contains("No changes.");
  }
}
