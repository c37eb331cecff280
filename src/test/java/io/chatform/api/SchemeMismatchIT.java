package io.chatform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.chatform.emulator.Emulator;
import io.chatform.emulator.EmulatorConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code https://} against the plain emulator and {@code http://} against the TLS one fail at once
 * with the URL to use (the generous timeouts bound a hang; no timing is asserted).
 */
class SchemeMismatchIT {
  private static String failure(String url) {
    try (LiveChatClient c =
        LiveChatClient.create(
            ClientConfig.builder(
                    new Credentials.Pat(
                        EmulatorConfig.SANDBOX_ACCOUNT_ID, Secret.of(EmulatorConfig.SANDBOX_PAT)))
                .apiUrl(url)
                .callTimeout(Duration.ofSeconds(60))
                .build())) {
      LiveChatException e =
          catchThrowableOfType(LiveChatException.class, () -> c.listGroups(List.of()));
      assertThat(e).isNotNull();
      assertThat(e.type()).isEqualTo(ErrorType.TRANSPORT);
      assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception");
      return e.getMessage();
    }
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void httpsAgainstAPlainHttpPortSaysToUseHttp() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      String plain = e.baseUrl();
      assertThat(plain).startsWith("http://");
      String https = plain.replace("http://", "https://");
      assertThat(failure(https))
          .contains("does not speak TLS")
          .contains("use " + plain)
          .contains("--tls");
    }
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.SECONDS)
  void httpAgainstATlsPortSaysToUseHttps() throws Exception {
    try (Emulator e =
        Emulator.start(EmulatorConfig.defaults().withTls(EmulatorConfig.Tls.devCertificate()))) {
      String tls = e.baseUrl();
      assertThat(tls).startsWith("https://");
      String http = tls.replace("https://", "http://");
      assertThat(failure(http)).contains("speaks TLS, not plain HTTP").contains("use " + tls);
    }
  }
}
