package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.chatform.api.LiveChatClient;
import io.chatform.emulator.Emulator;
import io.chatform.emulator.EmulatorConfig;
import io.chatform.emulator.SandboxClients;
import io.chatform.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The account lock from the command line, on the sandbox: a lease left by a writer that is gone
 * blocks apply with the holder named; {@code unlock} shows it, {@code unlock --force} releases it
 * and logs who did; the lease never shows in plan, drift or export; {@code plan --out} records it.
 */
class LockCliIT {
  static final String MANIFEST = "examples/full";

  @TempDir Path tmp;

  /** Leaves a held lease in the sandbox, as a killed CI job with a long TTL would. */
  private void seedGhostLease(Cli cli) throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults().withStatePath(cli.state));
        LiveChatClient c = SandboxClients.client(e)) {
      var body =
          Json.object()
              .put("name", "chatform_lease_7")
              .put("owner_client_id", Cli.CID)
              .put("type", "string")
              .put(
                  "description",
                  "{\"chatform_lease\":1,\"state\":\"held\",\"holder\":\"ghost@ci-runner pid 1"
                      + " (GitHub Actions run GITHUB_RUN_ID=99)\",\"nonce\":\"n\",\"since\":"
                      + "\"2026-01-01T00:00:00Z\",\"expires\":\"2099-01-01T00:00:00Z\"}");
      body.putObject("access").putObject("license").putArray("agent").add("read");
      c.call("register_property", body);
    }
  }

  /** Commands without colour options (unlock, export). */
  private static Cli.Result raw(Cli cli, String command, String... args) {
    java.util.List<String> all =
        new java.util.ArrayList<>(
            java.util.List.of(command, "--sandbox", "--sandbox-state", "" + cli.state));
    all.addAll(java.util.List.of(args));
    return cli.run(all.toArray(String[]::new));
  }

  @Test
  void aGhostLeaseBlocksApplyUntilUnlockForceWhichIsLogged() throws Exception {
    Cli cli = new Cli(tmp);
    assertThat(cli.sandbox("apply", "-f", MANIFEST, "--auto-approve").code()).isZero();
    seedGhostLease(cli);

    Cli.Result blocked = cli.sandbox("apply", "-f", MANIFEST, "--auto-approve");
    assertThat(blocked.code()).as(blocked.toString()).isEqualTo(1);
    assertThat(blocked.err())
        .contains("locked by another chatform writer: held by ghost@ci-runner pid 1")
        .contains("GITHUB_RUN_ID=99")
        .contains("since 2026-01-01T00:00:00Z")
        .contains("chatform unlock --force");

    Cli.Result shown = raw(cli, "unlock");
    assertThat(shown.code()).as(shown.toString()).isEqualTo(1);
    assertThat(shown.out()).contains("held by ghost@ci-runner pid 1");
    assertThat(shown.err()).contains("unlock --force");

    Cli.Result forced = raw(cli, "unlock", "--force");
    assertThat(forced.code()).as(forced.toString()).isZero();
    assertThat(forced.err())
        .contains("released the account lock of sandbox:")
        .contains("by force (was held by ghost@ci-runner pid 1")
        .containsPattern("forced by \\S+@\\S+ pid " + ProcessHandle.current().pid());
    assertThat(raw(cli, "unlock").out()).contains("free since").contains("unlock --force");

    // A forced unlock cannot tell what the holder wrote: the next apply waits out the window
    // (kept short here) unless its journal covers that holder's run.
    Cli.Result again =
        cli.sandbox("apply", "-f", MANIFEST, "--auto-approve", "--consistency-window", "1");
    assertThat(again.code()).as(again.toString()).isZero();
  }

  @Test
  void theLeaseNeverShowsInPlanDriftOrExportAndPlanOutRecordsIt() throws Exception {
    Cli cli = new Cli(tmp);
    assertThat(cli.sandbox("apply", "-f", MANIFEST, "--auto-approve").code()).isZero();
    assertThat(Files.readString(cli.state)).contains("chatform_lease_2"); // taken and released

    Cli.Result plan = cli.sandbox("plan", "-f", MANIFEST, "--detailed-exitcode");
    assertThat(plan.code()).as(plan.toString()).isZero();
    assertThat(plan.all()).doesNotContain("chatform_lease");
    Cli.Result drift = cli.sandbox("drift", "-f", MANIFEST);
    assertThat(drift.code()).as(drift.toString()).isZero();
    Cli.Result export = raw(cli, "export");
    assertThat(export.code()).as(export.toString()).isZero();
    assertThat(export.all()).contains("max_wait").doesNotContain("chatform_lease");

    Path saved = tmp.resolve("plan.json");
    assertThat(cli.sandbox("plan", "-f", MANIFEST, "--out", "" + saved).code()).isZero();
    JsonNode free = Json.MAPPER.readTree(saved.toFile());
    assertThat(free.at("/lease/state").asText()).isEqualTo("free");
    assertThat(free.at("/lease/client_id").asText()).isEqualTo(Cli.CID);
    assertThat(free.at("/lease/last_apply_ended").asText()).isNotEmpty();
    Schema schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(Json.MAPPER.readTree(Path.of("schemas/plan.schema.json").toFile()));
    assertThat(schema.validate(free)).isEmpty();

    seedGhostLease(cli);
    assertThat(cli.sandbox("plan", "-f", MANIFEST, "--out", "" + saved).code())
        .as("plan never locks, so a held lease does not stop it")
        .isZero();
    Cli.Result driftWhileHeld = cli.sandbox("drift", "-f", MANIFEST);
    assertThat(driftWhileHeld.code()).as("drift never locks").isZero();
    JsonNode held = Json.MAPPER.readTree(saved.toFile());
    assertThat(held.at("/lease/state").asText()).isEqualTo("held");
    assertThat(held.at("/lease/holder").asText()).startsWith("ghost@ci-runner");
    assertThat(schema.validate(held)).isEmpty();
  }

  @Test
  void withoutAClientIdApplyRefusesOnceAndLockNoneIsTheExplicitWayOut() throws Exception {
    Cli cli = new Cli(tmp);
    cli.env.put("LIVECHAT_ACCOUNT_ID", EmulatorConfig.SANDBOX_ACCOUNT_ID);
    cli.env.put("LIVECHAT_PAT", EmulatorConfig.SANDBOX_PAT);
    String groupsOnly = cli.write("g.yaml", "version: 1\ngroups:\n  - {name: Support}\n");
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      Cli.Result refused =
          cli.run("apply", "-f", groupsOnly, "--api-url", e.baseUrl(), "--auto-approve");
      assertThat(refused.code()).as(refused.toString()).isEqualTo(1);
      assertThat(refused.err())
          .contains("the account lock needs a Client ID")
          .contains("--lock-client-id")
          .contains("--lock none");
      assertThat(e.state().path("groups").path("groups").size()).as("nothing written").isEqualTo(1);

      Cli.Result unlocked =
          cli.run(
              "apply",
              "-f",
              groupsOnly,
              "--api-url",
              e.baseUrl(),
              "--auto-approve",
              "--lock",
              "none");
      assertThat(unlocked.code()).as(unlocked.toString()).isZero();
      assertThat(unlocked.err()).containsOnlyOnce("writing without the account lock");

      cli.env.put("CHATFORM_LOCK_CLIENT_ID", Cli.CID);
      Cli.Result locked =
          cli.run("apply", "-f", groupsOnly, "--api-url", e.baseUrl(), "--auto-approve");
      assertThat(locked.code()).as(locked.toString()).isZero();
      assertThat(e.state().toString()).contains("chatform_lease_2");

      Cli.Result badId =
          cli.run(
              "apply",
              "-f",
              groupsOnly,
              "--api-url",
              e.baseUrl(),
              "--auto-approve",
              "--lock-client-id",
              "not-a-client-id");
      assertThat(badId.code()).isEqualTo(1);
      assertThat(badId.err()).contains("--lock-client-id not-a-client-id: a Client ID is 32");
    }
  }
}
