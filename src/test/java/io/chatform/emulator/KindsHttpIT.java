package io.chatform.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The auto access, properties and webhooks modules over real HTTP with a plain java.net.http
 * client: linked-list semantics on the wire, GET with query parameters, unauthenticated webhook
 * names, the webhook limit and version gates.
 */
class KindsHttpIT {
  private static final String NS = EmulatorConfig.SANDBOX_CLIENT_ID;

  private static String rule(String description, String nextId) {
    return "{\"description\":\""
        + description
        + "\",\"access\":{\"groups\":[0]},\"conditions\":{\"domain\":{\"values\":"
        + "[{\"value\":\""
        + description
        + ".example\",\"exact_match\":true}]}}"
        + (nextId == null ? "" : ",\"next_id\":\"" + nextId + "\"")
        + "}";
  }

  /** Descriptions in chain order, rebuilt from next_id; also checks the array is in that order. */
  private static List<String> chain(TestClient c) {
    JsonNode list = c.ok("list_auto_accesses", "{}");
    Map<String, JsonNode> byId = new HashMap<>();
    Map<String, String> nextOf = new HashMap<>();
    List<String> arrayOrder = new ArrayList<>();
    for (JsonNode r : list) {
      byId.put(r.get("id").asText(), r);
      nextOf.put(r.get("id").asText(), r.path("next_id").asText(""));
      arrayOrder.add(r.get("description").asText());
    }
    String head =
        byId.keySet().stream().filter(id -> !nextOf.containsValue(id)).findFirst().orElse("");
    List<String> out = new ArrayList<>();
    for (String id = head; !id.isEmpty(); id = nextOf.get(id)) {
      out.add(byId.get(id).get("description").asText());
      assertThat(out.size()).as("the chain has no cycle").isLessThanOrEqualTo(list.size());
    }
    assertThat(out).as("every rule is on the chain").hasSize(list.size());
    assertThat(arrayOrder).as("list_auto_accesses answers in order").isEqualTo(out);
    return out;
  }

  @Test
  void autoAccessLinkedListThroughTheWire() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      TestClient c = new TestClient(e);
      String a = c.ok("add_auto_access", rule("a", null)).get("id").asText();
      String b = c.ok("add_auto_access", rule("b", null)).get("id").asText(); // appended
      String head = c.ok("add_auto_access", rule("head", a)).get("id").asText(); // first
      String mid = c.ok("add_auto_access", rule("mid", b)).get("id").asText(); // middle
      String tail = c.ok("add_auto_access", rule("tail", "")).get("id").asText(); // "" = end
      assertThat(chain(c)).containsExactly("head", "a", "mid", "b", "tail");

      c.ok("update_auto_access", "{\"id\":\"" + head + "\",\"next_id\":\"\"}"); // to the end
      assertThat(chain(c)).containsExactly("a", "mid", "b", "tail", "head");
      c.ok("update_auto_access", "{\"id\":\"" + tail + "\",\"next_id\":\"" + a + "\"}"); // front
      assertThat(chain(c)).containsExactly("tail", "a", "mid", "b", "head");
      c.ok("update_auto_access", "{\"id\":\"" + b + "\",\"next_id\":\"" + mid + "\"}"); // swap
      assertThat(chain(c)).containsExactly("tail", "a", "b", "mid", "head");
      c.ok("update_auto_access", "{\"id\":\"" + a + "\",\"description\":\"a2\"}"); // keeps place
      assertThat(chain(c)).containsExactly("tail", "a2", "b", "mid", "head");

      TestClient.Reply self =
          c.call("update_auto_access", "{\"id\":\"" + a + "\",\"next_id\":\"" + a + "\"}");
      assertThat(self.status()).isEqualTo(400);
      assertThat(self.errorType()).isEqualTo("validation");
      TestClient.Reply missing = c.call("add_auto_access", rule("x", "no-such-rule"));
      assertThat(missing.status()).isEqualTo(404);
      assertThat(missing.body().at("/error/message").asText()).contains("next_id");
      TestClient.Reply noConditions =
          c.call("add_auto_access", "{\"access\":{\"groups\":[0]},\"conditions\":{}}");
      assertThat(noConditions.errorType()).isEqualTo("validation");
      TestClient.Reply badGroup =
          c.call(
              "add_auto_access",
              "{\"access\":{\"groups\":[77]},\"conditions\":{\"url\":{\"values\":[{\"value\":\"/\"}]}}}");
      assertThat(badGroup.status()).isIn(400, 404);
      assertThat(chain(c)).hasSize(5); // failed calls changed nothing

      c.ok("delete_auto_access", "{\"id\":\"" + tail + "\"}"); // head of the list
      c.ok("delete_auto_access", "{\"id\":\"" + head + "\"}"); // tail of the list
      assertThat(chain(c)).containsExactly("a2", "b", "mid");
      assertThat(c.call("delete_auto_access", "{\"id\":\"" + tail + "\"}").status()).isEqualTo(404);
    }
  }

  private static void registerTier(TestClient c) {
    c.ok(
        "register_property",
        "{\"name\":\"tier\",\"type\":\"string\",\"access\":{"
            + "\"license\":{\"agent\":[\"read\",\"write\"]},"
            + "\"group\":{\"agent\":[\"read\",\"write\"]}}}");
    c.ok(
        "register_property",
        "{\"name\":\"seats\",\"type\":\"int\",\"range\":{\"from\":1,\"to\":10},\"access\":{"
            + "\"license\":{\"agent\":[\"read\",\"write\"]}}}");
  }

  private TestClient.Reply get(TestClient c, String version, String method, String query) {
    return c.send(
        HttpRequest.newBuilder(
                URI.create(
                    c.base() + "/" + version + "/configuration/action/" + method + "?" + query))
            .GET());
  }

  @Test
  void propertyListingsAnswerGetWithQueryParameters() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      TestClient c = new TestClient(e);
      registerTier(c);
      c.ok(
          "update_license_properties",
          "{\"properties\":{\"" + NS + "\":{\"tier\":\"gold\",\"seats\":4}}}");
      TestClient.Reply all = get(c, "v3.6", "list_license_properties", "namespace=" + NS);
      assertThat(all.status()).isEqualTo(200);
      assertThat(all.body().path(NS).path("tier").asText()).isEqualTo("gold");
      assertThat(all.body().path(NS).path("seats").asInt()).isEqualTo(4);
      TestClient.Reply prefixed =
          get(c, "v3.6", "list_license_properties", "namespace=" + NS + "&name_prefix=ti");
      assertThat(prefixed.body().path(NS).fieldNames()).toIterable().containsExactly("tier");
      // the JS SDK's misspelling is an unknown parameter: ignored, not a filter
      TestClient.Reply sdk =
          get(c, "v3.6", "list_license_properties", "namespace_prefix=nothing-matches");
      assertThat(sdk.body().path(NS).size()).isEqualTo(2);
      TestClient.Reply other = get(c, "v3.6", "list_license_properties", "namespace=other");
      assertThat(other.body().path(NS).isMissingNode()).isTrue();

      TestClient v34 = new TestClient(e).version("v3.4");
      long g =
          v34.ok(
                  "create_group",
                  "{\"name\":\"G\",\"agent_priorities\":{\""
                      + EmulatorConfig.SANDBOX_OWNER
                      + "\":\"normal\"}}")
              .get("id")
              .asLong();
      c.ok(
          "update_group_properties",
          "{\"group_id\":" + g + ",\"properties\":{\"" + NS + "\":{\"tier\":\"silver\"}}}");
      TestClient.Reply group =
          get(c, "v3.4", "list_group_properties", "id=" + g + "&namespace=" + NS);
      assertThat(group.status()).isEqualTo(200);
      assertThat(group.body().path(NS).path("tier").asText()).isEqualTo("silver");
      assertThat(get(c, "v3.4", "list_group_properties", "id=999").errorType())
          .isEqualTo("group_not_found");
      // POST still works for the same method
      assertThat(
              v34.ok("list_group_properties", "{\"id\":" + g + "}").path(NS).path("tier").asText())
          .isEqualTo("silver");

      // GET is only for the two property listings
      TestClient.Reply notGet = get(c, "v3.6", "list_groups", "");
      assertThat(notGet.status()).isEqualTo(405);
      assertThat(notGet.raw().headers().firstValue("Allow")).hasValue("POST");
    }
  }

  @Test
  void groupPropertyListingsAreVersionGated() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      TestClient c = new TestClient(e);
      registerTier(c);
      long g = c.ok("create_group", "{\"name\":\"G\",\"agent_priorities\":{}}").get("id").asLong();
      c.ok(
          "update_group_properties",
          "{\"group_id\":" + g + ",\"properties\":{\"" + NS + "\":{\"tier\":\"gold\"}}}");

      TestClient.Reply v34 =
          new TestClient(e).version("v3.4").call("list_groups_properties", "{\"group_ids\":[]}");
      assertThat(v34.status()).isEqualTo(404);
      assertThat(v34.errorType()).isEqualTo("not_found");
      assertThat(v34.body().at("/error/message").asText()).contains("3.4");
      for (String version : List.of("v3.5", "v3.6")) {
        TestClient v = new TestClient(e).version(version);
        JsonNode all = v.ok("list_groups_properties", "{\"group_ids\":[]}");
        assertThat(all).hasSize(1);
        assertThat(all.get(0).path("id").asLong()).isEqualTo(g);
        assertThat(all.get(0).at("/properties/" + NS + "/tier").asText()).isEqualTo("gold");
        assertThat(v.call("list_groups_properties", "{}").errorType()).isEqualTo("validation");
        assertThat(v.call("list_group_properties", "{\"id\":" + g + "}").status())
            .isEqualTo(404); // replaced from 3.5
      }
    }
  }

  @Test
  void webhookNamesNeedNoAuthentication() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      TestClient anonymous = new TestClient(e);
      anonymous.auth = null;
      JsonNode v36 = anonymous.ok("list_webhook_names", "{\"version\":\"3.6\"}");
      List<String> actions = new ArrayList<>();
      v36.forEach(n -> actions.add(n.get("action").asText()));
      assertThat(actions).hasSize(38).contains("thread_summary_set", "auto_accesses_updated");
      JsonNode v34 = anonymous.ok("list_webhook_names", "{\"version\":\"3.4\"}");
      assertThat(v34.toString()).contains("auto_access_added").doesNotContain("tag_created");
      // other methods do need credentials
      assertThat(anonymous.call("list_webhooks", "{}").status()).isEqualTo(401);
      assertThat(anonymous.call("list_webhooks", "{}").errorType()).isEqualTo("authentication");
    }
  }

  private static String hook(String action, String url) {
    return "{\"action\":\""
        + action
        + "\",\"url\":\""
        + url
        + "\",\"type\":\"license\",\"secret_key\":\"s3cr3t-key\"}";
  }

  @Test
  void webhookLimitIsLimitReachedWithItsStatus() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      TestClient c = new TestClient(e);
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < WebhooksModule.MAX_PER_ACTION; i++) {
        ids.add(
            c.ok("register_webhook", hook("incoming_chat", "https://h.example/" + i))
                .get("id")
                .asText());
      }
      TestClient.Reply fourth =
          c.call("register_webhook", hook("incoming_chat", "https://h.example/4"));
      assertThat(fourth.status()).isEqualTo(422);
      assertThat(fourth.errorType()).isEqualTo("limit_reached");
      assertThat(fourth.body().at("/error/message").asText()).contains("incoming_chat");
      // the limit is per action and per Client ID
      c.ok("register_webhook", hook("chat_deactivated", "https://h.example/d"));
      TestClient other = new TestClient(e);
      other.auth = TestClient.BASIC;
      other.ok(
          "register_webhook",
          hook("incoming_chat", "https://h.example/o")
              .replace("{", "{\"owner_client_id\":\"other\","));
      // the list never shows secret_key
      JsonNode listed = c.ok("list_webhooks", "{}");
      assertThat(listed).hasSize(4);
      assertThat(listed.toString()).doesNotContain("secret_key").doesNotContain("s3cr3t-key");
      // unregistering one frees a place
      c.ok("unregister_webhook", "{\"id\":\"" + ids.get(0) + "\"}");
      c.ok("register_webhook", hook("incoming_chat", "https://h.example/5"));
      assertThat(c.ok("list_webhooks", "{}")).hasSize(4);
      // and invalid input names the field
      TestClient.Reply longUrl =
          c.call(
              "register_webhook", hook("chat_transferred", "https://h.example/" + "x".repeat(500)));
      assertThat(longUrl.errorType()).isEqualTo("validation");
      assertThat(longUrl.body().at("/error/message").asText()).contains("url");
      TestClient.Reply wrongVersionAction =
          new TestClient(e)
              .version("v3.5")
              .call("register_webhook", hook("thread_summary_set", "https://h.example/t"));
      assertThat(wrongVersionAction.errorType()).isEqualTo("validation");
      assertThat(wrongVersionAction.body().at("/error/message").asText()).contains("action");
    }
  }
}
