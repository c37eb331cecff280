package io.chatform.emulator;

import static io.chatform.emulator.Quotes.eachRefused;
import static io.chatform.emulator.Quotes.j;
import static io.chatform.emulator.Quotes.notIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tags over HTTP: the case rules of create vs update/delete, groups, filters and versions. */
class TagsIT {
  private static List<String> names(JsonNode tags) {
    List<String> out = new ArrayList<>();
    tags.forEach(t -> out.add(t.get("name").asText()));
    return out;
  }

  @Test
  void createListUpdateDeleteWithTheDocumentedFields() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      TestClient c = new TestClient(e);
      long g = c.ok("create_group", j("{'name':'Sales','agent_priorities':{}}")).get("id").asLong();
      assertThat(c.ok("create_tag", j("{'name':'Billing','group_ids':[0," + g + "]}"))).isEmpty();
      c.ok("create_tag", j("{'name':'spam'}"));

      JsonNode tags = c.ok("list_tags", "{}");
      assertThat(names(tags)).containsExactly("Billing", "spam");
      JsonNode billing = tags.get(0);
      assertThat(billing.get("group_ids").toString()).isEqualTo("[0," + g + "]");
      assertThat(billing.get("author_id").asText()).isEqualTo(EmulatorConfig.SANDBOX_OWNER);
      assertThat(billing.get("created_at").asText())
          .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z");
      assertThat(tags.get(1).get("group_ids").toString()).isEqualTo("[]");

      c.ok("update_tag", j("{'name':'Billing','group_ids':[" + g + "]}"));
      assertThat(c.ok("list_tags", "{}").get(0).get("group_ids").toString())
          .isEqualTo("[" + g + "]");
      c.ok("update_tag", j("{'name':'Billing'}")); // no group_ids: unchanged
      assertThat(c.ok("list_tags", "{}").get(0).get("group_ids").toString())
          .isEqualTo("[" + g + "]");
      c.ok("update_tag", j("{'name':'Billing','group_ids':[]}")); // "Can be empty"
      assertThat(c.ok("list_tags", "{}").get(0).get("group_ids").toString()).isEqualTo("[]");

      c.ok("delete_tag", j("{'name':'spam'}"));
      assertThat(names(c.ok("list_tags", "{}"))).containsExactly("Billing");
    }
  }

  @Test
  void createMatchesNamesCaseInsensitivelyUpdateAndDeleteCaseSensitively() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      TestClient c = new TestClient(e);
      c.ok("create_tag", j("{'name':'Billing'}"));
      for (String dup : List.of("billing", "BILLING", "Billing")) {
        TestClient.Reply r = c.call("create_tag", j("{'name':'" + dup + "'}"));
        assertThat(r.status()).as(dup).isEqualTo(409);
        assertThat(r.errorType()).isEqualTo("already_exists");
        assertThat(r.body().at("/error/message").asText()).contains("Billing");
      }
      TestClient.Reply upd = c.call("update_tag", j("{'name':'billing','group_ids':[0]}"));
      assertThat(upd.errorType()).isEqualTo("not_found");
      assertThat(c.call("delete_tag", j("{'name':'BILLING'}")).errorType()).isEqualTo("not_found");
      assertThat(names(c.ok("list_tags", "{}"))).containsExactly("Billing");
      c.ok("delete_tag", j("{'name':'Billing'}"));
      c.ok("create_tag", j("{'name':'billing'}")); // the name is free again
      assertThat(names(c.ok("list_tags", "{}"))).containsExactly("billing");
    }
  }

  @Test
  void unknownGroupsAndBadFieldsAreRefused() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      TestClient c = new TestClient(e);
      TestClient.Reply r = c.call("create_tag", j("{'name':'x','group_ids':[0,77]}"));
      assertThat(r.status()).isEqualTo(404);
      assertThat(r.errorType()).isEqualTo("group_not_found");
      assertThat(r.body().at("/error/message").asText()).contains("77");
      c.ok("create_tag", j("{'name':'x'}"));
      assertThat(c.call("update_tag", j("{'name':'x','group_ids':[77]}")).errorType())
          .isEqualTo("group_not_found");
      eachRefused(
          c,
          "create_tag",
          List.of(
              "{}",
              "{'name':''}",
              "{'name':5}",
              "{'name':'y','group_ids':'0'}",
              "{'name':'y','group_ids':['0']}",
              "{'name':'y','group_ids':[-1]}"));
      assertThat(c.call("delete_tag", "{}").errorType()).isEqualTo("validation");
      assertThat(names(c.ok("list_tags", "{}"))).containsExactly("x");
    }
  }

  @Test
  void listFiltersByGroupAndDeletedGroupsDropOut() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      TestClient c = new TestClient(e);
      long g = c.ok("create_group", j("{'name':'G','agent_priorities':{}}")).get("id").asLong();
      c.ok("create_tag", j("{'name':'general','group_ids':[0]}"));
      c.ok("create_tag", j("{'name':'both','group_ids':[0," + g + "]}"));
      c.ok("create_tag", j("{'name':'only-g','group_ids':[" + g + "]}"));
      assertThat(names(c.ok("list_tags", j("{'filters':{'group_ids':[" + g + "]}}"))))
          .containsExactly("both", "only-g");
      assertThat(names(c.ok("list_tags", j("{'filters':{'group_ids':[0]}}"))))
          .containsExactly("general", "both");
      assertThat(c.ok("list_tags", j("{'filters':{'group_ids':[]}}"))).isEmpty();
      assertThat(c.call("list_tags", j("{'filters':{}}")).errorType()).isEqualTo("validation");

      c.ok("delete_group", j("{'id':" + g + "}"));
      JsonNode tags = c.ok("list_tags", "{}");
      assertThat(tags.get(1).get("group_ids").toString()).isEqualTo("[0]");
      assertThat(tags.get(2).get("group_ids").toString()).isEqualTo("[]");
    }
  }

  @Test
  void tagsExistFrom35() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      notIn(
          e,
          List.of("v3.4"),
          List.of("create_tag", "update_tag", "delete_tag", "list_tags"),
          j("{'name':'x'}"));
      for (String v : List.of("v3.5", "v3.6", "v3.7")) {
        TestClient c = new TestClient(e).version(v);
        c.ok("create_tag", j("{'name':'t-" + v + "'}"));
      }
      assertThat(names(new TestClient(e).version("v3.5").ok("list_tags", "{}")))
          .containsExactly("t-v3.5", "t-v3.6", "t-v3.7");
    }
  }
}
