package io.chatform.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AgentsModuleTest {
  private final Api api = new Api();

  @Test
  void createGetListWithFieldsOnDemand() {
    assertThat(
            api.call("create_agent", "{'id':'a@x.io','name':'A','job_title':'Boss'}")
                .get("id")
                .asText())
        .isEqualTo("a@x.io");
    var plain = api.call("get_agent", "{'id':'a@x.io'}");
    assertThat(plain.get("role").asText()).isEqualTo("normal");
    // Each agent has an account of its own; the sandbox account id is the owner's.
    assertThat(plain.get("account_id").asText())
        .isNotBlank()
        .isNotEqualTo(EmulatorConfig.SANDBOX_ACCOUNT_ID);
    assertThat(
            api.call("get_agent", "{'id':'" + EmulatorConfig.SANDBOX_OWNER + "'}")
                .get("account_id")
                .asText())
        .isEqualTo(EmulatorConfig.SANDBOX_ACCOUNT_ID);
    assertThat(plain.has("job_title")).isFalse();
    assertThat(plain.has("groups")).isFalse();
    var full =
        api.call(
            "get_agent",
            "{'id':'a@x.io','fields':['job_title','awaiting_approval','max_chats_count','groups','suspended']}");
    assertThat(full.get("job_title").asText()).isEqualTo("Boss");
    assertThat(full.get("awaiting_approval").asBoolean()).isTrue();
    assertThat(full.get("max_chats_count").asInt()).isEqualTo(6);
    assertThat(full.get("groups")).isEmpty();
    assertThat(api.call("list_agents", "{}")).hasSize(2);
    api.fails("get_agent", "{'id':'a@x.io','fields':['bogus']}", "validation", "fields[0]");
    api.fails("get_agent", "{'id':'nobody@x.io'}", "not_found", "nobody@x.io");
  }

  @Test
  void aWorkSchedulerNeedsASchedule() {
    api.call("create_agent", "{'id':'a@x.io','name':'A'}");
    api.fails(
        "update_agent",
        "{'id':'a@x.io','work_scheduler':{'timezone':'UTC'}}",
        "validation",
        "`work_scheduler.schedule` is required");
    // The docs' update_agent example (3.5-3.7) still sends the 3.4 form, days as keys and no
    // time zone: refused, as the field table (schedule required, a time zone with slots) reads.
    api.fails(
        "update_agent",
        "{'id':'a@x.io','work_scheduler':{'monday':{'start':'08:30','end':'12:30'}}}",
        "validation",
        "`work_scheduler.schedule` is required");
  }

  @Test
  void createErrorsNameTheField() {
    api.fails("create_agent", "{'name':'A'}", "validation", "`id`");
    api.fails("create_agent", "{'id':'a@x.io'}", "validation", "`name`");
    api.fails("create_agent", "{'id':'a@x.io','name':'A','role':'owner'}", "validation", "`role`");
    api.fails("create_agent", "{'id':'a@x.io','name':'A','role':'god'}", "validation", "`role`");
    api.fails(
        "create_agent",
        "{'id':'a@x.io','name':'A','groups':[{'id':7,'priority':'normal'}]}",
        "group_not_found",
        "groups[0].id");
    api.fails(
        "create_agent",
        "{'id':'a@x.io','name':'A','notifications':['nope']}",
        "validation",
        "notifications[0]");
    api.call("create_agent", "{'id':'a@x.io','name':'A'}");
    api.fails("create_agent", "{'id':'a@x.io','name':'A'}", "already_exists", "a@x.io");
  }

  @Test
  void maxChatsCountLimitDependsOnVersion() {
    api.v("3.4").call("create_agent", "{'id':'a@x.io','name':'A','max_chats_count':100}");
    api.v("3.4")
        .fails(
            "create_agent",
            "{'id':'b@x.io','name':'B','max_chats_count':101}",
            "validation",
            "max_chats_count");
    api.v("3.5")
        .fails(
            "create_agent",
            "{'id':'b@x.io','name':'B','max_chats_count':21}",
            "validation",
            "max_chats_count");
    api.v("3.6").call("update_agent", "{'id':'a@x.io','max_chats_count':20}");
    api.v("3.6")
        .fails(
            "update_agent",
            "{'id':'a@x.io','max_chats_count':21}",
            "validation",
            "max_chats_count");
  }

  @Test
  void updateAgentRejectsNameAndAvatarIn36Only() {
    api.call("create_agent", "{'id':'a@x.io','name':'A'}");
    api.v("3.6").fails("update_agent", "{'id':'a@x.io','name':'B'}", "validation", "`name`");
    api.v("3.6").fails("update_agent", "{'id':'a@x.io','avatar':'u'}", "validation", "`avatar`");
    api.v("3.5").call("update_agent", "{'id':'a@x.io','name':'B','avatar':'http://a/p.png'}");
    var a = api.v("3.5").call("get_agent", "{'id':'a@x.io'}");
    assertThat(a.get("name").asText()).isEqualTo("B");
    assertThat(a.get("avatar").asText()).isEqualTo("http://a/p.png");
    assertThat(api.v("3.6").call("get_agent", "{'id':'a@x.io'}").has("avatar")).isFalse();
  }

  @Test
  void ownerCannotBeDeletedDemotedOrSuspended() {
    String owner = "{'id':'" + EmulatorConfig.SANDBOX_OWNER + "'";
    api.fails("delete_agent", owner + "}", "authorization", "owner");
    api.fails("update_agent", owner + ",'role':'normal'}", "authorization", "owner");
    api.fails("update_agent", owner + ",'role':'owner'}", "validation", "`role`");
    api.fails("suspend_agent", owner + "}", "authorization", "owner");
    assertThat(api.call("get_agent", owner + "}").get("role").asText()).isEqualTo("owner");
  }

  @Test
  void suspendUnsuspendApproveAndFilters() {
    api.call("create_agent", "{'id':'a@x.io','name':'A'}");
    api.call("suspend_agent", "{'id':'a@x.io'}");
    assertThat(api.call("list_agents", "{'filters':{'suspended':true}}")).hasSize(1);
    // filters.suspended is unknown (ignored) in 3.4
    assertThat(api.v("3.4").call("list_agents", "{'filters':{'suspended':true}}")).hasSize(2);
    api.v("3.6").call("unsuspend_agent", "{'id':'a@x.io'}");
    api.call("approve_agent", "{'id':'a@x.io'}");
    var a = api.call("get_agent", "{'id':'a@x.io','fields':['suspended','awaiting_approval']}");
    assertThat(a.get("suspended").asBoolean()).isFalse();
    assertThat(a.get("awaiting_approval").asBoolean()).isFalse();
    api.fails("approve_agent", "{'id':'zz@x.io'}", "not_found", "zz@x.io");
    assertThat(api.call("request_agent_unsuspension", "{}")).isEmpty();
    api.call("delete_agent", "{'id':'a@x.io'}");
    api.fails("delete_agent", "{'id':'a@x.io'}", "not_found", "a@x.io");
  }

  @Test
  void workSchedulerShapesPerVersion() {
    api.v("3.4")
        .call(
            "create_agent",
            "{'id':'a@x.io','name':'A','work_scheduler':{'monday':{'start':'08:00','end':'16:00'}}}");
    var ws =
        api.v("3.6")
            .call("get_agent", "{'id':'a@x.io','fields':['work_scheduler']}")
            .get("work_scheduler");
    assertThat(ws.get("schedule").get(0).get("day").asText()).isEqualTo("monday");
    api.v("3.4")
        .fails(
            "update_agent",
            "{'id':'a@x.io','work_scheduler':{'moonday':{'start':'08:00','end':'16:00'}}}",
            "validation",
            "moonday");
    api.v("3.6")
        .fails(
            "update_agent",
            "{'id':'a@x.io','work_scheduler':{'schedule':[{'day':'monday','enabled':true,'start':'08:00','end':'12:00'}]}}",
            "validation",
            "timezone");
    api.v("3.6").call("update_agent", "{'id':'a@x.io','work_scheduler':{'schedule':[]}}");
    api.v("3.5")
        .fails(
            "update_agent",
            "{'id':'a@x.io','work_scheduler':{'timezone':'UTC','schedule':[{'day':'monday','enabled':true,'start':'8','end':'12:00'}]}}",
            "validation",
            "schedule[0].start");
  }

  @Test
  void batchMethodsFrom35ReturnPlainResultsAndErrorsInOrder() {
    api.v("3.4").fails("batch_create_agents", "{'requests':[]}", "not_found", "3.4");
    var r =
        api.v("3.5")
            .call(
                "batch_create_agents",
                "{'requests':[{'id':'a@x.io','name':'A'},{'id':'a@x.io','name':'A'},{}]}");
    var responses = r.get("responses");
    assertThat(responses.get(0).get("id").asText()).isEqualTo("a@x.io");
    assertThat(responses.get(1).at("/error/type").asText()).isEqualTo("already_exists");
    assertThat(responses.get(2).at("/error/message").asText()).contains("`id`");
    api.fails("batch_delete_agents", "{}", "validation", "requests");
    var del = api.call("batch_delete_agents", "{'requests':[{'id':'a@x.io'}]}").get("responses");
    assertThat(del.get(0)).isEmpty();
    for (String m :
        new String[] {
          "batch_update_agents",
          "batch_suspend_agents",
          "batch_unsuspend_agents",
          "batch_approve_agents"
        }) {
      assertThat(
              api.call(m, "{'requests':[{'id':'zz@x.io'}]}").at("/responses/0/error/type").asText())
          .as(m)
          .isEqualTo("not_found");
    }
  }
}
