package io.chatform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.Test;

/**
 * Real handshakes against certificates that are expired, not yet valid, or for another host, all
 * issued by a test CA given with {@code --ca-cert}: each is reported as what it is, never as "not
 * signed by a trusted CA" with a {@code --ca-cert} hint.
 *
 * <p>{@code src/test/resources/tls/test-certs.p12} (password {@code chatform-test}) was made with
 * keytool: a CA ({@code ca}, 100 years) and leaves signed by it — {@code expired} (2000-01-01, 2
 * days), {@code future} (from 2090-01-01), {@code otherhost} (SAN other.example only); {@code
 * test-ca.pem} is the CA's certificate.
 */
class CertificateProblemsIT {
  private static final char[] PASSWORD = "chatform-test".toCharArray();

  private static MockWebServer serving(String alias) throws Exception {
    KeyStore all = KeyStore.getInstance("PKCS12");
    try (InputStream in = CertificateProblemsIT.class.getResourceAsStream("/tls/test-certs.p12")) {
      all.load(in, PASSWORD);
    }
    KeyStore one = KeyStore.getInstance("PKCS12");
    one.load(null, null);
    Key key = all.getKey(alias, PASSWORD);
    Certificate[] chain = all.getCertificateChain(alias);
    one.setKeyEntry(alias, key, PASSWORD, chain);
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(one, PASSWORD);
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    MockWebServer server = new MockWebServer();
    server.useHttps(ctx.getSocketFactory());
    server.setDispatcher(new FakeLiveChat());
    server.start(InetAddress.getByName("127.0.0.1"), 0);
    return server;
  }

  private static String failure(String alias) throws Exception {
    Path ca = Path.of(CertificateProblemsIT.class.getResource("/tls/test-ca.pem").toURI());
    try (MockWebServer server = serving(alias);
        LiveChatClient c =
            LiveChatClient.create(
                ClientConfig.builder(FakeServer.PAT)
                    .apiUrl("https://127.0.0.1:" + server.getPort())
                    .caCert(Optional.of(ca))
                    .retry(FakeServer.fastRetry(2))
                    .timing(new FakeTiming())
                    .callTimeout(Duration.ofSeconds(10))
                    .build())) {
      LiveChatException e =
          catchThrowableOfType(LiveChatException.class, () -> c.listGroups(List.of()));
      assertThat(e).as(alias).isNotNull();
      assertThat(e.type()).isEqualTo(ErrorType.TRANSPORT);
      assertThat(e.getMessage()).doesNotContain("\n").doesNotContain("Exception");
      return e.getMessage();
    }
  }

  @Test
  void expiredCertificate() throws Exception {
    assertThat(failure("expired"))
        .contains("list_groups")
        .contains("its certificate has expired")
        .doesNotContain("trusted CA")
        .doesNotContain("--ca-cert");
  }

  @Test
  void notYetValidCertificate() throws Exception {
    assertThat(failure("future"))
        .contains("its certificate is not valid yet")
        .doesNotContain("trusted CA");
  }

  @Test
  void certificateForAnotherHost() throws Exception {
    assertThat(failure("otherhost"))
        .contains("its certificate does not name this host")
        .doesNotContain("trusted CA");
  }
}
