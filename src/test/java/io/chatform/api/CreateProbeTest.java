package io.chatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.kinds.AgentKind;
import io.chatform.kinds.AutoAccessKind;
import io.chatform.kinds.BotKind;
import io.chatform.kinds.GroupKind;
import io.chatform.kinds.PropertyKind;
import io.chatform.kinds.WebhookKind;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** No duplicates, ever: a create whose answer is lost is checked against live state first. */
class CreateProbeTest {
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

  /** One non-idempotent create: its method, body, how to call it, and how many objects exist. */
  record Case(String method, String body, Function<FakeLiveChat, Integer> count) {
    @Override
    public String toString() {
      return method;
    }
  }

  static ObjectNode obj(String json) {
    try {
      return (ObjectNode) WireMapper.MAPPER.readTree(json);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }

  static Stream<Arguments> creates() {
    return Stream.of(
            new Case(
                "create_group",
                "{\"name\":\"Sales\",\"agent_priorities\":{}}",
                f -> f.groups.size()),
            new Case(
                "create_bot", "{\"name\":\"B\",\"owner_client_id\":\"c1\"}", f -> f.bots.size()),
            new Case(
                "add_auto_access",
                "{\"description\":\"D\",\"access\":{\"groups\":[0]}}",
                f -> f.autoAccesses.size()),
            new Case(
                "register_webhook",
                "{\"action\":\"incoming_chat\",\"url\":\"https://h/x\",\"type\":\"license\","
                    + "\"owner_client_id\":\"c1\",\"secret_key\":\"k\"}",
                f -> f.webhooks.size()),
            new Case(
                "register_property",
                "{\"name\":\"p\",\"owner_client_id\":\"c1\",\"type\":\"int\"}",
                f -> f.properties.size()),
            new Case("create_agent", "{\"id\":\"a@x.io\",\"name\":\"A\"}", f -> f.agents.size()))
        .map(Arguments::of);
  }

  private static Object create(LiveChatClient c, String method, ObjectNode body) {
    return switch (method) {
      case "create_group" -> GroupKind.createGroup(c, body);
      case "create_bot" -> BotKind.createBot(c, body);
      case "add_auto_access" -> AutoAccessKind.addAutoAccess(c, body);
      case "register_webhook" -> WebhookKind.registerWebhook(c, body);
      case "register_property" -> {
        PropertyKind.registerProperty(c, body);
        yield "ok";
      }
      case "create_agent" -> {
        AgentKind.createAgent(c, body);
        yield "ok";
      }
      default -> throw new IllegalArgumentException(method);
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("creates")
  void lostAnswerAfterTheWriteIsFoundByTheProbeAndNotSentAgain(Case c) {
    fs.fake.fault(c.method(), new FakeLiveChat.Drop(true));
    Object result = create(client, c.method(), obj(c.body()));
    assertThat(fs.fake.count(c.method())).isEqualTo(1);
    assertThat(c.count().apply(fs.fake)).isEqualTo(1);
    assertThat(result).isNotNull();
    assertThat(String.join("\n", fs.debug)).contains("the write had happened");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("creates")
  void lostRequestIsNotFoundByTheProbeAndSentOnceMore(Case c) {
    fs.fake.fault(c.method(), new FakeLiveChat.Drop(false));
    create(client, c.method(), obj(c.body()));
    assertThat(fs.fake.count(c.method())).isEqualTo(2);
    assertThat(c.count().apply(fs.fake)).isEqualTo(1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("creates")
  void serverErrorAfterTheWriteIsAlsoProbed(Case c) {
    fs.fake.fault(
        c.method(),
        new FakeLiveChat.AppliedThen(
            new FakeLiveChat.Canned(
                502, "{\"error\":{\"type\":\"internal\",\"message\":\"x\"}}", Map.of())));
    create(client, c.method(), obj(c.body()));
    assertThat(fs.fake.count(c.method())).isEqualTo(1);
    assertThat(c.count().apply(fs.fake)).isEqualTo(1);
  }

  @Test
  void probedGroupReturnsTheLiveId() {
    fs.fake.fault("create_group", new FakeLiveChat.Drop(true));
    long id = GroupKind.createGroup(client, obj("{\"name\":\"Sales\",\"agent_priorities\":{}}"));
    assertThat(fs.fake.groups).containsKey(Long.toString(id));
  }

  @Test
  void probedBotHasNoSecretButTheRightId() {
    fs.fake.fault("create_bot", new FakeLiveChat.Drop(true));
    BotCreated bot = BotKind.createBot(client, obj("{\"name\":\"B\",\"owner_client_id\":\"c1\"}"));
    assertThat(fs.fake.bots).containsKey(bot.id());
    assertThat(bot.secret()).isEmpty();
  }

  @Test
  void alreadyExistsOnARetryAfterAnAmbiguousFailureIsCheckedByTheProbe() {
    // The write happened, but the probe does not see it (eventual consistency, no wait).
    fs.fake.fault("create_agent", new FakeLiveChat.Drop(true));
    fs.fake.fault("list_agents", new FakeLiveChat.Canned(200, "[]", Map.of()));
    try (LiveChatClient noWait =
        LiveChatClient.create(fs.config(FakeServer.PAT).consistencyWait(Duration.ZERO).build())) {
      AgentKind.createAgent(noWait, obj("{\"id\":\"a@x.io\",\"name\":\"A\"}"));
    }
    assertThat(fs.fake.count("create_agent")).isEqualTo(2);
    assertThat(fs.fake.count("list_agents")).isEqualTo(2);
    assertThat(fs.fake.agents).containsOnlyKeys("a@x.io");
  }

  @Test
  void aWriteThatShowsUpLateIsFoundByRepeatingTheProbe() {
    // The first re-read lags behind the write; the client reads again instead of re-sending.
    fs.fake.fault("create_agent", new FakeLiveChat.Drop(true));
    fs.fake.fault("list_agents", new FakeLiveChat.Canned(200, "[]", Map.of()));
    AgentKind.createAgent(client, obj("{\"id\":\"a@x.io\",\"name\":\"A\"}"));
    assertThat(fs.fake.count("create_agent")).isEqualTo(1);
    assertThat(fs.fake.count("list_agents")).isEqualTo(2);
    assertThat(fs.fake.agents).containsOnlyKeys("a@x.io");
  }

  @Test
  void alreadyExistsWithoutAnAmbiguousFailureIsAnError() {
    AgentKind.createAgent(client, obj("{\"id\":\"a@x.io\",\"name\":\"A\"}"));
    LiveChatException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            LiveChatException.class,
            () -> AgentKind.createAgent(client, obj("{\"id\":\"a@x.io\",\"name\":\"A\"}")));
    assertThat(e.type()).isEqualTo(ErrorType.ALREADY_EXISTS);
    assertThat(fs.fake.count("list_agents")).isZero();
  }

  @Test
  void fiveHundredAfterAGroupCreateIsProbed() {
    fs.fake.fault(
        "create_group",
        new FakeLiveChat.Canned(
            500, "{\"error\":{\"type\":\"internal\",\"message\":\"x\"}}", Map.of()));
    GroupKind.createGroup(client, obj("{\"name\":\"Sales\",\"agent_priorities\":{}}"));
    // The canned 500 did not apply the write: the probe finds nothing for the whole
    // consistency wait (fake clock), and only then is the create sent again.
    assertThat(fs.fake.count("list_groups")).isGreaterThan(1);
    assertThat(fs.timing.total()).isGreaterThanOrEqualTo(ClientConfig.DEFAULT_CONSISTENCY_WAIT);
    assertThat(fs.fake.count("create_group")).isEqualTo(2);
    assertThat(fs.fake.groups).hasSize(1);
  }

  @Test
  void genericCallNeverResendsACreateWithAnUnknownOutcome() {
    fs.fake.fault("create_group", new FakeLiveChat.Drop(true));
    LiveChatException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            LiveChatException.class,
            () -> client.call("create_group", obj("{\"name\":\"S\",\"agent_priorities\":{}}")));
    assertThat(e.outcomeUnknown()).isTrue();
    assertThat(fs.fake.count("create_group")).isEqualTo(1);
  }
}
