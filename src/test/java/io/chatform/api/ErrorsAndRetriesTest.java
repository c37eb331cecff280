package io.chatform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.kinds.GroupKind;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorsAndRetriesTest {
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

  private static FakeLiveChat.Canned canned(int status, String body) {
    return new FakeLiveChat.Canned(status, body, Map.of());
  }

  private static String error(String type) {
    return "{\"error\":{\"type\":\"" + type + "\",\"message\":\"m-" + type + "\"}}";
  }

  @ParameterizedTest
  @CsvSource({
    "not_found, 200, NOT_FOUND",
    "not_found, 400, NOT_FOUND",
    "validation, 404, VALIDATION",
    "authentication, 403, AUTHENTICATION",
    "authorization, 401, AUTHORIZATION",
    "already_exists, 409, ALREADY_EXISTS",
    "already_exist, 409, ALREADY_EXISTS",
    "limit_reached, 422, LIMIT_REACHED",
    "group_not_found, 400, GROUP_NOT_FOUND",
    "unsupported_version, 400, UNSUPPORTED_VERSION",
    "license_expired, 402, LICENSE_EXPIRED",
    "transfer_ownership, 400, OWNERSHIP_TRANSFER",
    "brand_new_type, 400, UNKNOWN"
  })
  void errorBodyMapsByTypeNotStatus(String wire, int status, ErrorType expected) {
    fs.fake.fault("list_groups", canned(status, error(wire)));
    LiveChatException e =
        catchThrowableOfType(LiveChatException.class, () -> client.listGroups(List.of()));
    assertThat(e.type()).isEqualTo(expected);
    assertThat(e.wireType()).isEqualTo(wire);
    assertThat(e.method()).isEqualTo("list_groups");
    assertThat(e.serverMessage()).isEqualTo("m-" + wire);
    assertThat(e.getMessage()).contains("list_groups").contains("m-" + wire);
    assertThat(fs.fake.count("list_groups")).isEqualTo(1); // not retried
  }

  @Test
  void nonJsonBodyIsAClearErrorWithStatus() {
    fs.fake.fault("list_groups", canned(404, "<html>Not Found</html>"));
    LiveChatException e =
        catchThrowableOfType(LiveChatException.class, () -> client.listGroups(List.of()));
    assertThat(e.type()).isEqualTo(ErrorType.UNEXPECTED_RESPONSE);
    assertThat(e.httpStatus()).hasValue(404);
    assertThat(e.getMessage()).contains("HTTP 404").contains("not JSON").contains("--api-url");
  }

  @Test
  void storm429WithRetryAfterIsRiddenOutAndSlowsTheBudget() {
    FakeLiveChat.Canned throttled =
        new FakeLiveChat.Canned(429, error("too_many_requests"), Map.of("Retry-After", "2"));
    fs.fake.fault("list_groups", throttled, throttled, throttled, throttled);
    assertThat(client.listGroups(List.of())).isEmpty();
    assertThat(fs.fake.count("list_groups")).isEqualTo(5);
    // Each retry waited at least Retry-After (recorded by the fake clock, no real waiting).
    assertThat(fs.timing.sleeps.stream().filter(d -> d.compareTo(Duration.ofSeconds(2)) >= 0))
        .hasSizeGreaterThanOrEqualTo(4);
    assertThat(client.currentRps()).isLessThan(50);
  }

  @Test
  void serverErrorsAreRetried() {
    fs.fake.fault("list_groups", canned(503, "upstream down"), canned(500, error("internal")));
    assertThat(client.listGroups(List.of())).isEmpty();
    assertThat(fs.fake.count("list_groups")).isEqualTo(3);
  }

  @Test
  void retriesAreBoundedByAttempts() {
    for (int i = 0; i < 10; i++) {
      fs.fake.fault("list_groups", canned(500, error("internal")));
    }
    LiveChatException e =
        catchThrowableOfType(LiveChatException.class, () -> client.listGroups(List.of()));
    assertThat(e.type()).isEqualTo(ErrorType.INTERNAL);
    assertThat(e.getMessage()).contains("gave up after 6 attempts");
    assertThat(fs.fake.count("list_groups")).isEqualTo(6);
  }

  @Test
  void retriesAreBoundedByTotalTime() {
    try (LiveChatClient c =
        LiveChatClient.create(
            fs.config(FakeServer.PAT)
                .retry(
                    new RetryPolicy(
                        50, Duration.ofSeconds(5), Duration.ofMillis(1), Duration.ofMillis(1)))
                .build())) {
      FakeLiveChat.Canned throttled =
          new FakeLiveChat.Canned(429, error("too_many_requests"), Map.of("Retry-After", "2"));
      for (int i = 0; i < 10; i++) {
        fs.fake.fault("list_groups", throttled);
      }
      assertThatThrownBy(() -> c.listGroups(List.of()))
          .isInstanceOf(LiveChatException.class)
          .hasMessageContaining("gave up")
          .hasMessageContaining("--max-rps");
      assertThat(fs.fake.count("list_groups")).isEqualTo(3); // 0 s, 2 s, 4 s; 6 s > 5 s
    }
  }

  @Test
  void misdirectedRequestSwitchesRegionAndKeepsIt() {
    fs.fake.homeRegion = Optional.of("fra");
    assertThat(client.listGroups(List.of())).isEmpty();
    assertThat(client.currentRegion()).contains("fra");
    assertThat(client.listAgents(List.of())).isEmpty();
    assertThat(fs.fake.received)
        .extracting(FakeLiveChat.Received::region)
        .containsExactly(null, "fra", "fra");
  }

  @Test
  void misdirectedTwiceIsAnError() {
    fs.fake.homeRegion = Optional.of("fra");
    fs.fake.fault(
        "list_groups",
        canned(421, "{\"error\":{\"type\":\"misdirected_request\",\"data\":{\"region\":\"fra\"}}}"),
        canned(
            421, "{\"error\":{\"type\":\"misdirected_request\",\"data\":{\"region\":\"dal\"}}}"));
    LiveChatException e =
        catchThrowableOfType(LiveChatException.class, () -> client.listGroups(List.of()));
    assertThat(e.type()).isEqualTo(ErrorType.MISDIRECTED_REQUEST);
    assertThat(fs.fake.count("list_groups")).isEqualTo(2);
  }

  @Test
  void retriedDeleteAnsweringNotFoundIsSuccess() throws Exception {
    ObjectNode g =
        (ObjectNode) WireMapper.MAPPER.readTree("{\"name\":\"G\",\"agent_priorities\":{}}");
    long id = GroupKind.createGroup(client, g);
    fs.fake.fault("delete_group", new FakeLiveChat.Drop(true));
    GroupKind.deleteGroup(client, id);
    assertThat(fs.fake.count("delete_group")).isEqualTo(2);
    assertThat(fs.fake.groups).isEmpty();
  }

  @Test
  void firstDeleteAnsweringNotFoundIsAnError() {
    LiveChatException e =
        catchThrowableOfType(LiveChatException.class, () -> GroupKind.deleteGroup(client, 99));
    assertThat(e.type()).isEqualTo(ErrorType.NOT_FOUND);
  }

  @Test
  void connectionRefusedIsATransportErrorNamingTheUrl() throws Exception {
    String url = fs.url();
    fs.server.close();
    try (LiveChatClient c =
        LiveChatClient.create(
            fs.config(FakeServer.PAT).apiUrl(url).retry(FakeServer.fastRetry(2)).build())) {
      LiveChatException e =
          catchThrowableOfType(LiveChatException.class, () -> c.listGroups(List.of()));
      assertThat(e.type()).isEqualTo(ErrorType.TRANSPORT);
      assertThat(e.getMessage()).contains("cannot connect").contains("gave up after 2 attempts");
    }
  }
}
