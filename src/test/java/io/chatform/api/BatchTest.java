package io.chatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.kinds.AgentKind;
import io.chatform.kinds.BotKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BatchTest {
  private FakeServer fs;

  @BeforeEach
  void start() throws Exception {
    fs = new FakeServer();
  }

  @AfterEach
  void stop() {
    fs.close();
  }

  private static List<ObjectNode> agents(int n) {
    List<ObjectNode> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(WireMapper.object().put("id", "a" + i + "@x.io").put("name", "A" + i));
    }
    return out;
  }

  @Test
  void chunksByBatchSizeInParallelWithResultsInInputOrder() {
    fs.fake.agents.put("a57@x.io", WireMapper.object().put("id", "a57@x.io"));
    try (LiveChatClient c =
        LiveChatClient.create(fs.config(FakeServer.PAT).batchSize(50).parallelism(4).build())) {
      List<BatchResult> results = AgentKind.batch(c, "batch_create_agents", agents(120));
      assertThat(results).hasSize(120);
      for (int i = 0; i < 120; i++) {
        BatchResult r = results.get(i);
        if (i == 57) {
          assertThat(r).isInstanceOf(BatchResult.Failure.class);
          assertThat(((BatchResult.Failure) r).error().type()).isEqualTo(ErrorType.ALREADY_EXISTS);
        } else {
          assertThat(r).isInstanceOf(BatchResult.Success.class);
          assertThat(((BatchResult.Success) r).result().path("id").asText())
              .isEqualTo("a" + i + "@x.io");
        }
      }
    }
    assertThat(fs.fake.bodies("batch_create_agents"))
        .extracting(b -> b.path("requests").size())
        .containsExactlyInAnyOrder(50, 50, 20);
    assertThat(fs.fake.agents).hasSize(120);
  }

  @Test
  void wholeChunkFailureFailsEachItemOfThatChunkOnly() {
    fs.fake.fault(
        "batch_update_bots",
        new FakeLiveChat.Canned(
            400, "{\"error\":{\"type\":\"validation\",\"message\":\"bad\"}}", Map.of()));
    fs.fake.bots.put("b1", WireMapper.object().put("id", "b1"));
    fs.fake.bots.put("b2", WireMapper.object().put("id", "b2"));
    try (LiveChatClient c =
        LiveChatClient.create(fs.config(FakeServer.PAT).batchSize(1).parallelism(1).build())) {
      List<BatchResult> results =
          BotKind.batch(
              c,
              "batch_update_bots",
              List.of(WireMapper.object().put("id", "b1"), WireMapper.object().put("id", "b2")));
      assertThat(results.get(0).isSuccess()).isFalse();
      assertThat(results.get(1).isSuccess()).isTrue();
    }
  }

  @Test
  void batchCreateWithUnknownOutcomeFallsBackToProbingEachItem() {
    fs.fake.fault("batch_create_bots", new FakeLiveChat.Drop(true));
    List<ObjectNode> bots = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      bots.add(WireMapper.object().put("name", "B" + i).put("owner_client_id", "c1"));
    }
    try (LiveChatClient c = fs.client()) {
      List<BatchResult> results = BotKind.batch(c, "batch_create_bots", bots);
      assertThat(results).allMatch(BatchResult::isSuccess);
    }
    assertThat(fs.fake.count("batch_create_bots")).isEqualTo(1);
    assertThat(fs.fake.count("create_bot")).isZero();
    assertThat(fs.fake.bots).hasSize(3);
  }

  @Test
  void batchCreateWhoseRequestWasLostCreatesEachItemOnce() {
    fs.fake.fault("batch_create_bots", new FakeLiveChat.Drop(false));
    try (LiveChatClient c = fs.client()) {
      List<BatchResult> results =
          BotKind.batch(
              c,
              "batch_create_bots",
              List.of(
                  WireMapper.object().put("name", "B0").put("owner_client_id", "c1"),
                  WireMapper.object().put("name", "B1").put("owner_client_id", "c1")));
      assertThat(results).allMatch(BatchResult::isSuccess);
    }
    assertThat(fs.fake.count("create_bot")).isEqualTo(2);
    assertThat(fs.fake.bots).hasSize(2);
  }

  @Test
  void retriedBatchDeleteTreatsNotFoundItemsAsDeleted() {
    for (ObjectNode a : agents(3)) {
      fs.fake.agents.put(a.path("id").asText(), a);
    }
    fs.fake.fault("batch_delete_agents", new FakeLiveChat.Drop(true));
    try (LiveChatClient c = fs.client()) {
      List<BatchResult> results =
          AgentKind.batch(
              c,
              "batch_delete_agents",
              agents(3).stream()
                  .map(a -> WireMapper.object().put("id", a.path("id").asText()))
                  .toList());
      assertThat(results).allMatch(BatchResult::isSuccess);
    }
    assertThat(fs.fake.count("batch_delete_agents")).isEqualTo(2);
    assertThat(fs.fake.agents).isEmpty();
  }
}
