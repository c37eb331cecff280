package io.chatform.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.emulator.ApiExchange.Request;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * {@code --consistency-jitter}: each read comes from a server behind by a seeded random amount up
 * to the delay, so reads of one moment disagree (fresh, stale, back in time), never beyond it.
 */
class ConsistencyJitterTest {
  private final AtomicLong clock = new AtomicLong(1_000_000_000L);

  private static ApiExchange.Response call(Dispatcher d, String method, String body) {
    return d.handle(
        new Request(
            "POST",
            "/v3.6/configuration/action/" + method,
            "",
            Optional.of(TestClient.BEARER),
            Optional.empty(),
            body.getBytes(StandardCharsets.UTF_8)));
  }

  private static int groups(Dispatcher d) throws Exception {
    JsonNode n = Params.JSON.readTree(call(d, "list_groups", "{}").body());
    return n.size();
  }

  private static void write(Dispatcher d, String name) {
    call(d, "create_group", "{\"name\":\"" + name + "\",\"agent_priorities\":{}}");
  }

  @Test
  void readsOfOneMomentDisagreeButNeverLagBeyondTheDelay() throws Exception {
    Dispatcher d =
        new Dispatcher(
            EmulatorConfig.defaults()
                .withFaults(
                    FaultConfig.none()
                        .withSeed(5)
                        .withConsistencyDelayMs(1000)
                        .withConsistencyJitter(true)),
            clock::get);
    write(d, "A");
    clock.addAndGet(500_000_000L); // A is 500 ms old: some servers show it, some do not
    java.util.Set<Integer> seen = new java.util.TreeSet<>();
    for (int i = 0; i < 100; i++) {
      seen.add(groups(d));
    }
    assertThat(seen).containsExactly(1, 2); // General alone, or General + A
    clock.addAndGet(600_000_000L); // beyond the delay: every server shows it
    for (int i = 0; i < 50; i++) {
      assertThat(groups(d)).isEqualTo(2);
    }
  }

  @Test
  void withoutJitterEveryReadLagsByExactlyTheDelay() throws Exception {
    Dispatcher d =
        new Dispatcher(
            EmulatorConfig.defaults().withFaults(FaultConfig.none().withConsistencyDelayMs(1000)),
            clock::get);
    write(d, "A");
    clock.addAndGet(999_000_000L);
    for (int i = 0; i < 20; i++) {
      assertThat(groups(d)).isEqualTo(1);
    }
    clock.addAndGet(1_000_000L);
    assertThat(groups(d)).isEqualTo(2);
  }
}
