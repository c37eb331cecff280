package io.chatform.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Numbers beyond a long must be rejected by name, never wrapped into a small valid value. */
class FieldTypesTest {
  private final Api api = new Api();
  private static final String TWO_POW_64 = "18446744073709551616";

  @Test
  void hugeGroupIdIsAValidationErrorNotGroupZero() {
    api.fails("get_group", "{'id':" + TWO_POW_64 + "}", "validation", "`id`");
    api.fails("delete_group", "{'id':" + TWO_POW_64 + "}", "validation", "`id`");
    assertThat(api.call("get_group", "{'id':0}").get("name").asText()).isEqualTo("General");
  }

  @Test
  void hugeIntegerDoesNotWrapIntoTheRange() {
    // 2^64 + 5 wraps to 5 in asLong(); it must not create an agent with max_chats_count 5.
    api.fails(
        "create_agent",
        "{'id':'a@x.io','name':'A','max_chats_count':18446744073709551621}",
        "validation",
        "`max_chats_count`");
    api.fails("get_agent", "{'id':'a@x.io'}", "not_found", "a@x.io");
  }

  @Test
  void hugeOrNonNumericGroupIdsInAgentGroups() {
    api.fails(
        "create_agent",
        "{'id':'a@x.io','name':'A','groups':[{'id':" + TWO_POW_64 + ",'priority':'normal'}]}",
        "validation",
        "groups[0].id");
  }

  @Test
  void listAgentsGroupFilterRejectsNonIds() {
    api.fails(
        "list_agents", "{'filters':{'group_ids':['x']}}", "validation", "filters.group_ids[0]");
    api.fails(
        "list_agents",
        "{'filters':{'group_ids':[0," + TWO_POW_64 + "]}}",
        "validation",
        "filters.group_ids[1]");
    assertThat(api.call("list_agents", "{'filters':{'group_ids':[0]}}")).hasSize(1);
  }
}
