package io.chatform.emulator;

import static io.chatform.emulator.Quotes.eachAnswers;
import static io.chatform.emulator.Quotes.eachRefused;
import static io.chatform.emulator.Quotes.j;
import static io.chatform.emulator.Quotes.notIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Greetings over HTTP: the CRUD round trip, pagination to the last page, limits and versions. */
class GreetingsIT {
  static String greeting(String name, long group) {
    return j(
        "{'type':'normal','active':true,'name':'"
            + name
            + "','group':"
            + group
            + ",'rules':[{'condition':'and','type':'url_current','operator':'contains',"
            + "'value':'checkout'}]}");
  }

  static List<Long> allPages(TestClient c, String firstBody, int expectedPages) {
    return ListPages.all(
        c, "list_greetings", "greetings", "found_greetings", firstBody, expectedPages);
  }

  @Test
  void createGetUpdateDelete() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      TestClient c = new TestClient(e);
      String body =
          j(
              "{'type':'announcement','active':true,'active_from':'2024-01-01T00:00:00Z',"
                  + "'active_until':'2024-12-31T23:59:59+01:00','name':'Welcome','group':0,"
                  + "'rules':[{'condition':'and','type':'visit_time_site','operator':"
                  + "'greater_than','value':'30'}],'properties':{'addon':'chat_widget',"
                  + "'is_exit_intent':'false'},'rich_message':{'template_id':'cards',"
                  + "'elements':[{'title':'Hi','subtitle':'Help?','image':{'url':"
                  + "'https://img.example/a.png'},'buttons':[{'text':'Support','type':'message',"
                  + "'value':'I need support','postback_id':'support'}]}]}}");
      JsonNode created = c.ok("create_greeting", body);
      assertThat(created.fieldNames()).toIterable().containsExactly("id");
      long id = created.get("id").asLong();

      JsonNode g = c.ok("get_greeting", j("{'id':" + id + "}"));
      assertThat(g.get("id").asLong()).isEqualTo(id);
      assertThat(g.get("type").asText()).isEqualTo("announcement");
      assertThat(g.get("active").asBoolean()).isTrue();
      assertThat(g.get("active_from").asText()).isEqualTo("2024-01-01T00:00:00Z");
      assertThat(g.get("active_until").asText()).isEqualTo("2024-12-31T23:59:59+01:00");
      assertThat(g.get("group").asLong()).isZero();
      assertThat(g.at("/rules/0/value").asText()).isEqualTo("30");
      assertThat(g.at("/properties/addon").asText()).isEqualTo("chat_widget");
      String buttonId = g.at("/rich_message/elements/0/buttons/0/button_id").asText();
      assertThat(buttonId).as("generated when not provided").isNotEmpty();

      c.ok("update_greeting", j("{'id':" + id + ",'active':false,'name':'Renamed'}"));
      JsonNode u = c.ok("get_greeting", j("{'id':" + id + "}"));
      assertThat(u.get("active").asBoolean()).isFalse();
      assertThat(u.get("name").asText()).isEqualTo("Renamed");
      assertThat(u.get("rules")).isEqualTo(g.get("rules")); // untouched
      assertThat(u.get("active_from")).isEqualTo(g.get("active_from"));

      c.ok("update_greeting", j("{'id':" + id + ",'active_from':null,'active_until':null}"));
      JsonNode cleared = c.ok("get_greeting", j("{'id':" + id + "}"));
      assertThat(cleared.has("active_from")).isFalse();
      assertThat(cleared.has("active_until")).isFalse();

      TestClient.Reply order =
          c.call(
              "update_greeting",
              j(
                  "{'id':"
                      + id
                      + ",'active_from':'2025-01-02T00:00:00Z','active_until':"
                      + "'2025-01-01T00:00:00Z'}"));
      assertThat(order.errorType()).isEqualTo("validation");
      assertThat(order.body().at("/error/message").asText()).contains("active_until");

      c.ok("delete_greeting", j("{'id':" + id + "}"));
      eachAnswers(
          c,
          List.of("get_greeting", "update_greeting", "delete_greeting"),
          j("{'id':" + id + "}"),
          404,
          "not_found");
    }
  }

  @Test
  void requiredFieldsAndGroups() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      TestClient c = new TestClient(e);
      String ok = greeting("G", 0);
      for (String field : List.of("type", "active", "name", "group", "rules")) {
        JsonNode b = Params.JSON.readTree(ok);
        ((com.fasterxml.jackson.databind.node.ObjectNode) b).remove(field);
        TestClient.Reply r = c.call("create_greeting", b.toString());
        assertThat(r.status()).as(field).isEqualTo(400);
        assertThat(r.errorType()).isEqualTo("validation");
        assertThat(r.body().at("/error/message").asText()).as(field).contains(field);
      }
      assertThat(c.call("create_greeting", ok.replace("normal", "popup")).errorType())
          .isEqualTo("validation");
      assertThat(c.call("create_greeting", ok.replace("true", "\"yes\"")).errorType())
          .isEqualTo("validation");
      TestClient.Reply missing = c.call("create_greeting", greeting("G", 42));
      assertThat(missing.status()).isEqualTo(404);
      assertThat(missing.errorType()).isEqualTo("group_not_found");
      TestClient.Reply date =
          c.call(
              "create_greeting",
              ok.replace("{\"type\"", "{\"active_from\":\"2024-01-01\",\"type\""));
      assertThat(date.errorType()).isEqualTo("validation");
      assertThat(date.body().at("/error/message").asText()).contains("RFC 3339");
      assertThat(c.ok("list_greetings", "{}").get("found_greetings").asInt()).isZero();
    }
  }

  @Test
  void pagination250GreetingsFollowsNextPageIdToTheEnd() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      TestClient c = new TestClient(e);
      long g = c.ok("create_group", j("{'name':'G','agent_priorities':{}}")).get("id").asLong();
      Set<Long> created = new LinkedHashSet<>();
      for (int i = 0; i < 250; i++) {
        created.add(
            c.ok("create_greeting", greeting("g" + i, i % 5 == 0 ? g : 0)).get("id").asLong());
      }
      JsonNode first = c.ok("list_greetings", "{}");
      assertThat(first.get("greetings")).hasSize(100); // default and maximum
      assertThat(first.get("found_greetings").asInt()).isEqualTo(250);
      assertThat(first.get("next_page_id").asText()).isNotEmpty();

      List<Long> ids = allPages(c, "{}", 3);
      assertThat(new LinkedHashSet<>(ids)).isEqualTo(created);

      List<Long> by7 = allPages(c, j("{'limit':7}"), 36); // 250 = 35 * 7 + 5
      assertThat(by7).containsExactlyElementsOf(ids);
      List<Long> exact = allPages(c, j("{'limit':50}"), 5); // the last page is full: no next
      assertThat(exact).containsExactlyElementsOf(ids);

      List<Long> inG = allPages(c, j("{'groups':[" + g + "],'limit':20}"), 3);
      assertThat(inG).hasSize(50);
      inG.forEach(
          id ->
              assertThat(c.ok("get_greeting", j("{'id':" + id + "}")).get("group").asLong())
                  .isEqualTo(g));
    }
  }

  @Test
  void pagesNeitherRepeatNorSkipWhenGreetingsChangeBetweenCalls() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      TestClient c = new TestClient(e);
      List<Long> created = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        created.add(c.ok("create_greeting", greeting("g" + i, 0)).get("id").asLong());
      }
      JsonNode p1 = c.ok("list_greetings", j("{'limit':10}"));
      c.ok("delete_greeting", j("{'id':" + created.get(0) + "}")); // already seen
      long added = c.ok("create_greeting", greeting("late", 0)).get("id").asLong();
      List<Long> seen = new ArrayList<>();
      p1.get("greetings").forEach(g -> seen.add(g.get("id").asLong()));
      JsonNode p = p1;
      while (p.has("next_page_id")) {
        p = c.ok("list_greetings", j("{'page_id':'" + p.get("next_page_id").asText() + "'}"));
        p.get("greetings").forEach(g -> seen.add(g.get("id").asLong()));
      }
      List<Long> expected = new ArrayList<>(created);
      expected.add(added);
      assertThat(seen).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void limitBoundsAndPageIdRules() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      TestClient c = new TestClient(e);
      for (int i = 0; i < 3; i++) {
        c.ok("create_greeting", greeting("g" + i, 0));
      }
      assertThat(c.ok("list_greetings", j("{'limit':1}")).get("greetings")).hasSize(1);
      assertThat(c.ok("list_greetings", j("{'limit':100}")).has("next_page_id")).isFalse();
      eachRefused(
          c,
          "list_greetings",
          List.of(
              "{'limit':0}", "{'limit':101}", "{'limit':-1}", "{'limit':'5'}", "{'limit':2.5}"));
      String next = c.ok("list_greetings", j("{'limit':1}")).get("next_page_id").asText();
      for (String extra : List.of(",'limit':1", ",'groups':[0]")) {
        TestClient.Reply r = c.call("list_greetings", j("{'page_id':'" + next + "'" + extra + "}"));
        assertThat(r.errorType()).as(extra).isEqualTo("validation");
        assertThat(r.body().at("/error/message").asText()).contains("page_id");
      }
      for (String bad : List.of("nonsense", "", "e30")) { // e30 = base64 of {}
        TestClient.Reply r = c.call("list_greetings", j("{'page_id':'" + bad + "'}"));
        assertThat(r.errorType()).as(bad).isEqualTo("validation");
      }
    }
  }

  @Test
  void greetingsExistFrom36() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      notIn(
          e,
          List.of("v3.4", "v3.5"),
          List.of(
              "create_greeting",
              "update_greeting",
              "delete_greeting",
              "get_greeting",
              "list_greetings"),
          greeting("x", 0));
      long id =
          new TestClient(e)
              .version("v3.7")
              .ok("create_greeting", greeting("x", 0))
              .get("id")
              .asLong();
      assertThat(new TestClient(e).ok("get_greeting", j("{'id':" + id + "}")).get("name").asText())
          .isEqualTo("x");
    }
  }
}
