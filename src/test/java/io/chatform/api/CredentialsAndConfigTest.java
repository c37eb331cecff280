package io.chatform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatform.model.ApiVersion;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CredentialsAndConfigTest {
  @Test
  void patFromEnvironmentGivesBasicAuth() {
    Credentials c =
        Credentials.fromEnvironment(Map.of("LIVECHAT_ACCOUNT_ID", "acc", "LIVECHAT_PAT", "p4t"));
    assertThat(c).isInstanceOf(Credentials.Pat.class);
    String expected =
        "Basic " + Base64.getEncoder().encodeToString("acc:p4t".getBytes(StandardCharsets.UTF_8));
    assertThat(c.authorizationHeader()).isEqualTo(expected);
    assertThat(c.toString()).doesNotContain("p4t").contains("(sensitive)");
  }

  @Test
  void tokenFromEnvironmentGivesBearerAuth() {
    Credentials c = Credentials.fromEnvironment(Map.of("LIVECHAT_ACCESS_TOKEN", "tok-1"));
    assertThat(c.authorizationHeader()).isEqualTo("Bearer tok-1");
    assertThat(c.toString()).doesNotContain("tok-1");
  }

  @Test
  void missingCredentialsNameTheVariables() {
    assertThatThrownBy(() -> Credentials.fromEnvironment(Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LIVECHAT_ACCOUNT_ID")
        .hasMessageContaining("LIVECHAT_PAT")
        .hasMessageContaining("LIVECHAT_ACCESS_TOKEN");
  }

  @Test
  void aCredentialAHeaderCannotCarryIsNamedNotShown() {
    assertThatThrownBy(
            () -> Credentials.fromEnvironment(Map.of("LIVECHAT_ACCESS_TOKEN", "tok-s3cr3t\nX")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("LIVECHAT_ACCESS_TOKEN holds a character an HTTP header cannot carry")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
    assertThatThrownBy(
            () ->
                Credentials.fromEnvironment(
                    Map.of("LIVECHAT_ACCOUNT_ID", "acc", "LIVECHAT_PAT", "p\tat")))
        .hasMessageContaining("LIVECHAT_PAT holds");
  }

  @Test
  void ambiguousCredentialsAreRefused() {
    assertThatThrownBy(
            () ->
                Credentials.fromEnvironment(
                    Map.of(
                        "LIVECHAT_ACCOUNT_ID",
                        "a",
                        "LIVECHAT_PAT",
                        "p",
                        "LIVECHAT_ACCESS_TOKEN",
                        "t")))
        .hasMessageStartingWith("ambiguous LiveChat credentials")
        .hasMessageNotContaining("\n");
  }

  @Test
  void accountIdWithoutPatIsRefused() {
    assertThatThrownBy(() -> Credentials.fromEnvironment(Map.of("LIVECHAT_ACCOUNT_ID", "a")))
        .hasMessageContaining("LIVECHAT_PAT is not");
    assertThatThrownBy(() -> Credentials.fromEnvironment(Map.of("LIVECHAT_PAT", "p")))
        .hasMessageContaining("LIVECHAT_ACCOUNT_ID is not");
  }

  @Test
  void version34IsRefusedWithAClearMessage() {
    assertThatThrownBy(() -> ClientConfig.parseVersion("3.4"))
        .hasMessage("--api-version 3.4 is not supported; use 3.6 (stable) or 3.5");
    assertThatThrownBy(() -> ClientConfig.parseVersion("9"))
        .hasMessageContaining("--api-version 9 is not supported");
    Credentials c = new Credentials.Bearer(Secret.of("t"));
    assertThatThrownBy(() -> ClientConfig.builder(c).version(ApiVersion.V3_4).build())
        .hasMessageContaining("3.4 is not supported");
    assertThat(ClientConfig.parseVersion("3.5")).isEqualTo(ApiVersion.V3_5);
  }

  @Test
  void defaultsAndValidation() {
    Credentials c = new Credentials.Bearer(Secret.of("t"));
    ClientConfig cfg = ClientConfig.builder(c).build();
    assertThat(cfg.apiUrl()).isEqualTo("https://api.livechatinc.com");
    assertThat(cfg.version()).isEqualTo(ApiVersion.V3_6);
    assertThat(cfg.maxRps()).isEqualTo(ClientConfig.DEFAULT_MAX_RPS).isEqualTo(250);
    assertThat(cfg.startRps()).isEqualTo(50);
    assertThat(ClientConfig.builder(c).maxRps(20).build().startRps()).isEqualTo(20);
    assertThat(cfg.parallelism()).isEqualTo(8);
    assertThat(cfg.batchSize()).isEqualTo(50);
    assertThat(ClientConfig.builder(c).region(Optional.of("FRA")).build().region()).contains("fra");
    assertThatThrownBy(() -> ClientConfig.builder(c).region(Optional.of("ams")).build())
        .hasMessageContaining("use dal or fra");
    assertThatThrownBy(() -> ClientConfig.builder(c).apiUrl("ftp://x").build())
        .hasMessageContaining("--api-url");
    assertThatThrownBy(() -> ClientConfig.builder(c).maxRps(0).build())
        .hasMessageContaining("--max-rps");
    assertThatThrownBy(() -> ClientConfig.builder(c).parallelism(0).build())
        .hasMessageContaining("--parallelism");
  }

  @Test
  void secretNeverPrintsItself() {
    Secret s = Secret.of("hunter2");
    assertThat(s.toString()).isEqualTo("(sensitive)");
    assertThat(new BotCreated("b", Optional.of(s)).toString()).doesNotContain("hunter2");
    assertThat(s.reveal()).isEqualTo("hunter2");
  }
}
