package io.chatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** A plain-http client never sets up TLS (start-up cost); an https one always verifies. */
class HttpClientsTest {
  private static OkHttpClient client(String url) {
    return HttpClients.build(
        ClientConfig.builder(FakeServer.PAT).apiUrl(url).build(), new Redactor());
  }

  @Test
  void loopbackHttpIsCleartextOnly() {
    assertThat(client("http://127.0.0.1:8080").connectionSpecs())
        .containsExactly(ConnectionSpec.CLEARTEXT);
  }

  @Test
  void httpsKeepsTls() {
    OkHttpClient c = client("https://api.livechatinc.com");
    assertThat(c.connectionSpecs()).anyMatch(ConnectionSpec::isTls);
    assertThat(c.sslSocketFactory()).isNotNull();
  }
}
