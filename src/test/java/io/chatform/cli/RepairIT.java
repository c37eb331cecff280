package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.api.LiveChatClient;
import io.chatform.emulator.Emulator;
import io.chatform.emulator.EmulatorConfig;
import io.chatform.emulator.SandboxClients;
import io.chatform.kinds.AgentKind;
import io.chatform.kinds.AutoAccessKind;
import io.chatform.kinds.BotKind;
import io.chatform.kinds.GroupKind;
import io.chatform.kinds.WebhookKind;
import io.chatform.model.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code chatform repair} on seeded duplicates of groups, bots, rules and webhooks: plan refuses
 * and points at repair; repair explains, keeps the most referenced ids, moves references, deletes
 * the extras; afterwards the manifests apply and plan "No changes." (state checked object by object
 * in the emulator).
 */
class RepairIT {
  static final String MANIFEST =
      """
      version: 1
      groups:
        - {name: Support, language_code: en}
        - {name: Sales, language_code: en}
      agents:
        - id: jane@x.example
          name: Jane
          role: normal
          groups: [{group: Support, priority: first}]
      bots:
        - name: Triage
          owner_client_id: CID
          groups: [{group: Support, priority: normal}]
      auto_access:
        - description: Shop
          groups: [Sales]
          conditions: {url: {values: [{value: /shop, exact_match: false}]}}
      webhooks:
        - owner_client_id: CID
          type: license
          action: incoming_chat
          url: https://hooks.x.example/a
          secret_key: ${env:LC_WEBHOOK_SECRET}
      """;

  @TempDir Path tmp;

  /** Runs {@code body} against the sandbox's state with a raw client (as a second app would). */
  private JsonNode withAccount(Cli cli, Consumer<LiveChatClient> body) throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults().withStatePath(cli.state));
        LiveChatClient c = SandboxClients.client(e)) {
      body.accept(c);
      return e.state();
    }
  }

  private static List<JsonNode> items(JsonNode state, String module, String list) {
    List<JsonNode> out = new ArrayList<>();
    state.path(module).path(list).forEach(out::add);
    return out;
  }

  private static long idOf(JsonNode state, String group) {
    return items(state, "groups", "groups").stream()
        .filter(g -> g.path("name").asText().equals(group))
        .findFirst()
        .orElseThrow()
        .path("id")
        .asLong();
  }

  private static ObjectNode rule(String description, long group) {
    ObjectNode r = Json.object().put("description", description);
    r.putObject("access").putArray("groups").add(group);
    r.putObject("conditions")
        .putObject("url")
        .putArray("values")
        .addObject()
        .put("value", "/shop")
        .put("exact_match", false);
    return r;
  }

  @Test
  void repairMergesSeededDuplicatesKeepingTheReferencedIds() throws Exception {
    Cli cli = new Cli(tmp);
    String manifest = cli.write("m.yaml", MANIFEST);
    Cli.Result first = cli.sandbox("apply", "-f", manifest, "--auto-approve");
    assertThat(first.code()).as(first.toString()).isZero();

    JsonNode before = withAccount(cli, c -> {});
    long support = idOf(before, "Support");
    long sales = idOf(before, "Sales");
    JsonNode seeded =
        withAccount(
            cli,
            c -> {
              long support2 =
                  GroupKind.createGroup(
                      c,
                      Json.object().put("name", "Support").set("agent_priorities", Json.object()));
              long sales2 =
                  GroupKind.createGroup(
                      c, Json.object().put("name", "Sales").set("agent_priorities", Json.object()));
              assertThat(support2).isEqualTo(3);
              assertThat(sales2).isEqualTo(4);
              // The second "Sales" is the one the account uses most: another team's rule, a
              // second "Shop" rule and Jane's membership point at it, one rule at the first.
              AutoAccessKind.addAutoAccess(c, rule("Other team", sales2));
              ObjectNode jane = Json.object().put("id", "jane@x.example");
              var groups = jane.putArray("groups");
              groups.addObject().put("id", support).put("priority", "first");
              groups.addObject().put("id", sales2).put("priority", "normal");
              AgentKind.updateAgent(c, jane);
              AutoAccessKind.addAutoAccess(
                  c, rule("Shop", sales2)); // a second "Shop", last in the order
              BotKind.createBot(
                  c, Json.object().put("name", "Triage").put("owner_client_id", Cli.CID));
              WebhookKind.registerWebhook(
                  c,
                  Json.object()
                      .put("action", "incoming_chat")
                      .put("url", "https://hooks.x.example/a")
                      .put("type", "license")
                      .put("owner_client_id", Cli.CID)
                      .put("secret_key", "another-s3cret"));
            });
    assertThat(items(seeded, "groups", "groups")).hasSize(5);

    Cli.Result refused = cli.sandbox("plan", "-f", manifest);
    assertThat(refused.code()).as(refused.toString()).isEqualTo(1);
    assertThat(refused.err())
        .contains("share this identity")
        .contains("chatform repair")
        .contains("group 4: routed to by 2 rule(s)")
        .contains("keep 4: referenced most (3 reference(s))")
        .contains("to merge them into 4");

    Path saved = tmp.resolve("repair.json");
    Cli.Result proposed = cli.sandbox("repair", "-f", manifest, "--out", "" + saved);
    assertThat(proposed.code()).as(proposed.toString()).isEqualTo(2);
    assertThat(proposed.out())
        .contains("groups/Support: 2 live groups share this identity (ids " + support + ", 3)")
        .contains("keep " + support + ": referenced most")
        .contains("groups/Sales: 2 live groups share this identity (ids 4, " + sales + ")")
        .contains("group 4: routed to by 2 rule(s)")
        .contains("1 member(s) [jane@x.example]")
        .contains("keep 4: referenced most (3 reference(s))")
        .contains(": route to group 4 instead of " + sales)
        .contains("- delete extra group " + sales)
        .contains("- delete extra group 3")
        .contains("bots/" + Cli.CID + "/Triage: 2 live bots")
        .contains("auto_access/Shop: 2 live auto_access")
        .contains("kept by rule: the rule earliest in the order")
        .contains("webhooks/" + Cli.CID + "/license/incoming_chat/https://hooks.x.example/a")
        .doesNotContain("another-s3cret")
        .doesNotContain(Cli.SECRET);

    Cli.Result repaired = cli.sandbox("repair", "" + saved, "--auto-approve");
    assertThat(repaired.code()).as(repaired.toString()).isZero();
    assertThat(repaired.out()).contains("Repair complete");

    JsonNode after = withAccount(cli, c -> {});
    assertThat(items(after, "groups", "groups"))
        .extracting(g -> g.path("id").asLong() + "=" + g.path("name").asText())
        .containsExactlyInAnyOrder("0=General", support + "=Support", "4=Sales");
    List<JsonNode> rules = items(after, "auto_access", "rules");
    assertThat(rules)
        .extracting(r -> r.path("description").asText())
        .containsExactlyInAnyOrder("Shop", "Other team");
    assertThat(rules)
        .allSatisfy(r -> assertThat(r.path("access").path("groups").toString()).isEqualTo("[4]"));
    assertThat(items(after, "bots", "bots")).hasSize(1);
    assertThat(items(after, "webhooks", "webhooks")).hasSize(1);
    String agents = after.path("agents").toString();
    assertThat(agents).contains("jane@x.example");

    Cli.Result again = cli.sandbox("repair", "-f", manifest, "--auto-approve");
    assertThat(again.out()).contains("No duplicates");
    assertThat(again.code()).isZero();
    // repair journals nothing: an apply right after it waits out the window (kept short here).
    Cli.Result converge =
        cli.sandbox("apply", "-f", manifest, "--auto-approve", "--consistency-window", "1");
    assertThat(converge.code()).as(converge.toString()).isZero();
    Cli.Result plan = cli.sandbox("plan", "-f", manifest, "--detailed-exitcode");
    assertThat(plan.code()).as(plan.toString()).isZero();
  }
}
