package io.chatform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS is always verified; {@code caCert} adds the bundled dev CA and nothing else. */
class TlsTest {
  private static final String RES = "/io/chatform/emulator/";
  private final MockWebServer server = new MockWebServer();
  private final FakeLiveChat fake = new FakeLiveChat();

  @BeforeEach
  void start() throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = TlsTest.class.getResourceAsStream(RES + "dev-localhost.p12")) {
      ks.load(in, "chatform-dev".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, "chatform-dev".toCharArray());
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    server.useHttps(ctx.getSocketFactory());
    server.setDispatcher(fake);
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Path pem() throws Exception {
    return Path.of(TlsTest.class.getResource(RES + "dev-localhost.pem").toURI());
  }

  private ClientConfig.Builder config() {
    return ClientConfig.builder(FakeServer.PAT)
        .apiUrl("https://127.0.0.1:" + server.getPort())
        .retry(FakeServer.fastRetry(3))
        .timing(new FakeTiming())
        .callTimeout(Duration.ofSeconds(10));
  }

  @Test
  void trustedWithTheDevCaCert() throws Exception {
    try (LiveChatClient c = LiveChatClient.create(config().caCert(Optional.of(pem())).build())) {
      assertThat(c.listGroups(List.of())).isEmpty();
    }
    assertThat(fake.count("list_groups")).isEqualTo(1);
  }

  @Test
  void rejectedWithoutItAndNotRetried() {
    try (LiveChatClient c = LiveChatClient.create(config().build())) {
      LiveChatException e =
          catchThrowableOfType(LiveChatException.class, () -> c.listGroups(List.of()));
      assertThat(e.type()).isEqualTo(ErrorType.TRANSPORT);
      assertThat(e.getMessage()).contains("not trusted").contains("--ca-cert");
    }
    assertThat(fake.received).isEmpty();
  }

  @Test
  void unreadableCaCertIsAClearError(@TempDir Path dir) throws Exception {
    Path bad = Files.writeString(dir.resolve("bad.pem"), "not a certificate");
    // A user's mistake, not an unexpected error: shown without the "unexpected" label.
    io.chatform.model.UserFacingException e =
        catchThrowableOfType(
            io.chatform.model.UserFacingException.class,
            () -> LiveChatClient.create(config().caCert(Optional.of(bad)).build()));
    assertThat(e.getMessage()).contains("--ca-cert").contains("bad.pem");
  }
}
