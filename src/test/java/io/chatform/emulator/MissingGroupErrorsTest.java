package io.chatform.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: which error a missing group answers, method by method (docs/emulator.md): {@code
 * not_found} when the group is the object of a group method, {@code group_not_found} when another
 * call names it. And what deleting a group does to the auto access rules that named it.
 */
class MissingGroupErrorsTest {
  private static final String GONE = "404";
  private final Api api = new Api();

  @Test
  void groupMethodsAnswerNotFound() {
    api.fails("get_group", "{'id':" + GONE + "}", "not_found", GONE);
    api.fails("update_group", "{'id':" + GONE + ",'name':'X'}", "not_found", GONE);
    api.fails("delete_group", "{'id':" + GONE + "}", "not_found", GONE);
  }

  @Test
  void callsNamingAGroupAnswerGroupNotFound() {
    String groups = "'groups':[{'id':" + GONE + ",'priority':'normal'}]";
    api.fails(
        "create_agent", "{'id':'a@x.example','name':'A'," + groups + "}", "group_not_found", GONE);
    api.call("create_agent", "{'id':'b@x.example','name':'B'}");
    api.fails("update_agent", "{'id':'b@x.example'," + groups + "}", "group_not_found", GONE);
    api.fails("create_bot", "{'name':'Bot'," + groups + "}", "group_not_found", GONE);
    String bot = api.call("create_bot", "{'name':'Bot'}").path("id").asText();
    api.fails("update_bot", "{'id':'" + bot + "'," + groups + "}", "group_not_found", GONE);
    String rule =
        "'access':{'groups':[" + GONE + "]},'conditions':{'url':{'values':[{'value':'/x'}]}}";
    api.fails("add_auto_access", "{" + rule + "}", "group_not_found", GONE);
    api.fails(
        "update_group_properties",
        "{'group_id':" + GONE + ",'properties':{'test':{'int_property':1}}}",
        "group_not_found",
        GONE);
    api.fails(
        "delete_group_properties",
        "{'id':" + GONE + ",'properties':{'test':['int_property']}}",
        "group_not_found",
        GONE);
    api.fails("list_groups_properties", "{'group_ids':[" + GONE + "]}", "group_not_found", GONE);
    api.v("3.4").fails("list_group_properties", "{'id':" + GONE + "}", "group_not_found", GONE);
    // A filter naming a missing group just matches nothing.
    api.v("3.6");
    assertThat(api.call("list_agents", "{'filters':{'group_ids':[" + GONE + "]}}")).isEmpty();
  }

  @Test
  void deletingAGroupLeavesItsOnlyRulesWithNoGroup() {
    long sales =
        api.call("create_group", "{'name':'Sales','agent_priorities':{}}").path("id").asLong();
    long support =
        api.call("create_group", "{'name':'Support','agent_priorities':{}}").path("id").asLong();
    String cond = ",'conditions':{'url':{'values':[{'value':'/x'}]}}";
    String only =
        api.call(
                "add_auto_access",
                "{'description':'only','access':{'groups':[" + sales + "]}" + cond + "}")
            .path("id")
            .asText();
    api.call(
        "add_auto_access",
        "{'description':'both','access':{'groups':[" + sales + "," + support + "]}" + cond + "}");
    api.call("delete_group", "{'id':" + sales + "}");
    JsonNode rules = api.call("list_auto_accesses", "{}");
    assertThat(rules).hasSize(2);
    assertThat(rules.get(0).path("id").asText()).isEqualTo(only);
    assertThat(rules.get(0).at("/access/groups").toString()).isEqualTo("[]");
    assertThat(rules.get(1).at("/access/groups").toString()).isEqualTo("[" + support + "]");
    // The rule stays usable: a partial update without access works, giving groups again too.
    api.call("update_auto_access", "{'id':'" + only + "','description':'renamed'}");
    api.call("update_auto_access", "{'id':'" + only + "','access':{'groups':[" + support + "]}}");
    assertThat(api.call("list_auto_accesses", "{}").get(0).at("/access/groups").toString())
        .isEqualTo("[" + support + "]");
  }
}
