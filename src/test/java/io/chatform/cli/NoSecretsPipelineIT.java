package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pull requests from forks have no secrets: validate checks references for shape only, and plan
 * needs a secret only when the plan sends it (a webhook created or replaced).
 */
class NoSecretsPipelineIT {
  @TempDir Path tmp;

  static final String HOOK =
      """
      version: 1
      webhooks:
        - owner_client_id: CID
          type: license
          action: incoming_chat
          url: https://hooks.x.example/pr
          secret_key: ${env:LC_WEBHOOK_SECRET}
      """;

  @Test
  void validateNeedsNoSecretUnlessAskedToResolve() {
    Cli cli = new Cli(tmp);
    cli.env.remove("LC_WEBHOOK_SECRET");
    String m = cli.write("m.yaml", HOOK);
    Cli.Result offline = cli.run("validate", "-f", m);
    assertThat(offline.code()).as(offline.toString()).isZero();
    assertThat(offline.out()).contains("Valid: 1 file, 1 object.");
    Cli.Result resolved = cli.run("validate", "--resolve", "-f", m);
    assertThat(resolved.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(resolved.err())
        .contains(
            m
                + ":7:17: webhooks[0].secret_key: environment variable LC_WEBHOOK_SECRET is not set"
                + " (referenced as ${env:LC_WEBHOOK_SECRET})");
  }

  @Test
  void validateStillChecksTheShapeOfReferences() {
    Cli cli = new Cli(tmp);
    String m = cli.write("m.yaml", HOOK.replace("${env:LC_WEBHOOK_SECRET}", "\"${env:BAD-NAME}\""));
    Cli.Result r = cli.run("validate", "-f", m);
    assertThat(r.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.err()).contains("'${env:BAD-NAME}' is not a valid environment variable name");
  }

  @Test
  void anEmptyVariableIsNamed() {
    Cli cli = new Cli(tmp);
    cli.env.put("LC_WEBHOOK_SECRET", "");
    String m = cli.write("m.yaml", HOOK);
    Cli.Result r = cli.run("validate", "--resolve", "-f", m);
    assertThat(r.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(r.err())
        .contains(
            "webhooks[0].secret_key: ${env:LC_WEBHOOK_SECRET} is set but empty (give"
                + " LC_WEBHOOK_SECRET a value, or unset it)");
  }

  @Test
  void planNeedsTheSecretOnlyWhenItSendsIt() {
    Cli cli = new Cli(tmp);
    String m = cli.write("m.yaml", HOOK);
    // No secret, and the webhook does not exist yet: the plan would send it, so it says which.
    cli.env.remove("LC_WEBHOOK_SECRET");
    Cli.Result refused = cli.sandbox("plan", "-f", m);
    assertThat(refused.code()).as(refused.toString()).isEqualTo(ExitCodes.ERROR);
    assertThat(refused.all())
        .contains("environment variable LC_WEBHOOK_SECRET is not set")
        .contains("needed because the plan creates webhooks/")
        .contains(":7:17: webhooks[0].secret_key");
    // With the secret, apply creates it.
    cli.env.put("LC_WEBHOOK_SECRET", Cli.SECRET);
    Cli.Result applied = cli.sandbox("apply", "-f", m, "--auto-approve");
    assertThat(applied.code()).as(applied.toString()).isZero();
    // Without it again (a pull request from a fork): nothing is sent, so plan and drift work.
    cli.env.remove("LC_WEBHOOK_SECRET");
    Cli.Result quiet = cli.sandbox("plan", "-f", m, "--detailed-exitcode");
    assertThat(quiet.code()).as(quiet.toString()).isZero();
    assertThat(quiet.out()).contains("No changes.");
    assertThat(cli.sandbox("drift", "-f", m).code()).isZero();
    // Other changes apply without the secret too: nothing sends it.
    String more = cli.write("m.yaml", HOOK + "groups:\n  - name: From a fork\n");
    Cli.Result other = cli.sandbox("apply", "-f", more, "--auto-approve");
    assertThat(other.code()).as(other.toString()).isZero();
    assertThat(other.out()).contains("groups/From a fork");
    m = cli.write("m.yaml", HOOK);
    // A changed description replaces the webhook: that sends the secret again.
    String changed = cli.write("m.yaml", HOOK + "    description: new\n");
    Cli.Result replace = cli.sandbox("plan", "-f", changed);
    assertThat(replace.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(replace.all()).contains("needed because the plan replaces webhooks/");
    assertThat(replace.all()).doesNotContain(Cli.SECRET);
  }
}
