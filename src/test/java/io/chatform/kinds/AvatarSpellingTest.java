package io.chatform.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import io.chatform.model.Kind;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: agents and bots come back with {@code avatar} or {@code avatar_path} depending on the
 * payload; either reads as the manifest's {@code avatar} and compares equal to it.
 */
class AvatarSpellingTest {
  private static final ObjectMapper M = new ObjectMapper();
  private static final String URL = "https://cdn.x.example/a.png";

  private static JsonNode json(String s) throws Exception {
    return M.readTree(s.replace('\'', '"'));
  }

  @Test
  void eitherSpellingReadsAsAvatar() throws Exception {
    Names names = new Names();
    for (String field : new String[] {"avatar", "avatar_path"}) {
      LiveObject agent =
          new AgentKind()
              .shape(json("{'id':'a@x.example','name':'A','" + field + "':'" + URL + "'}"), names);
      assertThat(agent.spec().path("avatar").asText()).as(field).isEqualTo(URL);
      assertThat(agent.spec().has("avatar_path")).isFalse();
      LiveObject bot =
          new BotKind()
              .shape(
                  json(
                      "{'id':'b1','name':'B','owner_client_id':'c','" + field + "':'" + URL + "'}"),
                  names);
      assertThat(bot.spec().path("avatar").asText()).as(field).isEqualTo(URL);
      assertThat(bot.spec().has("avatar_path")).isFalse();
    }
    LiveObject both =
        new BotKind()
            .shape(
                json("{'id':'b1','name':'B','avatar':'" + URL + "','avatar_path':'other'}"), names);
    assertThat(both.spec().path("avatar").asText()).isEqualTo(URL);
  }

  @Test
  void theSpellingNeverMakesADiff() throws Exception {
    KindRules rules = Kinds.rules(Kind.BOTS);
    ObjectNode desired =
        (ObjectNode) json("{'name':'B','owner_client_id':'c','avatar':'" + URL + "'}");
    ObjectNode live =
        new BotKind()
            .shape(
                json("{'id':'b1','name':'B','owner_client_id':'c','avatar_path':'" + URL + "'}"),
                new Names())
            .spec();
    assertThat(rules.normalize(rules.alignLive(desired, live)).path("avatar"))
        .isEqualTo(rules.normalize(desired).path("avatar"));
    assertThat(rules.createOnlyFields(ApiVersion.V3_6)).doesNotContain("avatar_path");
  }

  @Test
  void summariesReadAsEmailSubscriptionsAndTemplatesReadAvatarPath() throws Exception {
    // listAgents.json spells email_subscriptions "summaries"; listBotTemplates.json (3.6+)
    // spells the avatar avatar_path.
    LiveObject agent =
        new AgentKind()
            .shape(
                json("{'id':'a@x.example','name':'A','summaries':['weekly_summary']}"),
                new Names());
    assertThat(agent.spec().path("email_subscriptions").toString())
        .isEqualTo("[\"weekly_summary\"]");
    assertThat(agent.spec().has("summaries")).isFalse();
    LiveObject both =
        new AgentKind()
            .shape(
                json(
                    "{'id':'a@x.example','name':'A','email_subscriptions':['daily_summary'],"
                        + "'summaries':['weekly_summary']}"),
                new Names());
    assertThat(both.spec().path("email_subscriptions").toString()).isEqualTo("[\"daily_summary\"]");
    LiveObject bot =
        new BotKind().shape(json("{'id':'b1','name':'B','summaries':['x']}"), new Names());
    assertThat(bot.spec().has("email_subscriptions")).isFalse();
    LiveObject template =
        BotTemplateKind.shape(json("{'id':'t1','name':'T','avatar_path':'" + URL + "'}"));
    assertThat(template.spec().path("avatar").asText()).isEqualTo(URL);
  }

  @Test
  void aBotListedWithoutTypeTakesTheManifestsAndOneListedWithItIsCompared() throws Exception {
    KindRules rules = Kinds.rules(Kind.BOTS);
    ObjectNode desired = (ObjectNode) json("{'name':'B','owner_client_id':'c','type':'custom'}");
    ObjectNode without = (ObjectNode) json("{'name':'B','owner_client_id':'c'}");
    assertThat(rules.alignLive(desired, without).path("type").asText()).isEqualTo("custom");
    assertThat(without.has("type")).as("the argument is not modified").isFalse();
    ObjectNode other = (ObjectNode) json("{'name':'B','owner_client_id':'c','type':'chatbot'}");
    assertThat(rules.alignLive(desired, other).path("type").asText()).isEqualTo("chatbot");
  }
}
