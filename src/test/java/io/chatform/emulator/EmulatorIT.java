package io.chatform.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatform.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emulator over real HTTP(S): statuses, headers, faults, TLS, persistence. */
class EmulatorIT {
  @TempDir Path tmp;

  @Test
  void legacyVersionsCarryALifecycleHeader() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      TestClient c = new TestClient(e);
      assertThat(c.call("list_groups", "{}").raw().headers().firstValue("Legacy")).isEmpty();
      assertThat(c.call("list_groups", "{}").raw().headers().firstValue("Deprecation")).isEmpty();
      // 3.5 is legacy, 3.4 deprecated: each carries its own header, not the other.
      var v35 = c.version("v3.5").call("list_groups", "{}").raw().headers();
      assertThat(v35.firstValue("Legacy"))
          .hasValueSatisfying(d -> assertThat(d).matches("\\d{4}-\\d{2}-\\d{2}"));
      assertThat(v35.firstValue("Deprecation")).isEmpty();
      var v34 = c.version("v3.4").call("list_groups", "{}").raw().headers();
      assertThat(v34.firstValue("Deprecation"))
          .hasValueSatisfying(d -> assertThat(d).matches("\\d{4}-\\d{2}-\\d{2}"));
      assertThat(v34.firstValue("Legacy")).isEmpty();
    }
  }

  @Test
  void apiOverHttpWithStatusesPerErrorType() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      assertThat(e.baseUrl()).isEqualTo("http://127.0.0.1:" + e.port());
      TestClient c = new TestClient(e);
      long g =
          c.ok("create_group", "{\"name\":\"Sales\",\"agent_priorities\":{}}").get("id").asLong();
      c.ok(
          "create_agent",
          "{\"id\":\"a@x.io\",\"name\":\"A\",\"groups\":[{\"id\":"
              + g
              + ",\"priority\":\"normal\"}]}");
      assertThat(c.call("create_agent", "{\"id\":\"a@x.io\",\"name\":\"A\"}").status())
          .isEqualTo(409);
      assertThat(c.call("get_agent", "{\"id\":\"b@x.io\"}").status()).isEqualTo(404);
      assertThat(
              c.call(
                      "create_agent",
                      "{\"id\":\"b@x.io\",\"name\":\"B\",\"groups\":[{\"id\":9,\"priority\":\"normal\"}]}")
                  .errorType())
          .isEqualTo("group_not_found");
      assertThat(
              c.call("delete_agent", "{\"id\":\"" + EmulatorConfig.SANDBOX_OWNER + "\"}").status())
          .isEqualTo(403);
      assertThat(c.call("create_group", "{}").status()).isEqualTo(400);
      assertThat(c.call("create_group", "[1]").errorType()).isEqualTo("validation");
      TestClient v = new TestClient(e).version("v3.9");
      assertThat(v.call("list_groups", "{}").errorType()).isEqualTo("unsupported_version");
      TestClient pat = new TestClient(e);
      pat.auth = TestClient.BASIC;
      assertThat(pat.ok("list_bots", "{}")).isEmpty();
      pat.auth = "Basic Zm9vOmJhcg==";
      assertThat(pat.call("list_bots", "{}").status()).isEqualTo(401);
      var region =
          c.send(
              HttpRequest.newBuilder(
                      URI.create(e.baseUrl() + "/v3.6/configuration/action/list_groups"))
                  .header("X-Region", "fra")
                  .POST(HttpRequest.BodyPublishers.ofString("{}")));
      assertThat(region.status()).isEqualTo(421);
      assertThat(region.body().at("/error/data/region").asText()).isEqualTo("dal");
      var stats = c.raw("GET", "/__emulator/stats", null).body();
      assertThat(stats.at("/calls/create_agent").asLong()).isEqualTo(3);
      assertThat(stats.at("/errors/authentication").asLong()).isEqualTo(1);
      c.raw("DELETE", "/__emulator/stats", null);
      assertThat(e.stats().get("total").asLong()).isZero();
    }
  }

  @Test
  void rateLimitAnswers429WithRetryAfter() throws Exception {
    var cfg = EmulatorConfig.defaults().withFaults(FaultConfig.none().withRateLimit(1));
    try (Emulator e = Emulator.start(cfg)) {
      TestClient c = new TestClient(e);
      TestClient.Reply last = null;
      for (int i = 0; i < 3; i++) {
        last = c.call("list_groups", "{}");
      }
      assertThat(last.status()).isEqualTo(429);
      assertThat(last.errorType()).isEqualTo("too_many_requests");
      assertThat(last.raw().headers().firstValue("Retry-After")).hasValue("1");
    }
  }

  @Test
  void failRateAndLatency() throws Exception {
    var cfg =
        EmulatorConfig.defaults()
            .withFaults(FaultConfig.none().withSeed(3).withFailRate(1).withLatency(20, 5));
    try (Emulator e = Emulator.start(cfg)) {
      long t0 = System.nanoTime();
      TestClient.Reply r =
          new TestClient(e).call("create_group", "{\"name\":\"X\",\"agent_priorities\":{}}");
      assertThat(System.nanoTime() - t0).isGreaterThanOrEqualTo(20_000_000L); // a lower bound only
      assertThat(r.status()).isIn(500, 503);
      assertThat(e.state().at("/groups/groups")).hasSize(1);
    }
  }

  @Test
  void resetAfterWriteSurfacesAsIoErrorButTheWriteIsApplied() throws Exception {
    var cfg = EmulatorConfig.defaults().withFaults(FaultConfig.none().withResetAfterWriteRate(1));
    try (Emulator e = Emulator.start(cfg)) {
      TestClient c = new TestClient(e);
      assertThatThrownBy(() -> c.call("create_group", "{\"name\":\"X\",\"agent_priorities\":{}}"))
          .isInstanceOf(UncheckedIOException.class);
      assertThat(c.ok("list_groups", "{}")).hasSize(2);
    }
  }

  @Test
  void tlsWithTheBundledDevCertificate() throws Exception {
    try (Emulator e =
        Emulator.start(EmulatorConfig.defaults().withTls(EmulatorConfig.Tls.devCertificate()))) {
      assertThat(e.baseUrl()).startsWith("https://127.0.0.1:");
      KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
      trust.load(null, null);
      try (var pem = Emulator.class.getResourceAsStream("dev-localhost.pem")) {
        byte[] bytes = pem.readAllBytes();
        trust.setCertificateEntry(
            "dev",
            CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(bytes)));
      }
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(null, tmf.getTrustManagers(), null);
      TestClient c = new TestClient(e, HttpClient.newBuilder().sslContext(ctx).build());
      assertThat(c.ok("list_groups", "{}")).hasSize(1);
      // a client that does not trust the dev certificate fails
      assertThatThrownBy(() -> new TestClient(e).call("list_groups", "{}"))
          .isInstanceOf(UncheckedIOException.class);
    }
  }

  @Test
  void statePersistsAtomicallyAndReloads() throws Exception {
    Path file = tmp.resolve("state/account.json");
    var cfg = EmulatorConfig.defaults().withStatePath(file);
    String bot;
    try (Emulator e = Emulator.start(cfg)) {
      TestClient c = new TestClient(e);
      c.ok("create_group", "{\"name\":\"Kept\",\"agent_priorities\":{}}");
      bot =
          c.ok("create_bot", "{\"name\":\"Bot\",\"groups\":[{\"id\":1,\"priority\":\"first\"}]}")
              .get("id")
              .asText();
      assertThat(Files.readString(file)).contains("Kept");
    }
    try (var files = Files.list(file.getParent())) {
      assertThat(files.filter(p -> p.toString().endsWith(".tmp"))).isEmpty(); // no temp files left
    }
    try (Emulator e = Emulator.start(cfg)) {
      TestClient c = new TestClient(e);
      assertThat(
              c.ok("get_group", "{\"id\":1,\"fields\":[\"agent_priorities\"]}")
                  .at("/agent_priorities/" + bot)
                  .asText())
          .isEqualTo("first");
      assertThat(
              c.ok("create_group", "{\"name\":\"Next\",\"agent_priorities\":{}}")
                  .get("id")
                  .asLong())
          .isEqualTo(2);
      // GET/PUT state round trip through the admin endpoints
      var doc = c.raw("GET", "/__emulator/state", null).body();
      Path seed = tmp.resolve("seed.json");
      Files.writeString(seed, doc.toString());
      c.ok("delete_group", "{\"id\":2}");
      assertThat(c.raw("PUT", "/__emulator/state", doc.toString()).status()).isEqualTo(200);
      assertThat(c.ok("list_groups", "{}")).hasSize(3);
      assertThat(c.raw("PUT", "/__emulator/state", "[]").status()).isEqualTo(400);
      try (Emulator seeded = Emulator.start(EmulatorConfig.defaults().withSeedPath(seed))) {
        assertThat(new TestClient(seeded).ok("list_groups", "{}")).hasSize(3);
      }
    }
  }

  @Test
  void cliRejectsBadOptionsWithOneLine() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out, true), new PrintWriter(err, true), "emulator", "--region", "mars");
    assertThat(code).isEqualTo(1);
    assertThat(err.toString()).contains("region").doesNotContain("Exception");
  }
}
