package io.chatform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatform.emulator.Emulator;
import io.chatform.emulator.EmulatorConfig;
import io.chatform.kinds.GroupKind;
import io.chatform.model.ApiVersion;
import io.chatform.model.UserFacingException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** TLS with {@code --ca-cert}, region redirects and credential errors, over real sockets. */
class ClientTransportIT {
  private static EmulatorConfig tls() {
    return EmulatorConfig.defaults().withTls(EmulatorConfig.Tls.devCertificate());
  }

  @Test
  void tlsEmulatorIsTrustedWithTheBundledPemAsCaCert() throws Exception {
    try (Emulator e = EmulatorFixture.start(tls());
        LiveChatClient c =
            LiveChatClient.create(
                EmulatorFixture.config(e, ApiVersion.V3_6)
                    .caCert(Optional.of(EmulatorFixture.DEV_PEM))
                    .build())) {
      assertThat(e.baseUrl()).startsWith("https://127.0.0.1:");
      long id =
          GroupKind.createGroup(
              c, EmulatorFixture.obj("{\"name\":\"Tls\",\"agent_priorities\":{}}"));
      assertThat(c.listGroups(List.of())).extracting(g -> g.path("id").asLong()).contains(id);
    }
  }

  @Test
  void tlsEmulatorWithoutCaCertFailsWithOneClearMessage() throws Exception {
    try (Emulator e = EmulatorFixture.start(tls());
        LiveChatClient c =
            LiveChatClient.create(EmulatorFixture.config(e, ApiVersion.V3_6).build())) {
      assertThatThrownBy(() -> c.listGroups(List.of()))
          .isInstanceOfSatisfying(
              LiveChatException.class,
              x -> {
                assertThat(x.type()).isEqualTo(ErrorType.TRANSPORT);
                assertThat(x.getMessage())
                    .contains("list_groups")
                    .contains("TLS")
                    .contains(e.baseUrl())
                    .contains("not signed by a trusted CA")
                    .contains("--ca-cert")
                    .doesNotContain("Exception")
                    .doesNotContain("\n");
              });
      // a TLS failure is not retried: one attempt reached the server's handshake, no API call
      assertThat(e.stats().path("total").asInt()).isZero();
    }
  }

  @Test
  void misdirectedRequestSwitchesRegionAndKeepsIt() throws Exception {
    try (Emulator e = EmulatorFixture.start(EmulatorConfig.defaults().withRegion("fra"));
        LiveChatClient c =
            LiveChatClient.create(
                EmulatorFixture.config(e, ApiVersion.V3_6).region(Optional.of("dal")).build())) {
      assertThat(c.currentRegion()).hasValue("dal");
      assertThat(c.listGroups(List.of())).hasSize(1);
      assertThat(c.currentRegion()).hasValue("fra");
      long id =
          GroupKind.createGroup(c, EmulatorFixture.obj("{\"name\":\"R\",\"agent_priorities\":{}}"));
      GroupKind.deleteGroup(c, id);
      assertThat(c.listGroups(List.of())).hasSize(1);
      assertThat(c.currentRegion()).hasValue("fra");
      // only the very first call was misdirected
      assertThat(e.stats().at("/errors/misdirected_request").asInt()).isEqualTo(1);
      assertThat(e.stats().at("/calls/create_group").asInt()).isEqualTo(1);
    }
  }

  @Test
  void wrongCredentialsGiveOneClearLineWithoutTheSecret() throws Exception {
    String wrongPat = "wrong-pat-7f3a9c1e";
    try (Emulator e = EmulatorFixture.start(EmulatorConfig.defaults());
        LiveChatClient c =
            LiveChatClient.create(
                EmulatorFixture.config(
                        e,
                        ApiVersion.V3_6,
                        new Credentials.Pat(EmulatorConfig.SANDBOX_ACCOUNT_ID, Secret.of(wrongPat)))
                    .build())) {
      assertThatThrownBy(() -> c.listGroups(List.of()))
          .isInstanceOfSatisfying(
              LiveChatException.class,
              x -> {
                assertThat(x.type()).isEqualTo(ErrorType.AUTHENTICATION);
                assertThat(x).isInstanceOf(UserFacingException.class);
                assertThat(x.getMessage())
                    .startsWith("LiveChat API list_groups failed: authentication")
                    .contains("LIVECHAT_PAT")
                    .doesNotContain(wrongPat)
                    .doesNotContain("\n")
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
                assertThat(x.getCause()).isNull();
              });
      assertThat(e.stats().at("/calls/list_groups").asInt()).as("not retried").isEqualTo(1);
    }
  }
}
