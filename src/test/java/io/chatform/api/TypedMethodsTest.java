package io.chatform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TypedMethodsTest {
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

  private static ObjectNode obj(String json) throws Exception {
    return (ObjectNode) WireMapper.MAPPER.readTree(json);
  }

  private void answer(String method, String body) {
    fs.fake.fault(method, new FakeLiveChat.Canned(200, body, Map.of()));
  }

  @Test
  void groupsRoundTripWithVersionPathAndAuthHeader() throws Exception {
    long id = GroupKind.createGroup(client, obj("{\"name\":\"Sales\",\"agent_priorities\":{}}"));
    GroupKind.updateGroup(client, obj("{\"id\":" + id + ",\"language_code\":\"de\"}"));
    List<ObjectNode> groups = client.listGroups(List.of("agent_priorities"));
    assertThat(groups)
        .singleElement()
        .satisfies(
            g -> {
              assertThat(g.path("name").asText()).isEqualTo("Sales");
              assertThat(g.path("language_code").asText()).isEqualTo("de");
            });
    GroupKind.deleteGroup(client, id);
    assertThat(client.listGroups(List.of())).isEmpty();

    FakeLiveChat.Received first = fs.fake.received.get(0);
    assertThat(first.version()).isEqualTo("v3.6");
    assertThat(first.method()).isEqualTo("create_group");
    assertThat(first.authorization()).isEqualTo(FakeServer.PAT.authorizationHeader());
    assertThat(fs.fake.bodies("list_groups").get(0).path("fields").get(0).asText())
        .isEqualTo("agent_priorities");
    assertThat(fs.fake.bodies("delete_group").get(0).path("id").asLong()).isEqualTo(id);
  }

  @Test
  void agentsAndBots() throws Exception {
    AgentKind.createAgent(client, obj("{\"id\":\"a@x.io\",\"name\":\"A\"}"));
    AgentKind.updateAgent(client, obj("{\"id\":\"a@x.io\",\"job_title\":\"Boss\"}"));
    assertThat(client.listAgents(List.of("groups")))
        .singleElement()
        .satisfies(a -> assertThat(a.path("job_title").asText()).isEqualTo("Boss"));
    AgentKind.deleteAgent(client, "a@x.io");
    assertThat(fs.fake.agents).isEmpty();

    BotCreated bot = BotKind.createBot(client, obj("{\"name\":\"B\",\"owner_client_id\":\"c1\"}"));
    assertThat(bot.secret()).isPresent();
    assertThat(bot.secret().get().reveal()).isEqualTo("bot-secret-" + bot.id());
    BotKind.updateBot(client, obj("{\"id\":\"" + bot.id() + "\",\"max_chats_count\":9}"));
    assertThat(client.listBots(true, List.of()))
        .singleElement()
        .satisfies(b -> assertThat(b.path("max_chats_count").asInt()).isEqualTo(9));
    assertThat(fs.fake.bodies("list_bots").get(0).path("all").asBoolean()).isTrue();
    BotKind.deleteBot(client, bot.id());
    assertThat(fs.fake.bots).isEmpty();
  }

  @Test
  void version36RefusesAgentAvatarAndRenameBeforeSending() throws Exception {
    assertThatThrownBy(
            () -> AgentKind.createAgent(client, obj("{\"id\":\"a@x.io\",\"avatar\":\"u\"}")))
        .hasMessageContaining("avatar")
        .hasMessageContaining("3.6");
    assertThatThrownBy(
            () -> AgentKind.updateAgent(client, obj("{\"id\":\"a@x.io\",\"name\":\"N\"}")))
        .hasMessageContaining("'name'");
    assertThat(fs.fake.received).isEmpty();
  }

  @Test
  void version35SpeaksItsOwnPathAndAllowsAvatar() throws Exception {
    try (LiveChatClient c35 =
        LiveChatClient.create(fs.config(FakeServer.PAT).version(ApiVersion.V3_5).build())) {
      AgentKind.createAgent(c35, obj("{\"id\":\"a@x.io\",\"name\":\"A\",\"avatar\":\"u\"}"));
      answer("list_groups_properties", "[{\"id\":0,\"properties\":{\"ns\":{\"p\":1}}}]");
      assertThat(c35.listGroupsProperties(List.of(), Optional.of("ns"))).hasSize(1);
    }
    assertThat(fs.fake.received).allSatisfy(r -> assertThat(r.version()).isEqualTo("v3.5"));
    ObjectNode body = fs.fake.bodies("list_groups_properties").get(0);
    assertThat(body.path("group_ids").isArray()).isTrue();
    assertThat(body.path("namespace").asText()).isEqualTo("ns");
  }

  @Test
  void autoAccessesComeBackInLinkedListOrder() throws Exception {
    answer(
        "list_auto_accesses",
        "[{\"id\":\"c\",\"description\":\"C\"},"
            + "{\"id\":\"a\",\"description\":\"A\",\"next_id\":\"b\"},"
            + "{\"id\":\"b\",\"description\":\"B\",\"next_id\":\"c\",\"future_field\":1}]");
    List<ObjectNode> rules = client.listAutoAccesses();
    assertThat(rules).extracting(r -> r.path("id").asText()).containsExactly("a", "b", "c");
    assertThat(rules.get(1).path("future_field").asInt()).isEqualTo(1);
  }

  @Test
  void autoAccessWrites() throws Exception {
    String id =
        AutoAccessKind.addAutoAccess(
            client, obj("{\"description\":\"D\",\"access\":{\"groups\":[0]}}"));
    answer("update_auto_access", "{}");
    AutoAccessKind.updateAutoAccess(client, obj("{\"id\":\"" + id + "\",\"next_id\":\"\"}"));
    AutoAccessKind.deleteAutoAccess(client, id);
    assertThat(fs.fake.bodies("update_auto_access").get(0).path("next_id").asText()).isEmpty();
    assertThat(fs.fake.autoAccesses).isEmpty();
  }

  @Test
  void propertyDefinitionsAndValues() throws Exception {
    PropertyKind.registerProperty(
        client, obj("{\"name\":\"p\",\"owner_client_id\":\"c1\",\"type\":\"int\"}"));
    assertThat(client.listProperties("c1")).containsOnlyKeys("p");
    answer("publish_property", "{}");
    PropertyKind.publishProperty(client, "c1", "p", List.of("read"));
    PropertyKind.unregisterProperty(client, "c1", "p");
    assertThat(fs.fake.properties).isEmpty();
    ObjectNode publish = fs.fake.bodies("publish_property").get(0);
    assertThat(publish.toString())
        .isEqualTo("{\"name\":\"p\",\"owner_client_id\":\"c1\",\"access_type\":[\"read\"]}");

    answer("list_license_properties", "{\"c1\":{\"p\":5}}");
    assertThat(client.listLicenseProperties(Optional.of("c1")).path("c1").path("p").asInt())
        .isEqualTo(5);
    answer("update_license_properties", "{}");
    LicensePropertyKind.updateLicenseProperties(client, obj("{\"c1\":{\"p\":6}}"));
    answer("delete_license_properties", "{}");
    LicensePropertyKind.deleteLicenseProperties(client, obj("{\"c1\":[\"p\"]}"));
    answer("update_group_properties", "{}");
    GroupPropertyKind.updateGroupProperties(client, 7, obj("{\"c1\":{\"p\":1}}"));
    answer("delete_group_properties", "{}");
    GroupPropertyKind.deleteGroupProperties(client, 7, obj("{\"c1\":[\"p\"]}"));
    assertThat(fs.fake.bodies("update_license_properties").get(0).toString())
        .isEqualTo("{\"properties\":{\"c1\":{\"p\":6}}}");
    assertThat(fs.fake.bodies("update_group_properties").get(0).path("group_id").asLong())
        .isEqualTo(7);
    // API quirk: the delete names the group `id`.
    assertThat(fs.fake.bodies("delete_group_properties").get(0).path("id").asLong()).isEqualTo(7);
  }

  @Test
  void webhooksAndLicenseWebhookState() throws Exception {
    String id =
        WebhookKind.registerWebhook(
            client,
            obj(
                "{\"action\":\"incoming_chat\",\"url\":\"https://h/x\",\"type\":\"license\","
                    + "\"owner_client_id\":\"c1\",\"secret_key\":\"k-123456\"}"));
    List<ObjectNode> hooks = client.listWebhooks("c1");
    assertThat(hooks)
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.path("id").asText()).isEqualTo(id);
              assertThat(h.has("secret_key")).isFalse();
            });
    WebhookKind.unregisterWebhook(client, id, "c1");
    assertThat(fs.fake.webhooks).isEmpty();

    answer("get_license_webhooks_state", "{\"license_webhooks_enabled\":true}");
    assertThat(client.getLicenseWebhooksState("c1")).isTrue();
    answer("disable_license_webhooks", "{}");
    LicenseWebhookKind.setLicenseWebhooks(client, "c1", false);
    assertThat(fs.fake.bodies("disable_license_webhooks").get(0).path("owner_client_id").asText())
        .isEqualTo("c1");
    answer("list_webhook_names", "[{\"action\":\"incoming_chat\"},{\"action\":\"tag_created\"}]");
    assertThat(client.listWebhookNames()).containsExactly("incoming_chat", "tag_created");
    assertThat(fs.fake.bodies("list_webhook_names").get(0).path("version").asText())
        .isEqualTo("3.6");
  }

  @Test
  void genericCallPassesAnyMethodThrough() throws Exception {
    answer("list_tags", "[{\"name\":\"t\"}]");
    assertThat(client.call("list_tags", WireMapper.object()).get(0).path("name").asText())
        .isEqualTo("t");
  }
}
