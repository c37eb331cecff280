package io.chatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.kinds.BotKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * list_bots as documented (listBots.json: id, name, avatar besides the fields asked for): a bot
 * listed without owner_client_id (half its identity) or default_group_priority is completed by
 * get_bot (getBot.json has both); a bot listed with them costs no get_bot.
 */
class BotListAnswerTest {
  private FakeServer fs;
  private LiveChatClient client;

  @BeforeEach
  void start() throws Exception {
    fs = new FakeServer();
    client = fs.client();
  }

  @AfterEach
  void stop() {
    client.close();
    fs.close();
  }

  private void answer(String method, String body) {
    fs.fake.fault(method, new FakeLiveChat.Canned(200, body, Map.of()));
  }

  private long calls(String method) {
    return fs.fake.received.stream().filter(r -> r.method().equals(method)).count();
  }

  @Test
  void aBotListedWithoutItsOwnerIsCompletedByGetBot() {
    answer("list_bots", "[{\"id\":\"b1\",\"name\":\"B\",\"avatar_path\":\"a.png\"}]");
    answer(
        "get_bot",
        "{\"id\":\"b1\",\"name\":\"B\",\"owner_client_id\":\"c1\","
            + "\"default_group_priority\":\"first\",\"max_chats_count\":6}");
    List<ObjectNode> bots = BotKind.completed(client, client.listBots(true, List.of("groups")));
    assertThat(bots)
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.path("owner_client_id").asText()).isEqualTo("c1");
              assertThat(b.path("default_group_priority").asText()).isEqualTo("first");
            });
    assertThat(calls("get_bot")).isEqualTo(1);
    assertThat(
            fs.fake.received.stream()
                .filter(r -> r.method().equals("get_bot"))
                .findFirst()
                .orElseThrow()
                .body()
                .path("id")
                .asText())
        .isEqualTo("b1");
  }

  @Test
  void aBotListedWithBothCostsNoGetBot() {
    answer(
        "list_bots",
        "[{\"id\":\"b1\",\"name\":\"B\",\"owner_client_id\":\"c1\","
            + "\"default_group_priority\":\"normal\"}]");
    List<ObjectNode> bots = BotKind.completed(client, client.listBots(true, List.of()));
    assertThat(bots)
        .singleElement()
        .satisfies(b -> assertThat(b.path("owner_client_id").asText()).isEqualTo("c1"));
    assertThat(calls("get_bot")).isZero();
  }
}
