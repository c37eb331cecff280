package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project file: what it names per account, and every mistake reported by its key path. */
class ProjectFileTest {
  static final String VALID =
      """
      # the accounts of this repository
      accounts:
        staging:
          credentials: {account_id: STAGING_LC_ACCOUNT_ID, pat: STAGING_LC_PAT}
          region: dal
          api_version: "3.5"
          manifests: [base, staging]
          variables: {max_chats: 4, vip: true, greeting: Hi}
        production:
          credentials: {access_token: PROD_LC_TOKEN}
          region: fra
          manifests: base
      """;

  @TempDir Path tmp;

  Path write(String text) throws Exception {
    return Files.writeString(tmp.resolve("chatform.yaml"), text);
  }

  @Test
  void readsEveryAccountsSettings() throws Exception {
    ProjectFile p = ProjectFile.read(write(VALID));
    assertThat(p.sortedAccounts())
        .extracting(ProjectAccount::name)
        .containsExactly("production", "staging");
    ProjectAccount s = p.account("staging");
    assertThat(s.credentialVars())
        .isEqualTo(Map.of("account_id", "STAGING_LC_ACCOUNT_ID", "pat", "STAGING_LC_PAT"));
    assertThat(s.region()).contains("dal");
    assertThat(s.apiVersion()).contains("3.5");
    assertThat(s.manifests()).containsExactly("base", "staging");
    assertThat(s.variables()).containsEntry("max_chats", 4).containsEntry("vip", true);
    assertThat(p.account("production").manifests()).containsExactly("base");
    assertThat(p.account("production").apiVersion()).isEmpty();
  }

  @Test
  void everyProblemIsNamedByItsKeyPath() throws Exception {
    Path f =
        write(
            """
            accounts:
              Staging!:
                manifests: [a]
              prod:
                credentials: {pat: "lc_pat_0123456789abcdef"}
                region: ams
                api_version: "3.4"
                variables: {list: [1, 2]}
                colour: blue
            extra: 1
            """);
    assertThatThrownBy(() -> ProjectFile.read(f))
        .isInstanceOf(UserException.class)
        .hasMessageContaining("is invalid (9 problems)")
        .hasMessageContaining("extra: unknown key")
        .hasMessageContaining("accounts.prod.colour: unknown key")
        .hasMessageContaining("accounts.Staging!: account names are lower-case")
        .hasMessageContaining("accounts.prod.credentials.pat: the name of an environment variable")
        .hasMessageContaining("accounts.prod.credentials: pat and account_id go together")
        .hasMessageContaining("accounts.prod.region: dal or fra, not ams")
        .hasMessageContaining("accounts.prod.api_version: 3.6, 3.5 or 3.7 (quoted), not 3.4")
        .hasMessageContaining("accounts.prod.manifests: required")
        .hasMessageContaining("accounts.prod.variables.list: a string, number or boolean")
        .hasMessageNotContaining("lc_pat_0123456789abcdef");
  }

  @Test
  void anAccountMayPinTheDeveloperPreviewAsTheFlagAndTheEnvironmentMay() throws Exception {
    ProjectFile p =
        ProjectFile.read(write(VALID.replace("api_version: \"3.5\"", "api_version: \"3.7\"")));
    assertThat(p.account("staging").apiVersion()).contains("3.7");
  }

  @Test
  void aManifestNamedChatformYamlIsNoProjectFile() throws Exception {
    write("version: 1\ngroups:\n  - {name: Support}\n");
    assertThat(ProjectFile.find(Optional.empty(), tmp)).isEmpty();
    write(VALID);
    assertThat(ProjectFile.find(Optional.empty(), tmp)).isPresent();
    assertThatThrownBy(() -> ProjectFile.find(Optional.of(tmp.resolve("nope.yaml")), tmp))
        .hasMessageContaining("nope.yaml: no such file");
  }

  @Test
  void anUnknownAccountListsTheKnownOnes() throws Exception {
    ProjectFile p = ProjectFile.read(write(VALID));
    assertThatThrownBy(() -> p.account("qa"))
        .hasMessageContaining("no account 'qa'")
        .hasMessageContaining("its accounts are: production, staging");
    assertThat(List.copyOf(p.accounts().keySet())).hasSize(2);
  }

  @Test
  void projectWideVariablesAreDefaultsUnderEachAccountsOwn() throws Exception {
    ProjectFile p =
        ProjectFile.read(
            write(
                """
                variables: {max_chats: 2, region_name: EU}
                accounts:
                  staging: {manifests: base}
                  production: {manifests: base, variables: {max_chats: 6}}
                """));
    assertThat(p.account("staging").variables())
        .isEqualTo(Map.of("max_chats", 2, "region_name", "EU"));
    assertThat(p.account("production").variables())
        .isEqualTo(Map.of("max_chats", 6, "region_name", "EU"));
  }

  @Test
  void aVariableNeverHoldsASecretReferenceOrABadName() throws Exception {
    Path f =
        write(
            """
            variables: {token: "${env:LIVECHAT_PAT}"}
            accounts:
              staging: {manifests: base, variables: {1st: x}}
            """);
    assertThatThrownBy(() -> ProjectFile.read(f))
        .hasMessageContaining(
            "variables.token: a variable's value is plain text, never a reference")
        .hasMessageContaining("accounts.staging.variables.1st: a variable name is letters");
  }
}
