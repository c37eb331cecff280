package io.chatform.api;

import static io.chatform.api.EmulatorFixture.CLIENT_ID;
import static io.chatform.api.EmulatorFixture.obj;
import static io.chatform.api.EmulatorFixture.stateList;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.emulator.Emulator;
import io.chatform.emulator.EmulatorConfig;
import io.chatform.kinds.AgentKind;
import io.chatform.kinds.AutoAccessKind;
import io.chatform.kinds.BotKind;
import io.chatform.kinds.GroupKind;
import io.chatform.kinds.GroupPropertyKind;
import io.chatform.kinds.LicensePropertyKind;
import io.chatform.kinds.LicenseWebhookKind;
import io.chatform.kinds.PropertyKind;
import io.chatform.kinds.WebhookKind;
import io.chatform.model.ApiVersion;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real client against the in-process emulator over HTTP, for each API version the client
 * speaks: every typed method round-trips and the emulator's state shows the effect.
 */
class ClientRoundTripIT {
  private static final String OWNER = EmulatorConfig.SANDBOX_OWNER;

  private interface Body {
    void run(Emulator emulator, LiveChatClient client) throws Exception;
  }

  private static void with(String version, Body body) throws Exception {
    ApiVersion v = ClientConfig.parseVersion(version);
    try (Emulator e = EmulatorFixture.start(EmulatorConfig.defaults());
        LiveChatClient c = LiveChatClient.create(EmulatorFixture.config(e, v).build())) {
      body.run(e, c);
    }
  }

  private static ObjectNode byId(List<ObjectNode> list, String id) {
    return list.stream()
        .filter(o -> o.path("id").asText().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + id + " in " + list));
  }

  @ParameterizedTest
  @ValueSource(strings = {"3.5", "3.6"})
  void groupsAndAgents(String version) throws Exception {
    with(
        version,
        (e, c) -> {
          long g =
              GroupKind.createGroup(
                  c,
                  obj("{\"name\":\"Sales\",\"agent_priorities\":{\"" + OWNER + "\":\"normal\"}}"));
          assertThat(g).isPositive();
          GroupKind.updateGroup(
              c, obj("{\"id\":" + g + ",\"name\":\"Sales EU\",\"language_code\":\"de\"}"));
          ObjectNode sales = byId(c.listGroups(List.of("agent_priorities")), Long.toString(g));
          assertThat(sales.path("name").asText()).isEqualTo("Sales EU");
          assertThat(sales.path("language_code").asText()).isEqualTo("de");
          assertThat(sales.at("/agent_priorities/" + OWNER.replace("/", "~1")).asText())
              .isEqualTo("normal");

          AgentKind.createAgent(
              c,
              obj(
                  "{\"id\":\"a@x.io\",\"name\":\"Ann\",\"groups\":[{\"id\":"
                      + g
                      + ",\"priority\":\"first\"}]}"));
          AgentKind.updateAgent(
              c, obj("{\"id\":\"a@x.io\",\"job_title\":\"Lead\",\"max_chats_count\":7}"));
          ObjectNode ann =
              byId(c.listAgents(List.of("groups", "job_title", "max_chats_count")), "a@x.io");
          assertThat(ann.path("name").asText()).isEqualTo("Ann");
          assertThat(ann.path("job_title").asText()).isEqualTo("Lead");
          assertThat(ann.path("max_chats_count").asInt()).isEqualTo(7);
          assertThat(ann.path("groups").toString()).contains("\"id\":" + g).contains("first");
          // an already_exists is a real error when nothing was retried
          assertThatThrownBy(
                  () -> AgentKind.createAgent(c, obj("{\"id\":\"a@x.io\",\"name\":\"Ann\"}")))
              .isInstanceOfSatisfying(
                  LiveChatException.class,
                  x -> assertThat(x.type()).isEqualTo(ErrorType.ALREADY_EXISTS));

          AgentKind.deleteAgent(c, "a@x.io");
          GroupKind.deleteGroup(c, g);
          assertThat(stateList(e, "agents", "agents"))
              .extracting(a -> a.path("id").asText())
              .containsExactly(OWNER);
          assertThat(stateList(e, "groups", "groups"))
              .extracting(x -> x.path("id").asLong())
              .containsExactly(0L);
          // deleting what is gone is an error (not a retried delete)
          assertThatThrownBy(() -> GroupKind.deleteGroup(c, g))
              .isInstanceOfSatisfying(
                  LiveChatException.class,
                  x -> assertThat(x.type()).isEqualTo(ErrorType.NOT_FOUND));
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"3.5", "3.6"})
  void bots(String version) throws Exception {
    with(
        version,
        (e, c) -> {
          BotCreated bot =
              BotKind.createBot(
                  c,
                  obj(
                      "{\"name\":\"Helper\",\"owner_client_id\":\""
                          + CLIENT_ID
                          + "\",\"groups\":[{\"id\":0,\"priority\":\"first\"}]}"));
          assertThat(bot.secret()).isPresent(); // create_bot returns a secret from 3.5
          assertThat(bot.toString()).doesNotContain(bot.secret().get().reveal());
          BotKind.updateBot(c, obj("{\"id\":\"" + bot.id() + "\",\"max_chats_count\":9}"));
          ObjectNode live = byId(c.listBots(true, List.of("max_chats_count", "groups")), bot.id());
          assertThat(live.path("name").asText()).isEqualTo("Helper");
          assertThat(live.path("max_chats_count").asInt()).isEqualTo(9);
          assertThat(live.has("secret")).isFalse();
          assertThat(stateList(e, "bots", "bots")).hasSize(1);
          BotKind.deleteBot(c, bot.id());
          assertThat(stateList(e, "bots", "bots")).isEmpty();
          assertThat(c.listBots(true, List.of())).isEmpty();
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"3.5", "3.6"})
  void autoAccessKeepsTheLinkedListOrder(String version) throws Exception {
    with(
        version,
        (e, c) -> {
          String a = AutoAccessKind.addAutoAccess(c, rule("A", Optional.empty()));
          String b = AutoAccessKind.addAutoAccess(c, rule("B", Optional.empty()));
          String first =
              AutoAccessKind.addAutoAccess(c, rule("First", Optional.of(a))); // before the head
          String middle =
              AutoAccessKind.addAutoAccess(c, rule("Middle", Optional.of(b))); // between A and B
          assertThat(order(c)).containsExactly("First", "A", "Middle", "B");
          assertThat(c.listAutoAccesses().get(3).path("next_id").asText("")).isEmpty();

          AutoAccessKind.updateAutoAccess(
              c, obj("{\"id\":\"" + first + "\",\"next_id\":\"\"}")); // to the end
          assertThat(order(c)).containsExactly("A", "Middle", "B", "First");
          AutoAccessKind.updateAutoAccess(
              c, obj("{\"id\":\"" + b + "\",\"next_id\":\"" + a + "\"}")); // to front
          assertThat(order(c)).containsExactly("B", "A", "Middle", "First");
          AutoAccessKind.updateAutoAccess(
              c, obj("{\"id\":\"" + middle + "\",\"description\":\"Mid\"}")); // stays
          assertThat(order(c)).containsExactly("B", "A", "Mid", "First");

          AutoAccessKind.deleteAutoAccess(c, b); // head
          AutoAccessKind.deleteAutoAccess(c, first); // tail
          assertThat(order(c)).containsExactly("A", "Mid");
          assertThat(stateList(e, "auto_access", "rules"))
              .extracting(r -> r.path("id").asText())
              .containsExactly(a, middle);
        });
  }

  private static ObjectNode rule(String description, Optional<String> nextId) {
    ObjectNode r =
        obj(
            "{\"description\":\""
                + description
                + "\",\"access\":{\"groups\":[0]},"
                + "\"conditions\":{\"url\":{\"values\":[{\"value\":\"/"
                + description.toLowerCase()
                + "\",\"exact_match\":false}]}}}");
    nextId.ifPresent(n -> r.put("next_id", n));
    return r;
  }

  private static List<String> order(LiveChatClient c) {
    return c.listAutoAccesses().stream().map(r -> r.path("description").asText()).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"3.5", "3.6"})
  void propertiesDefinitionsAndValues(String version) throws Exception {
    with(
        version,
        (e, c) -> {
          PropertyKind.registerProperty(
              c,
              obj(
                  "{\"name\":\"tier\",\"owner_client_id\":\""
                      + CLIENT_ID
                      + "\",\"type\":\"string\",\"domain\":[\"gold\",\"silver\"],"
                      + "\"access\":{\"license\":{\"agent\":[\"read\",\"write\"]},"
                      + "\"group\":{\"agent\":[\"read\",\"write\"]}}}"));
          PropertyKind.registerProperty(
              c,
              obj(
                  "{\"name\":\"tmp\",\"owner_client_id\":\""
                      + CLIENT_ID
                      + "\",\"type\":\"int\",\"access\":{\"chat\":{\"agent\":[\"read\"]}}}"));
          assertThat(c.listProperties(CLIENT_ID)).containsOnlyKeys("tier", "tmp");
          PropertyKind.publishProperty(c, CLIENT_ID, "tier", List.of("read"));
          assertThat(c.listProperties(CLIENT_ID).get("tier").has("public_access")).isTrue();
          assertThatThrownBy(() -> PropertyKind.unregisterProperty(c, CLIENT_ID, "tier"))
              .isInstanceOfSatisfying(
                  LiveChatException.class,
                  x -> {
                    assertThat(x.type()).isEqualTo(ErrorType.VALIDATION);
                    assertThat(x.getMessage()).contains("unregister_property").contains("publish");
                  });
          PropertyKind.unregisterProperty(c, CLIENT_ID, "tmp");
          assertThat(c.listProperties(CLIENT_ID)).containsOnlyKeys("tier");

          LicensePropertyKind.updateLicenseProperties(
              c, obj("{\"" + CLIENT_ID + "\":{\"tier\":\"gold\"}}"));
          assertThat(c.listLicenseProperties(Optional.of(CLIENT_ID)).at("/" + CLIENT_ID + "/tier"))
              .isEqualTo(WireMapper.MAPPER.getNodeFactory().textNode("gold"));
          assertThatThrownBy(
                  () ->
                      LicensePropertyKind.updateLicenseProperties(
                          c, obj("{\"" + CLIENT_ID + "\":{\"tier\":\"tin\"}}")))
              .isInstanceOfSatisfying(
                  LiveChatException.class,
                  x -> assertThat(x.type()).isEqualTo(ErrorType.VALIDATION));
          LicensePropertyKind.deleteLicenseProperties(c, obj("{\"" + CLIENT_ID + "\":[\"tier\"]}"));
          assertThat(c.listLicenseProperties(Optional.of(CLIENT_ID)).path(CLIENT_ID).path("tier"))
              .isEmpty();

          long g =
              GroupKind.createGroup(
                  c, obj("{\"name\":\"G\",\"agent_priorities\":{\"" + OWNER + "\":\"normal\"}}"));
          GroupPropertyKind.updateGroupProperties(
              c, g, obj("{\"" + CLIENT_ID + "\":{\"tier\":\"silver\"}}"));
          List<ObjectNode> values = c.listGroupsProperties(List.of(g), Optional.of(CLIENT_ID));
          assertThat(values).singleElement();
          assertThat(values.get(0).path("id").asLong()).isEqualTo(g);
          assertThat(values.get(0).at("/properties/" + CLIENT_ID + "/tier").asText())
              .isEqualTo("silver");
          assertThat(c.listGroupsProperties(List.of(), Optional.empty())).hasSize(1);
          GroupPropertyKind.deleteGroupProperties(c, g, obj("{\"" + CLIENT_ID + "\":[\"tier\"]}"));
          assertThat(
                  c.listGroupsProperties(List.of(g), Optional.of(CLIENT_ID))
                      .get(0)
                      .at("/properties/" + CLIENT_ID + "/tier")
                      .isMissingNode())
              .isTrue();
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"3.5", "3.6"})
  void webhooksAndLicenseWebhookState(String version) throws Exception {
    with(
        version,
        (e, c) -> {
          String id =
              WebhookKind.registerWebhook(
                  c,
                  obj(
                      "{\"action\":\"incoming_chat\",\"url\":\"https://hooks.example/in\","
                          + "\"type\":\"license\",\"owner_client_id\":\""
                          + CLIENT_ID
                          + "\",\"secret_key\":\"wh-key-1\",\"description\":\"in\"}"));
          List<ObjectNode> hooks = c.listWebhooks(CLIENT_ID);
          assertThat(hooks).singleElement();
          assertThat(hooks.get(0).path("id").asText()).isEqualTo(id);
          assertThat(hooks.get(0).path("url").asText()).isEqualTo("https://hooks.example/in");
          assertThat(hooks.get(0).has("secret_key")).isFalse();
          WebhookKind.unregisterWebhook(c, id, CLIENT_ID);
          assertThat(c.listWebhooks(CLIENT_ID)).isEmpty();
          assertThat(stateList(e, "webhooks", "webhooks")).isEmpty();

          // Enabled automatically for an installed app (issue 13: the docs' default).
          assertThat(c.getLicenseWebhooksState(CLIENT_ID)).isTrue();
          LicenseWebhookKind.setLicenseWebhooks(c, CLIENT_ID, false);
          assertThat(c.getLicenseWebhooksState(CLIENT_ID)).isFalse();
          LicenseWebhookKind.setLicenseWebhooks(c, CLIENT_ID, true);
          assertThat(c.getLicenseWebhooksState(CLIENT_ID)).isTrue();

          List<String> names = c.listWebhookNames();
          assertThat(names).contains("incoming_chat", "agent_created");
          if (version.equals("3.6")) {
            assertThat(names).contains("thread_summary_set").doesNotContain("incoming_customer");
          } else {
            assertThat(names).contains("incoming_customer").doesNotContain("thread_summary_set");
          }
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"3.5", "3.6"})
  void batchMethodsMapPerItemErrorsBackToTheirItems(String version) throws Exception {
    with(
        version,
        (e, c) -> {
          List<ObjectNode> agents =
              List.of(
                  obj("{\"id\":\"b1@x.io\",\"name\":\"B1\"}"),
                  obj("{\"id\":\"not-an-email\",\"name\":\"Bad\"}"),
                  obj("{\"id\":\"b2@x.io\",\"name\":\"B2\"}"),
                  obj("{\"id\":\"" + OWNER + "\",\"name\":\"Dup\"}"));
          List<BatchResult> created = AgentKind.batch(c, "batch_create_agents", agents);
          assertThat(created)
              .extracting(BatchResult::isSuccess)
              .containsExactly(true, false, true, false);
          assertThat(((BatchResult.Failure) created.get(1)).error().type())
              .isEqualTo(ErrorType.VALIDATION);
          assertThat(((BatchResult.Failure) created.get(3)).error().type())
              .isEqualTo(ErrorType.ALREADY_EXISTS);
          assertThat(stateList(e, "agents", "agents"))
              .extracting(a -> a.path("id").asText())
              .containsExactlyInAnyOrder(OWNER, "b1@x.io", "b2@x.io");

          List<BatchResult> suspended =
              AgentKind.batch(
                  c,
                  "batch_suspend_agents",
                  List.of(obj("{\"id\":\"b1@x.io\"}"), obj("{\"id\":\"nobody@x.io\"}")));
          assertThat(suspended).extracting(BatchResult::isSuccess).containsExactly(true, false);
          assertThat(((BatchResult.Failure) suspended.get(1)).error().type())
              .isEqualTo(ErrorType.NOT_FOUND);

          List<BatchResult> bots =
              BotKind.batch(
                  c,
                  "batch_create_bots",
                  List.of(
                      obj("{\"name\":\"Bot1\",\"owner_client_id\":\"" + CLIENT_ID + "\"}"),
                      obj("{\"owner_client_id\":\"" + CLIENT_ID + "\"}"),
                      obj("{\"name\":\"Bot2\",\"owner_client_id\":\"" + CLIENT_ID + "\"}")));
          assertThat(bots).extracting(BatchResult::isSuccess).containsExactly(true, false, true);
          JsonNode bot1 = ((BatchResult.Success) bots.get(0)).result();
          assertThat(bot1.path("id").asText()).isNotBlank();
          assertThat(bot1.path("secret").asText()).isNotBlank();
          List<String> botIds =
              stateList(e, "bots", "bots").stream().map(b -> b.path("id").asText()).toList();
          assertThat(botIds).hasSize(2).contains(bot1.path("id").asText());

          List<BatchResult> deleted =
              BotKind.batch(
                  c,
                  "batch_delete_bots",
                  List.of(
                      obj("{\"id\":\"" + botIds.get(0) + "\"}"),
                      obj("{\"id\":\"no-such-bot\"}"),
                      obj("{\"id\":\"" + botIds.get(1) + "\"}")));
          assertThat(deleted).extracting(BatchResult::isSuccess).containsExactly(true, false, true);
          assertThat(stateList(e, "bots", "bots")).isEmpty();
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"3.5", "3.6"})
  void batchesLargerThanOneChunkKeepInputOrder(String version) throws Exception {
    ApiVersion v = ClientConfig.parseVersion(version);
    try (Emulator e = EmulatorFixture.start(EmulatorConfig.defaults());
        LiveChatClient c =
            LiveChatClient.create(EmulatorFixture.config(e, v).batchSize(3).build())) {
      List<ObjectNode> agents =
          java.util.stream.IntStream.range(0, 10)
              .mapToObj(i -> obj("{\"id\":\"n" + i + "@x.io\",\"name\":\"N" + i + "\"}"))
              .toList();
      List<BatchResult> out = AgentKind.batch(c, "batch_create_agents", agents);
      assertThat(out).hasSize(10).allMatch(BatchResult::isSuccess);
      for (int i = 0; i < 10; i++) {
        assertThat(((BatchResult.Success) out.get(i)).result().path("id").asText())
            .isEqualTo("n" + i + "@x.io");
      }
      assertThat(e.stats().at("/calls/batch_create_agents").asInt()).isEqualTo(4);
      assertThat(stateList(e, "agents", "agents")).hasSize(11);
    }
  }
}
