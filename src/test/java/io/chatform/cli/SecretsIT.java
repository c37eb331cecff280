package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Webhook secrets, from the environment or written literally, never leave the process. */
class SecretsIT {
  @TempDir Path tmp;

  static final String LITERAL = "literal-s3cr3t-0e9d";

  static final String HOOKS =
      """
      version: 1
      webhooks:
        - owner_client_id: CID
          type: license
          action: incoming_chat
          url: https://hooks.x.example/env
          secret_key: ${env:LC_WEBHOOK_SECRET}
          description: DESC
        - owner_client_id: CID
          type: license
          action: chat_deactivated
          url: https://hooks.x.example/literal
          secret_key: LITERAL
          description: DESC
      license_webhooks:
        CID: enabled
      """
          .replace("LITERAL", LITERAL);

  @Test
  void secretsAppearInNoOutputNoPlanFileAndNoDebugLine() throws Exception {
    Cli cli = new Cli(tmp);
    String m = cli.write("hooks.yaml", HOOKS.replace("DESC", "first"));
    List<String> seen = new ArrayList<>();
    String planFile = tmp.resolve("p.json").toString();

    Cli.Result first = cli.sandbox("plan", "-f", m);
    assertThat(first.out()).contains("secret_key: (sensitive)");
    seen.add(first.all());
    seen.add(cli.sandbox("plan", "-f", m, "--json").all());
    seen.add(cli.sandbox("plan", "-f", m, "--markdown").all());
    Cli.Result saved = cli.sandbox("plan", "-f", m, "--out", planFile, "--debug");
    assertThat(saved.code()).isZero();
    seen.add(saved.all());
    String planText = Files.readString(Path.of(planFile));
    seen.add(planText);
    assertThat(planText).contains("${env:LC_WEBHOOK_SECRET}");
    Cli.Result applied = cli.sandbox("apply", planFile, "-f", m, "--auto-approve", "--debug");
    assertThat(applied.code()).as(applied.toString()).isZero();
    seen.add(applied.all());
    assertThat(applied.err()).contains("debug: ").contains("register_webhook");

    // A change replaces both webhooks: the plan shows the replace, never the secret.
    String changed = cli.write("hooks.yaml", HOOKS.replace("DESC", "second"));
    Cli.Result replacePlan = cli.sandbox("plan", "-f", changed);
    assertThat(replacePlan.out()).contains("-/+ webhooks/").contains("2 to replace");
    seen.add(replacePlan.all());
    seen.add(cli.sandbox("plan", "-f", changed, "--json").all());
    seen.add(cli.sandbox("plan", "-f", changed, "--markdown").all());
    Cli.Result json = cli.sandbox("apply", "-f", changed, "--auto-approve", "--json", "--debug");
    assertThat(json.code()).as(json.toString()).isZero();
    seen.add(json.all());

    // A failing register reports without secrets: three webhooks registered by hand a moment
    // before (with the literal secret), not listed yet, take the slot the plan saw free.
    try (LaggingAccount a = LaggingAccount.start(tmp)) {
      a.fillIncomingChatSlotByHand(LITERAL);
      Cli.Result failed =
          a.apply(cli, "-f", cli.write("full.yaml", HOOKS.replace("DESC", "second")), "--debug");
      assertThat(failed.code()).as(failed.toString()).isEqualTo(1);
      assertThat(failed.out()).contains("[limit_reached]");
      seen.add(failed.all());
    }

    for (String text : seen) {
      assertThat(text).doesNotContain(Cli.SECRET).doesNotContain(LITERAL);
    }
  }
}
