package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --account NAME: what it adds, and that flags beat CHATFORM_* which beat the project file. */
class AccountArgsTest {
  @TempDir Path tmp;
  Path project;

  @BeforeEach
  void setUp() throws Exception {
    project = Files.writeString(tmp.resolve("chatform.yaml"), ProjectFileTest.VALID);
  }

  static final Map<String, String> CREDS =
      Map.of("STAGING_LC_ACCOUNT_ID", "acc-1", "STAGING_LC_PAT", "pat-1");

  List<String> args(Map<String, String> env, String... args) {
    return List.of(AccountArgs.expand(args, env, tmp).args());
  }

  @Test
  void theAccountGivesManifestsRegionAndVersion() {
    assertThat(args(CREDS, "plan", "--account", "staging", "--out", "p.json"))
        .containsExactly(
            "plan",
            "--out",
            "p.json",
            "-f",
            "base",
            "-f",
            "staging",
            "--region",
            "dal",
            "--api-version",
            "3.5");
    assertThat(args(Map.of(), "export", "--account=production", "--sandbox"))
        .containsExactly("export", "--sandbox", "--region", "fra");
  }

  @Test
  void offlineCommandsTakeTheAccountsManifestsWithoutItsCredentials() {
    for (String command : List.of("test", "report", "route")) {
      assertThat(args(Map.of(), command, "--account", "staging"))
          .as(command)
          .containsSequence("-f", "base", "-f", "staging");
    }
    assertThatThrownBy(() -> args(Map.of(), "route", "--account", "staging", "--live"))
        .hasMessageContaining("STAGING_LC_ACCOUNT_ID")
        .hasMessageContaining("STAGING_LC_PAT");
  }

  @Test
  void flagsBeatTheEnvironmentWhichBeatsTheProjectFile() {
    Map<String, String> env = new java.util.HashMap<>(CREDS);
    env.putAll(Map.of("CHATFORM_REGION", "fra", "CHATFORM_API_VERSION", "3.6"));
    assertThat(args(env, "drift", "--account", "staging", "--region", "dal", "-f", "x.yaml"))
        .containsExactly("drift", "--region", "dal", "-f", "x.yaml", "--api-version", "3.6");
    assertThat(args(env, "validate", "-f", "m"))
        .containsExactly("validate", "-f", "m", "--region", "fra", "--api-version", "3.6");
  }

  @Test
  void credentialsComeFromTheVariablesTheAccountNames() {
    Map<String, String> env =
        Map.of(
            "STAGING_LC_ACCOUNT_ID", "acc-1",
            "STAGING_LC_PAT", "pat-1",
            "LIVECHAT_ACCESS_TOKEN", "someone-elses-token");
    Map<String, String> out =
        AccountArgs.expand(new String[] {"plan", "--account", "staging"}, env, tmp).env();
    assertThat(out)
        .containsEntry("LIVECHAT_ACCOUNT_ID", "acc-1")
        .containsEntry("LIVECHAT_PAT", "pat-1")
        .doesNotContainKey("LIVECHAT_ACCESS_TOKEN");
  }

  @Test
  void aMissingCredentialVariableIsNamedExceptWhereNoneIsNeeded() {
    assertThatThrownBy(() -> args(Map.of(), "apply", "--account", "production"))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("account production: the environment variable PROD_LC_TOKEN")
        .hasMessageContaining("credentials.access_token");
    assertThat(args(Map.of(), "validate", "--account", "production")).contains("-f", "base");
    assertThat(args(Map.of(), "plan", "--account", "production", "--sandbox"))
        .contains("--sandbox");
  }

  @Test
  void otherCommandsAndPlainRunsAreLeftAlone() {
    assertThat(args(Map.of(), "accounts", "--json")).containsExactly("accounts", "--json");
    assertThat(args(Map.of(), "plan", "-f", "m")).containsExactly("plan", "-f", "m");
    assertThatThrownBy(() -> args(Map.of(), "plan", "--account", "qa"))
        .hasMessageContaining("no account 'qa'");
    assertThatThrownBy(
            () ->
                AccountArgs.expand(
                    new String[] {"plan", "--account", "x"}, Map.of(), tmp.resolve("empty")))
        .hasMessageContaining("--account needs a project file");
  }
}
