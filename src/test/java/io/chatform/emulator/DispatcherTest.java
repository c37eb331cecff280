package io.chatform.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.emulator.ApiExchange.Request;
import io.chatform.emulator.ApiExchange.Response;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The service logic behind the socket: routing, auth, region, faults, stale reads. */
class DispatcherTest {
  private final AtomicLong clock = new AtomicLong(1_000_000_000L);

  private Dispatcher dispatcher(FaultConfig faults) {
    return new Dispatcher(EmulatorConfig.defaults().withFaults(faults), clock::get);
  }

  private static Response post(Dispatcher d, String path, String auth, String region, String body) {
    return d.handle(
        new Request(
            "POST",
            path,
            "",
            Optional.ofNullable(auth),
            Optional.ofNullable(region),
            body.getBytes(StandardCharsets.UTF_8)));
  }

  private static Response call(Dispatcher d, String method, String body) {
    return post(d, "/v3.6/configuration/action/" + method, TestClient.BEARER, null, body);
  }

  private static JsonNode json(Response r) throws Exception {
    return Params.JSON.readTree(r.body());
  }

  @Test
  void routingAndAuthErrors() throws Exception {
    Dispatcher d = dispatcher(FaultConfig.none());
    Response v = post(d, "/v3.3/configuration/action/list_groups", TestClient.BEARER, null, "{}");
    assertThat(v.status()).isEqualTo(400);
    assertThat(json(v).at("/error/type").asText()).isEqualTo("unsupported_version");
    Response m = call(d, "no_such_method", "{}");
    assertThat(m.status()).isEqualTo(404);
    assertThat(json(m).at("/error/type").asText()).isEqualTo("not_found");
    Response bad = call(d, "list_groups", "{not json");
    assertThat(json(bad).at("/error/type").asText()).isEqualTo("validation");
    Response none = post(d, "/v3.6/configuration/action/list_groups", null, null, "{}");
    assertThat(none.status()).isEqualTo(401);
    Response wrong = post(d, "/v3.6/configuration/action/list_groups", "Bearer nope", null, "{}");
    assertThat(json(wrong).at("/error/type").asText()).isEqualTo("authentication");
    Response basic =
        post(d, "/v3.6/configuration/action/list_groups", TestClient.BASIC, null, "{}");
    assertThat(basic.status()).isEqualTo(200);
    Response badPat =
        post(
            d,
            "/v3.6/configuration/action/list_groups",
            "Basic c2FuZGJveC1hY2NvdW50Onh4",
            null,
            "{}");
    assertThat(badPat.status()).isEqualTo(401);
    // list_webhook_names needs no credentials: never an authentication error
    Response names = post(d, "/v3.6/configuration/action/list_webhook_names", null, null, "{}");
    assertThat(json(names).at("/error/type").asText()).isNotEqualTo("authentication");
    assertThat(d.stats().errors("authentication")).isEqualTo(3);
    assertThat(d.stats().calls("list_groups")).isEqualTo(6);
  }

  @Test
  void wrongRegionIsMisdirectedWithTheRightRegion() throws Exception {
    Dispatcher d = dispatcher(FaultConfig.none());
    Response r = post(d, "/v3.6/configuration/action/list_groups", TestClient.BEARER, "fra", "{}");
    assertThat(r.status()).isEqualTo(421);
    assertThat(json(r).at("/error/type").asText()).isEqualTo("misdirected_request");
    assertThat(json(r).at("/error/data/region").asText()).isEqualTo("dal");
    assertThat(
            post(d, "/v3.6/configuration/action/list_groups", TestClient.BEARER, "dal", "{}")
                .status())
        .isEqualTo(200);
  }

  @Test
  void getWithQueryParametersBecomesTheBody() {
    var body = Dispatcher.queryBody("namespace=abc&id=5&name_prefix=a%20b");
    assertThat(body.get("id").isNumber()).isTrue();
    assertThat(body.get("namespace").asText()).isEqualTo("abc");
    assertThat(body.get("name_prefix").asText()).isEqualTo("a b");
    Dispatcher d = dispatcher(FaultConfig.none());
    Response r =
        d.handle(
            new Request(
                "GET",
                "/v3.6/configuration/action/list_groups",
                "",
                Optional.of(TestClient.BEARER),
                Optional.empty(),
                new byte[0]));
    assertThat(r.status()).isEqualTo(405);
  }

  @Test
  void rateLimitPerCredentialWithRetryAfter() throws Exception {
    Dispatcher d = dispatcher(FaultConfig.none().withRateLimit(2));
    assertThat(call(d, "list_groups", "{}").status()).isEqualTo(200);
    assertThat(call(d, "list_groups", "{}").status()).isEqualTo(200);
    Response limited = call(d, "list_groups", "{}");
    assertThat(limited.status()).isEqualTo(429);
    assertThat(limited.headers()).containsEntry("Retry-After", "1");
    assertThat(json(limited).at("/error/type").asText()).isEqualTo("too_many_requests");
    // another credential has its own bucket
    assertThat(
            post(d, "/v3.6/configuration/action/list_groups", TestClient.BASIC, null, "{}")
                .status())
        .isEqualTo(200);
    clock.addAndGet(600_000_000L); // 0.6 s refills one token at 2/s
    assertThat(call(d, "list_groups", "{}").status()).isEqualTo(200);
  }

  @Test
  void failRateAnswers5xxWithoutApplying() throws Exception {
    Dispatcher d = dispatcher(FaultConfig.none().withSeed(42).withFailRate(1.0));
    Response r = call(d, "create_group", "{\"name\":\"X\",\"agent_priorities\":{}}");
    assertThat(r.status()).isIn(500, 503);
    assertThat(json(r).at("/error/type").asText()).isEqualTo("internal");
    assertThat(d.state().at("/groups/groups")).hasSize(1); // only General
  }

  @Test
  void resetAfterWriteAppliesThenDrops() {
    Dispatcher d = dispatcher(FaultConfig.none().withSeed(1).withResetAfterWriteRate(1.0));
    Response r = call(d, "create_group", "{\"name\":\"X\",\"agent_priorities\":{}}");
    assertThat(r.drop()).isTrue();
    assertThat(d.state().at("/groups/groups")).hasSize(2);
    assertThat(call(d, "list_groups", "{}").drop()).isFalse(); // reads are never dropped
  }

  @Test
  void consistencyDelayHidesRecentWritesFromReads() throws Exception {
    Dispatcher d = dispatcher(FaultConfig.none().withConsistencyDelayMs(1000));
    assertThat(call(d, "create_group", "{\"name\":\"X\",\"agent_priorities\":{}}").status())
        .isEqualTo(200);
    assertThat(json(call(d, "list_groups", "{}"))).hasSize(1);
    assertThat(call(d, "get_group", "{\"id\":1}").status()).isEqualTo(404);
    clock.addAndGet(1_000_000_000L);
    assertThat(json(call(d, "list_groups", "{}"))).hasSize(2);
    // writes always see the live state
    assertThat(call(d, "update_group", "{\"id\":1,\"name\":\"Y\"}").status()).isEqualTo(200);
    assertThat(json(call(d, "get_group", "{\"id\":1}")).get("name").asText()).isEqualTo("X");
  }

  @Test
  void faultDecisionsAreReproducibleFromTheSeed() {
    FaultConfig f =
        FaultConfig.none()
            .withSeed(7)
            .withLatency(5, 10)
            .withFailRate(0.3)
            .withResetAfterWriteRate(0.3);
    Faults a = new Faults(f, clock::get);
    Faults b = new Faults(f, clock::get);
    int fails = 0;
    for (int i = 0; i < 200; i++) {
      Faults.Decision x = a.decide(i % 2 == 0);
      assertThat(b.decide(i % 2 == 0)).isEqualTo(x);
      assertThat(x.latencyMs()).isBetween(5L, 15L);
      fails += x.failStatus() != 0 ? 1 : 0;
      assertThat(x.resetAfterWrite() && (i % 2 != 0)).isFalse();
    }
    assertThat(fails).isBetween(30, 100);
  }
}
