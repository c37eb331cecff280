package io.chatform.emulator;

import static io.chatform.emulator.Quotes.eachAnswers;
import static io.chatform.emulator.Quotes.eachRefused;
import static io.chatform.emulator.Quotes.j;
import static io.chatform.emulator.Quotes.notIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Canned responses (3.7 only) over HTTP: fields, validation, 1,200 across pages, filters. */
class CannedResponsesIT {
  private static TestClient v37(Emulator e) {
    return new TestClient(e).version("v3.7");
  }

  static String canned(String text, String tag, long group) {
    return j("{'text':'" + text + "','tags':['" + tag + "'],'group_id':" + group + "}");
  }

  private static List<Long> allPages(TestClient c, String firstBody, int expectedPages) {
    return ListPages.all(
        c,
        "list_canned_responses",
        "canned_responses",
        "found_canned_responses",
        firstBody,
        expectedPages);
  }

  @Test
  void createListUpdateDelete() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      TestClient c = v37(e);
      JsonNode created =
          c.ok(
              "create_canned_response",
              j("{'text':'Thanks! How can I help?','tags':['greeting','support'],'group_id':0}"));
      assertThat(created.fieldNames()).toIterable().containsExactly("id");
      long id = created.get("id").asLong();
      JsonNode r = c.ok("list_canned_responses", "{}").get("canned_responses").get(0);
      assertThat(r.get("id").asLong()).isEqualTo(id);
      assertThat(r.get("text").asText()).isEqualTo("Thanks! How can I help?");
      assertThat(r.get("tags").toString()).isEqualTo("[\"greeting\",\"support\"]");
      assertThat(r.get("group_id").asLong()).isZero();
      assertThat(r.get("is_private").asBoolean()).isFalse(); // "Default: false"
      assertThat(r.get("author_id").asText()).isEqualTo(EmulatorConfig.SANDBOX_OWNER);
      assertThat(r.get("created_at").asText()).endsWith("Z");
      assertThat(r.get("updated_at").asText()).isNotEmpty();

      long g = c.ok("create_group", j("{'name':'G','agent_priorities':{}}")).get("id").asLong();
      assertThat(
              c.ok(
                  "update_canned_response",
                  j("{'id':" + id + ",'tags':['hello'],'group_id':" + g + "}")))
          .isEmpty();
      JsonNode u = c.ok("list_canned_responses", "{}").get("canned_responses").get(0);
      assertThat(u.get("tags").toString()).isEqualTo("[\"hello\"]");
      assertThat(u.get("group_id").asLong()).isEqualTo(g);
      assertThat(u.get("text")).isEqualTo(r.get("text"));
      assertThat(u.get("created_at")).isEqualTo(r.get("created_at"));

      c.ok("delete_canned_response", j("{'id':" + id + "}"));
      assertThat(c.ok("list_canned_responses", "{}").get("found_canned_responses").asInt())
          .isZero();
      eachAnswers(
          c,
          List.of("update_canned_response", "delete_canned_response"),
          j("{'id':" + id + ",'text':'x'}"),
          404,
          "not_found");
    }
  }

  @Test
  void documentedValidation() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      TestClient c = v37(e);
      eachRefused(
          c,
          "create_canned_response",
          List.of(
              "{'tags':['a'],'group_id':0}",
              "{'text':'x','group_id':0}",
              "{'text':'x','tags':['a']}",
              "{'text':'','tags':['a'],'group_id':0}",
              "{'text':'<b></b>  ','tags':['a'],'group_id':0}",
              "{'text':'x','tags':[],'group_id':0}",
              "{'text':'x','tags':[''],'group_id':0}",
              "{'text':'x','tags':'a','group_id':0}",
              "{'text':'x','tags':['a'],'group_id':'0'}",
              "{'text':'x','tags':['a'],'group_id':0,'is_private':'yes'}"));
      TestClient.Reply g = c.call("create_canned_response", canned("x", "a", 9));
      assertThat(g.errorType()).isEqualTo("group_not_found");
      long id = c.ok("create_canned_response", canned("<p>Hi</p>", "a", 0)).get("id").asLong();
      assertThat(c.call("update_canned_response", j("{'id':" + id + ",'text':'<br>'}")).errorType())
          .isEqualTo("validation");
      assertThat(c.call("update_canned_response", j("{'id':" + id + ",'group_id':9}")).errorType())
          .isEqualTo("group_not_found");
      assertThat(c.call("update_canned_response", j("{'text':'x'}")).errorType())
          .isEqualTo("validation");
    }
  }

  @Test
  void pagination1200FollowsNextPageIdToTheEnd() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      TestClient c = v37(e);
      long g = c.ok("create_group", j("{'name':'G','agent_priorities':{}}")).get("id").asLong();
      Set<Long> created = new LinkedHashSet<>();
      for (int i = 0; i < 1200; i++) {
        created.add(
            c.ok("create_canned_response", canned("text " + i, "t" + i, i % 4 == 0 ? g : 0))
                .get("id")
                .asLong());
      }
      JsonNode first = c.ok("list_canned_responses", "{}");
      assertThat(first.get("canned_responses")).hasSize(100); // "Default: 100"
      assertThat(first.get("found_canned_responses").asInt()).isEqualTo(1200);

      List<Long> ids = allPages(c, "{}", 12);
      assertThat(new LinkedHashSet<>(ids)).isEqualTo(created);
      assertThat(allPages(c, j("{'limit':500}"), 3)).containsExactlyElementsOf(ids);
      assertThat(allPages(c, j("{'limit':100000}"), 1)).containsExactlyElementsOf(ids);
      assertThat(allPages(c, j("{'limit':1200}"), 1)).containsExactlyElementsOf(ids);
      assertThat(allPages(c, j("{'limit':1199}"), 2)).containsExactlyElementsOf(ids);
      assertThat(allPages(c, j("{'group_ids':[" + g + "],'limit':100}"), 3)).hasSize(300);
    }
  }

  private static List<String> texts(JsonNode answer) {
    List<String> out = new java.util.ArrayList<>();
    answer.get("canned_responses").forEach(r -> out.add(r.get("text").asText()));
    return out;
  }

  @Test
  void limitBoundsFiltersAndPrivacy() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      TestClient c = v37(e);
      c.ok("create_canned_response", canned("public", "a", 0));
      c.ok(
          "create_canned_response",
          j("{'text':'mine','tags':['b'],'group_id':0,'is_private':true}"));
      assertThat(c.ok("list_canned_responses", "{}").get("found_canned_responses").asInt())
          .isEqualTo(1);
      for (String flag : List.of("include_private", "include_all_private")) {
        JsonNode all = c.ok("list_canned_responses", j("{'" + flag + "':true}"));
        assertThat(all.get("found_canned_responses").asInt()).as(flag).isEqualTo(2);
      }
      // Another agent's private response: only include_all_private lists it.
      c.ok(
          "create_canned_response",
          j("{'text':'theirs','tags':['t'],'group_id':0,'is_private':true}"));
      com.fasterxml.jackson.databind.node.ObjectNode state =
          (com.fasterxml.jackson.databind.node.ObjectNode) e.state().deepCopy();
      int authored = 0;
      for (JsonNode r : state.findParents("author_id")) {
        if (r.path("text").asText().equals("theirs")) {
          ((com.fasterxml.jackson.databind.node.ObjectNode) r)
              .put("author_id", "someone.else@x.example");
          authored++;
        }
      }
      assertThat(authored).isEqualTo(1);
      e.replaceState(state);
      assertThat(texts(c.ok("list_canned_responses", j("{'include_private':true}"))))
          .containsExactlyInAnyOrder("public", "mine");
      assertThat(texts(c.ok("list_canned_responses", j("{'include_all_private':true}"))))
          .containsExactlyInAnyOrder("public", "mine", "theirs");
      assertThat(c.ok("list_canned_responses", j("{'group_ids':[5]}")).get("canned_responses"))
          .isEmpty();
      assertThat(c.ok("list_canned_responses", j("{'limit':1}")).get("canned_responses"))
          .hasSize(1);
      eachRefused(
          c,
          "list_canned_responses",
          List.of("{'limit':0}", "{'limit':100001}", "{'limit':-5}", "{'limit':'10'}"));
      c.ok("create_canned_response", canned("second public", "c", 0));
      String next = c.ok("list_canned_responses", j("{'limit':1}")).get("next_page_id").asText();
      assertThat(
              c.call("list_canned_responses", j("{'page_id':'" + next + "','limit':5}"))
                  .errorType())
          .isEqualTo("validation");
      String greetingsPage =
          Pages.encode(Pages.first("greetings", 1).put("after", 0)); // another list's page id
      assertThat(
              c.call("list_canned_responses", j("{'page_id':'" + greetingsPage + "'}")).errorType())
          .isEqualTo("validation");
    }
  }

  @Test
  void onlyIn37() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      notIn(
          e,
          List.of("v3.4", "v3.5", "v3.6"),
          List.of(
              "create_canned_response",
              "update_canned_response",
              "delete_canned_response",
              "list_canned_responses"),
          canned("x", "a", 0));
      assertThat(v37(e).ok("list_canned_responses", "{}").get("found_canned_responses").asInt())
          .isZero();
    }
  }
}
