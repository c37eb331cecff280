package io.chatform.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import org.junit.jupiter.api.Test;

/** Normalisation per kind: what must never make a diff, and what always must. */
class KindRulesTest {
  private static ObjectNode json(String text) {
    try {
      return (ObjectNode) Json.MAPPER.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  private static boolean same(Kind kind, String desired, String live) {
    KindRules r = Kinds.rules(kind);
    ObjectNode d = json(desired);
    return Json.same(r.normalize(d), r.normalize(r.alignLive(d, json(live))));
  }

  @Test
  void agentsCompareMembershipNotificationsAndSchedulesAsSets() {
    assertThat(
            same(
                Kind.AGENTS,
                "{'groups':[{'group':'B'},{'group':'A','priority':'first'}],'notifications':['x','y'],"
                    + "'work_scheduler':{'timezone':'UTC','schedule':[{'day':'tuesday','start':'09:00'},{'day':'monday','start':'09:00'}]}}",
                "{'groups':[{'group':'A','priority':'first'},{'group':'B','priority':'normal'},{'group':'General','priority':'normal'}],"
                    + "'notifications':['y','x'],'work_scheduler':{'timezone':'UTC','schedule':[{'day':'monday','start':'09:00'},{'day':'tuesday','start':'09:00'}]}}"))
        .isTrue();
    assertThat(
            same(
                Kind.AGENTS,
                "{'groups':[{'group':'A','priority':'first'}]}",
                "{'groups':[{'group':'A','priority':'last'}]}"))
        .isFalse();
    assertThat(
            same(
                Kind.AGENTS,
                "{'groups':[{'group':'General','priority':'first'}]}",
                "{'groups':[{'group':'General','priority':'normal'}]}"))
        .as("General is compared once the manifest mentions it")
        .isFalse();
  }

  @Test
  void webhookFilterSetsCompareWithoutOrder() {
    assertThat(
            same(
                Kind.WEBHOOKS,
                "{'filters':{'source_type':['system','other_clients'],"
                    + "'chat_presence':{'user_ids':{'values':['b@x','a@x']},'my_bots':true}},"
                    + "'additional_data':['chat_properties','chat_presence_user_ids']}",
                "{'filters':{'source_type':['other_clients','system'],"
                    + "'chat_presence':{'my_bots':true,'user_ids':{'values':['a@x','b@x']}}},"
                    + "'additional_data':['chat_presence_user_ids','chat_properties']}"))
        .isTrue();
    assertThat(
            same(
                Kind.WEBHOOKS,
                "{'filters':{'source_type':['system']}}",
                "{'filters':{'source_type':['system','my_client']}}"))
        .isFalse();
  }

  @Test
  void agentNameIsCreateOnlyFrom36() {
    KindRules r = Kinds.rules(Kind.AGENTS);
    assertThat(r.createOnlyFields(ApiVersion.V3_6)).contains("name");
    assertThat(r.createOnlyFields(ApiVersion.V3_5)).doesNotContain("name");
  }

  @Test
  void botsAreKeyedByOwnerAndNameAndDefaultToTheirGroupPriority() {
    KindRules r = Kinds.rules(Kind.BOTS);
    assertThat(r.key(json("{'name':'T','owner_client_id':'c1'}")))
        .isNotEqualTo(r.key(json("{'name':'T','owner_client_id':'c2'}")));
    assertThat(
            same(
                Kind.BOTS,
                "{'default_group_priority':'first','groups':[{'group':'S'}]}",
                "{'default_group_priority':'first','groups':[{'group':'S','priority':'first'}]}"))
        .isTrue();
  }

  @Test
  void autoAccessExactMatchDefaultsToFalseAndGroupsAreASet() {
    assertThat(
            same(
                Kind.AUTO_ACCESS,
                "{'groups':['B','A'],'conditions':{'url':{'values':[{'value':'/x'}]}}}",
                "{'groups':['A','B'],'conditions':{'url':{'values':[{'value':'/x','exact_match':false}]}}}"))
        .isTrue();
    assertThat(
            same(
                Kind.AUTO_ACCESS,
                "{'conditions':{'url':{'values':[{'value':'/x','exact_match':true}]}}}",
                "{'conditions':{'url':{'values':[{'value':'/x','exact_match':false}]}}}"))
        .isFalse();
  }

  @Test
  void propertiesNormalisePublishAndReplaceOnAnyOtherChange() {
    assertThat(same(Kind.PROPERTIES, "{'publish':true}", "{'publish':['write','read']}")).isTrue();
    assertThat(same(Kind.PROPERTIES, "{'publish':false}", "{'publish':false}")).isTrue();
    assertThat(same(Kind.PROPERTIES, "{'publish':['read']}", "{'publish':false}")).isFalse();
    assertThat(
            same(
                Kind.PROPERTIES,
                "{'access':{'license':{'agent':['write','read']}},'domain':['b','a']}",
                "{'access':{'license':{'agent':['read','write']}},'domain':['a','b']}"))
        .isTrue();
    KindRules r = Kinds.rules(Kind.PROPERTIES);
    assertThat(r.replaces("type")).isTrue();
    assertThat(r.replaces("publish")).isFalse();
  }

  @Test
  void webhooksReplaceOnChangeAndNeverCompareTheirSecret() {
    KindRules r = Kinds.rules(Kind.WEBHOOKS);
    assertThat(r.replaces("description")).isTrue();
    assertThat(r.writeOnlyFields()).containsExactly("secret_key");
    assertThat(
            same(Kind.WEBHOOKS, "{'additional_data':['b','a']}", "{'additional_data':['a','b']}"))
        .isTrue();
  }

  @Test
  void numbersCompareByValue() {
    assertThat(same(Kind.AGENTS, "{'max_chats_count':6}", "{'max_chats_count':6.0}")).isTrue();
    assertThat(same(Kind.GROUPS, "{'language_code':'en'}", "{}")).isFalse();
  }

  @Test
  void authorTypeOnActionsThatIgnoreItMakesNoDiff() {
    assertThat(
            same(
                Kind.WEBHOOKS,
                "{'action':'incoming_chat','filters':{'author_type':'customer'}}",
                "{'action':'incoming_chat','filters':{}}"))
        .isTrue();
    assertThat(
            same(
                Kind.WEBHOOKS,
                "{'action':'incoming_event','filters':{'author_type':'customer'}}",
                "{'action':'incoming_event','filters':{}}"))
        .isFalse();
  }
}
