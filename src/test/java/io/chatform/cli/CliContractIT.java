package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.emulator.Emulator;
import io.chatform.emulator.EmulatorConfig;
import io.chatform.model.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plan and apply commands' contract: exit codes, output forms and safety switches. */
class CliContractIT {
  @TempDir Path tmp;
  Cli cli;
  String manifest;

  static final String TEAM =
      """
      version: 1
      groups:
        - {name: Support, language_code: en}
      agents:
        - {id: a@x.example, name: A, role: normal, groups: [{group: Support}]}
        - {id: b@x.example, name: B, role: normal, groups: [{group: Support}]}
      """;

  @BeforeEach
  void setUp() {
    cli = new Cli(tmp);
    manifest = cli.write("team.yaml", TEAM);
  }

  @Test
  void planExitCodesAndApplyWithNothingToDo() throws Exception {
    Cli.Result plan = cli.sandbox("plan", "-f", manifest);
    assertThat(plan.code()).as(plan.toString()).isZero();
    assertThat(plan.out()).contains("+ groups/Support").contains("Plan: 3 to create");
    assertThat(cli.sandbox("plan", "-f", manifest, "--detailed-exitcode").code()).isEqualTo(2);

    Cli.Result json = cli.sandbox("plan", "-f", manifest, "--json", "--detailed-exitcode");
    assertThat(json.code()).isEqualTo(2);
    assertThat(Json.MAPPER.readTree(json.out()).path("actions")).hasSize(3);

    Cli.Result md = cli.sandbox("plan", "-f", manifest, "--markdown");
    assertThat(md.code()).isZero();
    assertThat(md.out()).contains("|").contains("<details>").contains("groups/Support");

    Cli.Result apply = cli.sandbox("apply", "-f", manifest, "--auto-approve");
    assertThat(apply.code()).as(apply.toString()).isZero();
    assertThat(apply.out()).contains("Apply complete: 3 done").contains("Verified");

    Cli.Result again = cli.sandbox("plan", "-f", manifest, "--detailed-exitcode");
    assertThat(again.code()).isZero();
    assertThat(again.out()).contains("No changes.");
    Cli.Result nothing = cli.sandbox("apply", "-f", manifest);
    assertThat(nothing.code()).as(nothing.toString()).isZero();
    assertThat(nothing.out()).contains("No changes.");
  }

  @Test
  void errorsExitOneAlsoWithJson() throws Exception {
    Cli.Result missing = cli.sandbox("plan", "-f", tmp.resolve("nope.yaml").toString());
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).contains("nope.yaml").doesNotContain("Exception");

    Cli.Result json = cli.sandbox("plan", "-f", tmp.resolve("nope.yaml").toString(), "--json");
    assertThat(json.code()).isEqualTo(1);
    JsonNode doc = Json.MAPPER.readTree(json.out());
    assertThat(doc.path("error").path("message").asText()).contains("nope.yaml");

    cli.env.remove("LC_WEBHOOK_SECRET");
    Cli.Result noSecret =
        cli.sandbox(
            "plan",
            "--json",
            "-f",
            cli.write(
                "hook.yaml",
                """
                version: 1
                webhooks:
                  - owner_client_id: CID
                    type: license
                    action: incoming_chat
                    url: https://hooks.x.example/a
                    secret_key: ${env:LC_WEBHOOK_SECRET}
                """));
    assertThat(noSecret.code()).isEqualTo(1);
    assertThat(Json.MAPPER.readTree(noSecret.out()).path("error").path("message").asText())
        .contains("LC_WEBHOOK_SECRET");

    // An account that cannot be reached is an error too, JSON or not.
    Cli.Result down = cli.run("plan", "-f", manifest, "--json", "--api-url", "http://127.0.0.1:9");
    assertThat(down.code()).isEqualTo(1);
    assertThat(Json.MAPPER.readTree(down.out()).has("error")).isTrue();
  }

  @Test
  void safetySwitches() {
    assertThat(cli.sandbox("apply", "-f", manifest, "--auto-approve").code()).isZero();
    String fewer =
        cli.write(
            "fewer.yaml",
            TEAM.replace(
                "  - {id: b@x.example, name: B, role: normal, groups: [{group: Support}]}\n", ""));
    Cli.Result prune = cli.sandbox("plan", "-f", fewer);
    assertThat(prune.out()).contains("- agents/b@x.example").contains("1 to delete");

    Cli.Result noPrune = cli.sandbox("plan", "-f", fewer, "--no-prune", "--detailed-exitcode");
    assertThat(noPrune.code()).as(noPrune.toString()).isZero();
    assertThat(noPrune.out()).contains("No changes.").doesNotContain("- agents/b@x.example");

    Cli.Result max = cli.sandbox("plan", "-f", fewer, "--max-deletions", "0");
    assertThat(max.code()).isEqualTo(1);
    assertThat(max.err()).contains("--max-deletions");
    assertThat(cli.sandbox("plan", "-f", fewer, "--max-deletions", "1").code()).isZero();

    String empty = cli.write("empty.yaml", "version: 1\nagents: []\n");
    Cli.Result refused = cli.sandbox("plan", "-f", empty);
    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err()).contains("agents").contains("empty").contains("--allow-empty");
    Cli.Result allowed = cli.sandbox("plan", "-f", empty, "--allow-empty");
    assertThat(allowed.code()).as(allowed.toString()).isZero();
    assertThat(allowed.out())
        .contains("- agents/a@x.example")
        .contains("- agents/b@x.example")
        .doesNotContain("- agents/owner@");

    // Without a terminal and without --auto-approve, apply refuses and changes nothing.
    Cli.Result noTty = cli.sandbox("apply", "-f", fewer);
    assertThat(noTty.code()).isEqualTo(1);
    assertThat(noTty.err()).contains("--auto-approve");
    assertThat(cli.sandbox("plan", "-f", fewer).out()).contains("- agents/b@x.example");
  }

  /**
   * An apply can still fail midway on what no plan foresees: three webhooks registered by hand a
   * moment before, which the lagging lists do not show yet, leave no room for a fourth.
   */
  @Test
  void failedApplyExitsOneAndReportsFailedAndSkipped() {
    String fourth =
        cli.write(
            "fourth.yaml",
            """
            version: 1
            groups:
              - {name: Support}
            webhooks:
              - {owner_client_id: CID, type: license, action: incoming_chat, url: 'https://new.x.example/', secret_key: k}
            license_webhooks:
              CID: disabled
            """);
    try (LaggingAccount a = LaggingAccount.start(tmp)) {
      a.fillIncomingChatSlotByHand("k");
      Cli.Result r = a.apply(cli, "-f", fourth, "--parallelism", "1");
      assertThat(r.code()).as(r.toString()).isEqualTo(1);
      assertThat(r.out())
          .contains(
              "failed  + webhooks/" + Cli.CID + "/license/incoming_chat/https://new.x.example/")
          .contains("[limit_reached]")
          .contains("skipped ~ license_webhooks/" + Cli.CID)
          .contains("Apply incomplete: 1 done, 1 failed, 1 skipped");
    }

    // Another app's license webhook state does not depend on the failed webhook: without
    // --fail-fast it is done, with it it never starts (each on a fresh account, its slot just
    // filled by hand).
    String other = "d00dd00dd00dd00dd00dd00dd00dd00d";
    String independent =
        cli.write(
            "independent.yaml",
            """
            version: 1
            webhooks:
              - {owner_client_id: CID, type: license, action: incoming_chat, url: 'https://new.x.example/', secret_key: k}
            license_webhooks:
              OTHER: disabled
            """
                .replace("OTHER", other));
    try (LaggingAccount a = LaggingAccount.start(tmp)) {
      a.fillIncomingChatSlotByHand("k");
      Cli.Result ff = a.apply(cli, "-f", independent, "--fail-fast", "--parallelism", "1");
      assertThat(ff.code()).as(ff.toString()).isEqualTo(1);
      assertThat(ff.out())
          .contains("[limit_reached]")
          .contains("skipped ~ license_webhooks/" + other + ": not started: --fail-fast")
          .contains("0 done, 1 failed, 1 skipped");
    }
    try (LaggingAccount a = LaggingAccount.start(tmp)) {
      a.fillIncomingChatSlotByHand("k");
      Cli.Result goOn = a.apply(cli, "-f", independent, "--parallelism", "1");
      assertThat(goOn.code()).as(goOn.toString()).isEqualTo(1);
      assertThat(goOn.out()).contains("1 done, 1 failed, 0 skipped");
    }
  }

  /**
   * The old form of the scenario above, three webhooks chatform applied and then keeps (hidden by
   * {@code policy.ignore}, or left by {@code --no-prune} or {@code policy.prune: false}) plus a
   * fourth to create: the plan counts what it keeps, so plan and apply refuse it before any write,
   * naming the kept ones by id.
   */
  @Test
  void aSlotFullWithWhatThePlanKeepsIsRefusedBeforeAnyWrite() throws Exception {
    StringBuilder three = new StringBuilder("version: 1\nwebhooks:\n");
    for (int i = 1; i <= 3; i++) {
      three.append(
          "  - {owner_client_id: CID, type: license, action: incoming_chat,"
              + " url: 'https://old.x.example/"
              + i
              + "', secret_key: k}\n");
    }
    Cli.Result seeded =
        cli.sandbox("apply", "-f", cli.write("three.yaml", three.toString()), "--auto-approve");
    assertThat(seeded.code()).as(seeded.toString()).isZero();
    String rest =
        """
        groups:
          - {name: Support}
        webhooks:
          - {owner_client_id: CID, type: license, action: incoming_chat, url: 'https://new.x.example/', secret_key: k}
        license_webhooks:
          CID: disabled
        """;
    String ignored =
        cli.write(
            "ignored.yaml",
            "version: 1\npolicy:\n  ignore: ['webhooks/*/https://old.x.example/*']\n" + rest);
    String fourth = cli.write("fourth.yaml", "version: 1\n" + rest);
    String noPrune = cli.write("no-prune.yaml", "version: 1\npolicy:\n  prune: false\n" + rest);
    ObjectNode before = account();
    List<String> ids = new ArrayList<>();
    before.path("webhooks").path("webhooks").forEach(w -> ids.add(w.path("id").asText()));
    assertThat(ids).hasSize(3);

    for (List<String> args :
        List.of(
            List.of("plan", "-f", ignored),
            List.of("apply", "-f", ignored, "--auto-approve"),
            List.of("plan", "-f", fourth, "--no-prune"),
            List.of("apply", "-f", fourth, "--no-prune", "--auto-approve"),
            List.of("apply", "-f", noPrune, "--auto-approve"))) {
      Cli.Result r = cli.sandbox(args.get(0), args.subList(1, args.size()).toArray(String[]::new));
      assertThat(r.code()).as(args + "\n" + r).isEqualTo(1);
      assertThat(r.err())
          .as(args + "\n" + r)
          .contains(
              "webhooks " + Cli.CID + "/incoming_chat: the plan creates 1 and keeps 3 live (ids ")
          .contains(
              "), 4 in all, but the API allows at most 3 webhooks per action per Client ID. Let"
                  + " the plan delete the live ones the manifests do not declare")
          .contains(ids);
      assertThat(r.all()).as(args + "\n" + r).doesNotContain("https://old.x.example/");
      assertThat(r.out()).as(args + "\n" + r).doesNotContain("Apply");
      ObjectNode after = account();
      for (String module : List.of("groups", "webhooks")) {
        assertThat(after.path(module))
            .as(args + ": " + module + " unchanged")
            .isEqualTo(before.path(module));
      }
      assertThat(SoakAudit.objects(after)).isEqualTo(SoakAudit.objects(before));
    }

    // Pruned, the three go first and the fourth fits.
    Cli.Result pruned = cli.sandbox("plan", "-f", fourth);
    assertThat(pruned.code()).as(pruned.toString()).isZero();
    assertThat(pruned.out()).contains("3 to delete");
  }

  /** The sandbox account as the emulator keeps it. */
  private ObjectNode account() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults().withStatePath(cli.state))) {
      return e.state();
    }
  }
}
