package io.chatform.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.emulator.ApiExchange.Request;
import io.chatform.emulator.ApiExchange.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: batch items run in no guaranteed order (docs, "Batch requests": they run concurrently).
 * Through the dispatcher they run in an order drawn from the fault seed — different from the
 * request order, reproducible per seed — while the responses keep the request order.
 */
class BatchOrderTest {
  private static final int AGENTS = 8;

  private static JsonNode call(Dispatcher d, String method, String body) throws Exception {
    Response r =
        d.handle(
            new Request(
                "POST",
                "/v3.6/configuration/action/" + method,
                "",
                Optional.of(TestClient.BASIC),
                Optional.empty(),
                body.getBytes(StandardCharsets.UTF_8)));
    return Params.JSON.readTree(r.body());
  }

  /** Creates agents a0..a7 in one batch; returns the order the emulator created them in. */
  private static List<String> createdOrder(long seed) throws Exception {
    Dispatcher d =
        new Dispatcher(
            EmulatorConfig.defaults().withFaults(FaultConfig.none().withSeed(seed)), () -> 0L);
    StringBuilder requests = new StringBuilder();
    for (int i = 0; i < AGENTS; i++) {
      requests.append(i == 0 ? "" : ",").append("{\"id\":\"a" + i + "@x.example\",\"name\":\"A\"}");
    }
    JsonNode out = call(d, "batch_create_agents", "{\"requests\":[" + requests + "]}");
    assertThat(out.path("responses")).hasSize(AGENTS);
    out.path("responses").forEach(r -> assertThat(r.has("error")).as(r.toString()).isFalse());
    List<String> order = new ArrayList<>();
    for (JsonNode a : call(d, "list_agents", "{}")) {
      String id = a.path("id").asText();
      if (id.startsWith("a")) {
        order.add(id);
      }
    }
    assertThat(order).hasSize(AGENTS);
    return order;
  }

  @Test
  void itemsRunInASeededRandomOrderAndRepeatPerSeed() throws Exception {
    List<String> asSent = new ArrayList<>();
    for (int i = 0; i < AGENTS; i++) {
      asSent.add("a" + i + "@x.example");
    }
    Set<List<String>> seen = new HashSet<>();
    for (long seed = 0; seed < 5; seed++) {
      List<String> order = createdOrder(seed);
      assertThat(order).containsExactlyInAnyOrderElementsOf(asSent);
      assertThat(createdOrder(seed)).as("seed %d repeats", seed).isEqualTo(order);
      seen.add(order);
    }
    assertThat(seen).as("orders over 5 seeds").hasSizeGreaterThan(1);
    assertThat(seen).as("some seed runs out of request order").anyMatch(o -> !o.equals(asSent));
  }

  @Test
  void responsesKeepTheRequestOrderWhateverRanFirst() throws Exception {
    Dispatcher d =
        new Dispatcher(
            EmulatorConfig.defaults().withFaults(FaultConfig.none().withSeed(3)), () -> 0L);
    // The same id twice: exactly one wins (which one depends on the order), each answer sits at
    // its request's index.
    JsonNode out =
        call(
            d,
            "batch_create_agents",
            "{\"requests\":[{\"id\":\"d@x.example\",\"name\":\"One\"},"
                + "{\"id\":\"e@x.example\",\"name\":\"E\"},"
                + "{\"id\":\"d@x.example\",\"name\":\"Two\"}]}");
    JsonNode r = out.path("responses");
    assertThat(r.get(1).has("error")).isFalse();
    assertThat(r.get(0).has("error") ^ r.get(2).has("error")).as(r.toString()).isTrue();
    String winner = r.get(0).has("error") ? "Two" : "One";
    JsonNode agent = call(d, "get_agent", "{\"id\":\"d@x.example\"}");
    assertThat(agent.path("name").asText()).isEqualTo(winner);
  }

  @Test
  void asSentIsTheIdentityAndShuffledIsAPermutation() {
    assertThat(BatchOrder.AS_SENT.order(4)).containsExactly(0, 1, 2, 3);
    int[] p = BatchOrder.shuffled(new java.util.Random(1)).order(50);
    assertThat(p).hasSize(50);
    assertThat(java.util.Arrays.stream(p).sorted().toArray())
        .containsExactly(java.util.stream.IntStream.range(0, 50).toArray());
  }
}
