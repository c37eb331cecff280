package io.chatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.kinds.CannedResponseKind;
import io.chatform.model.Kind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A create probe on a list whose answers page (list_canned_responses): every page is read, so a
 * response that took effect is found even when it is listed past the first page.
 */
class PagedProbeTest {
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

  private static FakeLiveChat.Canned page(String items, String next) {
    String tail = next.isEmpty() ? "" : ",\"next_page_id\":\"" + next + "\"";
    return new FakeLiveChat.Canned(200, "{\"canned_responses\":" + items + tail + "}", Map.of());
  }

  @Test
  void aLostCreateListedOnTheSecondPageIsFoundAndNotSentAgain() {
    fs.fake.fault(
        "list_canned_responses",
        page("[{\"id\":1,\"group_id\":3,\"tags\":[\"other\"]}]", "p2"),
        page("[{\"id\":7,\"group_id\":3,\"tags\":[\"hi\",\"x\"]}]", ""));
    fs.fake.fault("create_canned_response", new FakeLiveChat.Drop(false));
    ObjectNode body = WireMapper.object().put("group_id", 3).put("text", "Hello");
    body.putArray("tags").add("hi");

    Created created =
        client.create(Kind.CANNED_RESPONSES, CannedResponseKind.CREATE, body, "Team/hi");

    assertThat(created.id()).contains("7");
    assertThat(fs.fake.count("create_canned_response")).isEqualTo(1);
    List<ObjectNode> lists = fs.fake.bodies("list_canned_responses");
    assertThat(lists).hasSize(2);
    assertThat(lists.get(0).path("include_private").asBoolean()).isTrue();
    assertThat(lists.get(1).path("page_id").asText()).isEqualTo("p2");
  }

  @Test
  void aLostCreateOnNoPageIsSentOnceMore() {
    // "Absent" is believed at once (no consistency wait): one probe, of both pages.
    client.close();
    client =
        LiveChatClient.create(
            fs.config(FakeServer.PAT).consistencyWait(java.time.Duration.ZERO).build());
    fs.fake.fault(
        "list_canned_responses",
        page("[{\"id\":1,\"group_id\":3,\"tags\":[\"other\"]}]", "p2"),
        page("[]", ""));
    fs.fake.fault(
        "create_canned_response",
        new FakeLiveChat.Drop(false),
        new FakeLiveChat.Canned(200, "{\"id\":8}", Map.of()));
    ObjectNode body = WireMapper.object().put("group_id", 3).put("text", "Hello");
    body.putArray("tags").add("hi");

    Created created =
        client.create(Kind.CANNED_RESPONSES, CannedResponseKind.CREATE, body, "Team/hi");

    assertThat(created.id()).contains("8");
    assertThat(fs.fake.count("create_canned_response")).isEqualTo(2);
    List<ObjectNode> lists = fs.fake.bodies("list_canned_responses");
    assertThat(lists).as("the probe reads both pages").hasSize(2);
    assertThat(lists.get(1).path("page_id").asText()).isEqualTo("p2");
  }
}
