package io.chatform.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class BotsModuleTest {
  private final Api api = new Api();

  @Test
  void createReturnsSecretFrom35AndNeverAgain() {
    var v34 = api.v("3.4").call("create_bot", "{'name':'Old'}");
    assertThat(v34.has("secret")).isFalse();
    var v35 = api.v("3.5").call("create_bot", "{'name':'New'}");
    assertThat(v35.get("secret").asText()).hasSize(32);
    String id = v35.get("id").asText();
    var got =
        api.call(
            "get_bot",
            "{'id':'"
                + id
                + "','fields':['groups','max_chats_count','job_title','work_scheduler','timezone']}");
    assertThat(got.toString()).doesNotContain(v35.get("secret").asText());
    assertThat(got.get("max_chats_count").asInt()).isEqualTo(6);
    assertThat(api.call("list_bots", "{'all':true}").toString()).doesNotContain("secret");
    var reset = api.call("reset_bot_secret", "{'id':'" + id + "'}");
    assertThat(reset.get("secret").asText()).isNotEqualTo(v35.get("secret").asText());
    api.v("3.4").fails("reset_bot_secret", "{'id':'" + id + "'}", "not_found", "3.4");
    var token =
        api.v("3.5")
            .call(
                "issue_bot_token",
                "{'bot_id':'"
                    + id
                    + "','bot_secret':'"
                    + reset.get("secret").asText()
                    + "','client_id':'c'}");
    assertThat(token.get("token").asText()).startsWith("dal:");
    api.fails(
        "issue_bot_token",
        "{'bot_id':'" + id + "','bot_secret':'wrong','client_id':'c'}",
        "authentication",
        "bot_secret");
  }

  @Test
  void typeOnlyIn36AndLimits() {
    String id =
        api.v("3.6").call("create_bot", "{'name':'B','type':'assistant'}").get("id").asText();
    assertThat(api.call("get_bot", "{'id':'" + id + "'}").get("type").asText())
        .isEqualTo("assistant");
    String old =
        api.v("3.5").call("create_bot", "{'name':'B','type':'assistant'}").get("id").asText();
    assertThat(api.v("3.5").call("get_bot", "{'id':'" + old + "'}").has("type")).isFalse();
    assertThat(api.v("3.6").call("get_bot", "{'id':'" + old + "'}").get("type").asText())
        .isEqualTo("chatbot");
    api.fails("create_bot", "{'name':'B','max_chats_count':501}", "validation", "max_chats_count");
    api.call("update_bot", "{'id':'" + id + "','max_chats_count':500}");
    api.fails("create_bot", "{}", "validation", "`name`");
    api.fails(
        "create_bot",
        "{'name':'B','groups':[{'id':42,'priority':'first'}]}",
        "group_not_found",
        "42");
    api.fails("get_bot", "{'id':'nope'}", "not_found", "nope");
    api.fails("update_bot", "{'id':'nope'}", "not_found", "nope");
    api.fails("delete_bot", "{'id':'nope'}", "not_found", "nope");
  }

  @Test
  void ownershipPatNeedsOwnerAndListFiltersByCaller() {
    api.clientId = Optional.empty();
    api.fails("create_bot", "{'name':'B'}", "validation", "owner_client_id");
    api.call("create_bot", "{'name':'Other','owner_client_id':'other'}");
    api.clientId = Optional.of(EmulatorConfig.SANDBOX_CLIENT_ID);
    String mine =
        api.call("create_bot", "{'name':'Mine','groups':[{'id':0,'priority':'first'}]}")
            .get("id")
            .asText();
    assertThat(api.call("list_bots", "{}").findValuesAsText("name")).containsExactly("Mine");
    assertThat(api.call("list_bots", "{'all':true}")).hasSize(2);
    // 3.4 rejects another owner with a Bearer token; 3.5 lets it override
    api.v("3.4")
        .fails(
            "create_bot",
            "{'name':'X','owner_client_id':'other'}",
            "authorization",
            "owner_client_id");
    api.v("3.5").call("create_bot", "{'name':'X','owner_client_id':'other'}");
    // membership shows on both sides, and deleting the bot clears it
    assertThat(
            api.call("get_group", "{'id':0,'fields':['agent_priorities']}")
                .at("/agent_priorities/" + mine)
                .asText())
        .isEqualTo("first");
    api.call("update_bot", "{'id':'" + mine + "','groups':[]}");
    assertThat(api.call("get_bot", "{'id':'" + mine + "','fields':['groups']}").get("groups"))
        .isEmpty();
    api.call("delete_bot", "{'id':'" + mine + "'}");
    assertThat(api.call("list_bots", "{}")).isEmpty();
  }

  @Test
  void batchBotsFrom35() {
    api.v("3.4").fails("batch_create_bots", "{'requests':[]}", "not_found", "batch_create_bots");
    var r =
        api.v("3.6")
            .call("batch_create_bots", "{'requests':[{'name':'A'},{'name':''}]}")
            .get("responses");
    assertThat(r.get(0).get("secret").asText()).isNotEmpty();
    assertThat(r.get(1).at("/error/message").asText()).contains("name");
    String id = r.get(0).get("id").asText();
    assertThat(
            api.call("batch_update_bots", "{'requests':[{'id':'" + id + "','name':'B'}]}")
                .at("/responses/0"))
        .isEmpty();
    assertThat(
            api.call("batch_delete_bots", "{'requests':[{'id':'" + id + "'},{'id':'" + id + "'}]}")
                .at("/responses/1/error/type")
                .asText())
        .isEqualTo("not_found");
  }

  @Test
  void botTemplatesAtMostFivePerClientId() {
    api.v("3.4").fails("create_bot_template", "{'name':'T'}", "not_found", "3.4");
    api.v("3.6");
    String first = null;
    for (int i = 0; i < 5; i++) {
      var t = api.call("create_bot_template", "{'name':'T" + i + "'}");
      assertThat(t.get("secret").asText()).isNotEmpty();
      first = first == null ? t.get("id").asText() : first;
    }
    api.fails("create_bot_template", "{'name':'T6'}", "limit_reached", "5");
    api.call("create_bot_template", "{'name':'T','owner_client_id':'another'}");
    var list = api.call("list_bot_templates", "{}");
    assertThat(list).hasSize(5);
    assertThat(list.toString()).doesNotContain("secret");
    api.call("update_bot_template", "{'id':'" + first + "','name':'Renamed','max_chats_count':10}");
    assertThat(api.call("list_bot_templates", "{}").get(0).get("name").asText())
        .isEqualTo("Renamed");
    assertThat(
            api.call("reset_bot_template_secret", "{'id':'" + first + "'}").get("secret").asText())
        .isNotEmpty();
    api.call("delete_bot_template", "{'id':'" + first + "'}");
    api.fails("delete_bot_template", "{'id':'" + first + "'}", "not_found", first);
    api.fails("update_bot_template", "{'id':'x','name':'y'}", "not_found", "x");
  }
}
