package io.chatform.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GroupsMembershipTest {
  private final Api api = new Api();

  private long group(String name) {
    return api.call("create_group", "{'name':'" + name + "','agent_priorities':{}}")
        .get("id")
        .asLong();
  }

  @Test
  void membershipIsTheSameFromBothSides() {
    long g1 = group("One");
    long g2 = group("Two");
    api.call(
        "create_agent",
        "{'id':'a@x.io','name':'A','groups':[{'id':" + g1 + ",'priority':'first'}]}");
    var ap =
        api.call("get_group", "{'id':" + g1 + ",'fields':['agent_priorities']}")
            .get("agent_priorities");
    assertThat(ap.get("a@x.io").asText()).isEqualTo("first");
    // update_group replaces the map: a@x.io leaves g1 when not named
    api.call("update_group", "{'id':" + g2 + ",'agent_priorities':{'a@x.io':'last'}}");
    api.call("update_group", "{'id':" + g1 + ",'agent_priorities':{}}");
    var groups = api.call("get_agent", "{'id':'a@x.io','fields':['groups']}").get("groups");
    assertThat(groups).hasSize(1);
    assertThat(groups.get(0).get("id").asLong()).isEqualTo(g2);
    assertThat(groups.get(0).get("priority").asText()).isEqualTo("last");
    // update_agent replaces the list
    api.call("update_agent", "{'id':'a@x.io','groups':[{'id':0,'priority':'supervisor'}]}");
    assertThat(
            api.call("get_group", "{'id':" + g2 + ",'fields':['agent_priorities']}")
                .get("agent_priorities"))
        .isEmpty();
    assertThat(api.call("list_agents", "{'filters':{'group_ids':[0]}}")).hasSize(2);
    // deleting the agent removes it from every group
    api.call("delete_agent", "{'id':'a@x.io'}");
    assertThat(
            api.call("get_group", "{'id':0,'fields':['agent_priorities']}")
                .get("agent_priorities")
                .has("a@x.io"))
        .isFalse();
  }

  @Test
  void groupRulesAndErrors() {
    api.fails("create_group", "{'agent_priorities':{}}", "validation", "`name`");
    api.fails(
        "create_group",
        "{'name':'" + "x".repeat(181) + "','agent_priorities':{}}",
        "validation",
        "`name`");
    api.call("create_group", "{'name':'" + "x".repeat(180) + "','agent_priorities':{}}");
    api.fails("create_group", "{'name':'N'}", "validation", "agent_priorities");
    api.fails(
        "create_group",
        "{'name':'N','agent_priorities':{'ghost@x.io':'normal'}}",
        "not_found",
        "ghost@x.io");
    api.fails(
        "create_group",
        "{'name':'N','agent_priorities':{'" + EmulatorConfig.SANDBOX_OWNER + "':'boss'}}",
        "validation",
        "agent_priorities.");
    api.fails("delete_group", "{'id':0}", "validation", "group 0");
    api.fails("get_group", "{'id':99}", "not_found", "99");
    api.fails("update_group", "{'id':99,'name':'x'}", "not_found", "99");
    var plain = api.call("get_group", "{'id':0}");
    assertThat(plain.get("name").asText()).isEqualTo("General");
    assertThat(plain.has("agent_priorities")).isFalse();
    assertThat(
            api.call("get_group", "{'id':0,'fields':['routing_status']}")
                .get("routing_status")
                .asText())
        .isEqualTo("offline");
    long id = group("Gone");
    api.call("delete_group", "{'id':" + id + "}");
    api.fails("delete_group", "{'id':" + id + "}", "not_found", "" + id);
    // group names are not unique, as in LiveChat
    group("Twin");
    group("Twin");
    assertThat(api.call("list_groups", "{}").findValuesAsText("name"))
        .containsSequence("Twin", "Twin");
  }

  @Test
  void agentPrioritiesNeedANormalMemberUpTo35() {
    String owner = EmulatorConfig.SANDBOX_OWNER;
    api.v("3.5")
        .fails("create_group", "{'name':'N','agent_priorities':{}}", "validation", "normal");
    api.v("3.4")
        .fails(
            "create_group",
            "{'name':'N','agent_priorities':{'" + owner + "':'first'}}",
            "validation",
            "normal");
    api.v("3.5").call("create_group", "{'name':'N','agent_priorities':{'" + owner + "':'normal'}}");
    api.v("3.6").call("create_group", "{'name':'N','agent_priorities':{}}");
  }
}
