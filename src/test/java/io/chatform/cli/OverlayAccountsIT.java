package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example tree {@code examples/accounts} (one base, a staging and a production overlay, typed
 * variables per account) applied to two sandbox accounts: each holds its own values, and planning
 * again says "No changes." for both.
 */
class OverlayAccountsIT {
  static final String PROJECT = "examples/accounts/chatform-project.yml";
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @TempDir Path tmp;

  private Cli.Result on(Cli cli, String account, Path state, String command, String... args) {
    List<String> all =
        new ArrayList<>(
            List.of(
                command,
                "--project",
                PROJECT,
                "--account",
                account,
                "--sandbox",
                "--sandbox-state",
                "" + state));
    if (!command.equals("export")) {
      all.add("--no-color");
    }
    all.addAll(List.of(args));
    return cli.run(all.toArray(String[]::new));
  }

  /** The account as {@code export} writes it, read back as a tree. */
  private JsonNode export(Cli cli, String account, Path state) throws Exception {
    Cli.Result r = on(cli, account, state, "export", "--client-id", Cli.CID);
    assertThat(r.code()).as(r.toString()).isZero();
    return YAML.readTree(r.out());
  }

  private static JsonNode find(JsonNode list, String field, String value) {
    for (JsonNode n : list) {
      if (n.path(field).asText().equals(value)) {
        return n;
      }
    }
    return null;
  }

  @Test
  void stagingAndProductionFromOneTreeHoldTheirOwnValues() throws Exception {
    Cli cli = new Cli(tmp);
    Path staging = tmp.resolve("staging.json");
    Path production = tmp.resolve("production.json");
    for (String account : List.of("staging", "production")) {
      Path state = account.equals("staging") ? staging : production;
      Cli.Result apply = on(cli, account, state, "apply", "--auto-approve");
      assertThat(apply.code()).as(account + "\n" + apply).isZero();
      assertThat(apply.all()).doesNotContain(Cli.SECRET);
    }

    JsonNode st = export(cli, "staging", staging);
    JsonNode pr = export(cli, "production", production);
    // ${var:max_chats}: the project-wide 4 in staging, production's own 6 (numbers, not text).
    JsonNode stJane = find(st.path("agents"), "id", "jane@acme.example");
    JsonNode prJane = find(pr.path("agents"), "id", "jane@acme.example");
    assertThat(stJane.path("max_chats_count").asInt()).isEqualTo(4);
    assertThat(prJane.path("max_chats_count").asInt()).isEqualTo(6);
    // The staging overlay changed a field; production kept the base's.
    assertThat(stJane.path("job_title").asText()).isEqualTo("Support lead (staging)");
    assertThat(prJane.path("job_title").asText()).isEqualTo("Support lead");
    assertThat(find(pr.path("agents"), "id", "john@acme.example").path("job_title").asText())
        .isEqualTo("Senior agent");
    // Removed by production's overlay, added by a plain file in staging/.
    assertThat(find(pr.path("agents"), "id", "trainee@acme.example")).isNull();
    assertThat(find(st.path("agents"), "id", "trainee@acme.example")).isNotNull();
    assertThat(find(st.path("agents"), "id", "qa@acme.example")).isNotNull();
    assertThat(find(pr.path("agents"), "id", "qa@acme.example")).isNull();
    // Removed by staging's overlay; changed by production's.
    assertThat(find(st.path("auto_access"), "description", "EU visitors to Support")).isNull();
    JsonNode shop = find(pr.path("auto_access"), "description", "Shop visitors to Sales");
    assertThat(shop.path("conditions").path("url").path("values").get(0).path("value").asText())
        .isEqualTo("/shop/");
    // Interpolated text, a typed boolean and a map-shaped value, per account.
    assertThat(st.path("webhooks").get(0).path("url").asText())
        .isEqualTo("https://hooks.staging.acme.example/livechat");
    assertThat(pr.path("webhooks").get(0).path("url").asText())
        .isEqualTo("https://hooks.acme.example/livechat");
    assertThat(find(st.path("properties"), "name", "tier").path("publish").asBoolean()).isFalse();
    // publish: true reads back as the list it stands for, [read, write]
    assertThat(find(pr.path("properties"), "name", "tier").path("publish").toString())
        .isEqualTo("[\"read\",\"write\"]");
    String cid = Cli.CID;
    assertThat(st.path("license_properties").path(cid).path("tier").asText()).isEqualTo("silver");
    assertThat(pr.path("license_properties").path(cid).path("tier").asText()).isEqualTo("gold");

    for (String account : List.of("staging", "production")) {
      Path state = account.equals("staging") ? staging : production;
      Cli.Result again = on(cli, account, state, "plan");
      assertThat(again.code()).as(account + "\n" + again).isZero();
      assertThat(again.out()).as(account).contains("No changes.");
    }
  }

  @Test
  void aFlagWinsOverTheEnvironmentWhichWinsOverTheProjectFile() throws Exception {
    Cli cli = new Cli(tmp);
    Path state = tmp.resolve("p.json");
    cli.env.put("CHATFORM_VAR_max_chats", "7");
    Cli.Result plan = on(cli, "production", state, "plan", "--json");
    assertThat(plan.code()).as(plan.toString()).isNotEqualTo(1);
    assertThat(plan.out())
        .contains("\"max_chats_count\" : 7")
        .doesNotContain("\"max_chats_count\" : 6");
    Cli.Result flag = on(cli, "production", state, "plan", "--json", "--var", "max_chats=9");
    assertThat(flag.code()).as(flag.toString()).isNotEqualTo(1);
    assertThat(flag.out())
        .contains("\"max_chats_count\" : 9")
        .doesNotContain("\"max_chats_count\" : 7");
  }

  @Test
  void aSavedPlanIsRefusedWhenAVariableChangedSince() {
    Cli cli = new Cli(tmp);
    Path state = tmp.resolve("s.json");
    String planFile = tmp.resolve("plan.json").toString();
    Cli.Result plan = on(cli, "staging", state, "plan", "--out", planFile);
    assertThat(plan.code()).as(plan.toString()).isNotEqualTo(1);
    Cli.Result apply =
        on(cli, "staging", state, "apply", planFile, "--auto-approve", "--var", "max_chats=5");
    assertThat(apply.code()).as(apply.toString()).isEqualTo(1);
    assertThat(apply.err()).contains("manifests changed").contains("${var:…} values");
    Cli.Result same = on(cli, "staging", state, "apply", planFile, "--auto-approve");
    assertThat(same.code()).as(same.toString()).isZero();
  }
}
