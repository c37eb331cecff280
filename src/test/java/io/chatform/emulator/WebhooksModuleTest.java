package io.chatform.emulator;

import static io.chatform.emulator.KindsTestSupport.call;
import static io.chatform.emulator.KindsTestSupport.callWithPat;
import static io.chatform.emulator.KindsTestSupport.error;
import static io.chatform.emulator.KindsTestSupport.json;
import static io.chatform.emulator.KindsTestSupport.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.model.ApiVersion;
import io.chatform.model.WebhookActions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhooksModuleTest {
  private static final ApiVersion V = ApiVersion.V3_6;
  private static final String SECRET = "s3cr3t-value";
  private final WebhooksModule module = new WebhooksModule();

  private static String body(String action, String extra) {
    return "{'action':'"
        + action
        + "','secret_key':'"
        + SECRET
        + "','url':'https://hooks.example.com/lc','type':'license'"
        + extra
        + "}";
  }

  private String register(String action, String extra, String owner) {
    return call(module, V, "register_webhook", body(action, extra), owner).path("id").asText();
  }

  @Test
  void routingStatusSetAcceptsTheAgentIdsFilterOfTheActionsTable() {
    register("routing_status_set", ",'filters':{'agent_ids':['a@example.com']}", "app");
    assertThat(call(module, V, "list_webhooks", "{}", "app").get(0).path("filters"))
        .isEqualTo(json("{'agent_ids':['a@example.com']}"));
  }

  @Test
  void registeredWebhookIsListedForItsOwnerWithoutSecretKey() {
    String id =
        register(
            "incoming_event",
            ",'description':'Events','filters':{'author_type':'customer','only_my_chats':true,'source_type':['my_client']},'additional_data':['chat_properties']",
            "app");
    JsonNode list = call(module, V, "list_webhooks", "{}", "app");
    assertThat(list).hasSize(1);
    JsonNode w = list.get(0);
    assertThat(w.path("id").asText()).isEqualTo(id).isNotEmpty();
    assertThat(w.path("url").asText()).isEqualTo("https://hooks.example.com/lc");
    assertThat(w.path("description").asText()).isEqualTo("Events");
    assertThat(w.path("action").asText()).isEqualTo("incoming_event");
    assertThat(w.path("filters"))
        .isEqualTo(
            json("{'author_type':'customer','only_my_chats':true,'source_type':['my_client']}"));
    assertThat(w.path("owner_client_id").asText()).isEqualTo("app");
    assertThat(w.path("type").asText()).isEqualTo("license");
    assertThat(w.path("additional_data").get(0).asText()).isEqualTo("chat_properties");
    assertThat(w.has("secret_key")).isFalse();
    assertThat(list.toString()).doesNotContain(SECRET);
    assertThat(call(module, V, "list_webhooks", "{}", "other")).isEmpty();
  }

  @Test
  void fourthWebhookForOneActionAndOwnerIsLimitReached() {
    for (int i = 0; i < 3; i++) {
      register("incoming_chat", "", "app"); // identical registrations are allowed
    }
    ApiError e = error(module, V, "register_webhook", body("incoming_chat", ""), "app");
    assertThat(e.type()).isEqualTo("limit_reached");
    assertThat(e.getMessage()).contains("incoming_chat").contains("app");
    register("incoming_chat", "", "other");
    register("chat_deactivated", "", "app");
    assertThat(call(module, V, "list_webhooks", "{}", "app")).hasSize(4);
    // Unregistering one frees a slot.
    String first = call(module, V, "list_webhooks", "{}", "app").get(0).path("id").asText();
    call(module, V, "unregister_webhook", "{'id':'" + first + "'}", "app");
    register("incoming_chat", "", "app");
  }

  @Test
  void actionMustBelongToTheCalledVersion() {
    ApiError e = error(module, ApiVersion.V3_4, "register_webhook", body("tag_created", ""), "app");
    assertThat(e.type()).isEqualTo("validation");
    assertThat(e.getMessage()).contains("action").contains("3.4");
    call(module, ApiVersion.V3_4, "register_webhook", body("auto_access_added", ""), "app");
    assertThat(
            error(module, V, "register_webhook", body("auto_access_added", ""), "app").getMessage())
        .contains("action");
    call(module, ApiVersion.V3_5, "register_webhook", body("incoming_customer", ""), "app");
    assertThat(error(module, V, "register_webhook", body("incoming_customer", ""), "app").type())
        .isEqualTo("validation");
  }

  @Test
  void registrationValidationNamesTheField() {
    assertValidation(
        "{'secret_key':'k','url':'https://a.example','type':'license'}", "action is required");
    assertValidation(
        "{'action':'incoming_chat','url':'https://a.example','type':'license'}",
        "secret_key is required");
    assertValidation(
        "{'action':'incoming_chat','secret_key':'k','type':'license'}", "url is required");
    assertValidation(
        "{'action':'incoming_chat','secret_key':'k','url':'ftp://a.example','type':'license'}",
        "url must be");
    assertValidation(
        "{'action':'incoming_chat','secret_key':'k','url':'not a url','type':'license'}", "url");
    String longUrl = "https://a.example/" + "x".repeat(483);
    assertValidation(
        "{'action':'incoming_chat','secret_key':'k','url':'" + longUrl + "','type':'license'}",
        "maximum is 500");
    assertValidation(
        "{'action':'incoming_chat','secret_key':'k','url':'https://a.example'}",
        "type is required");
    assertValidation(
        "{'action':'incoming_chat','secret_key':'k','url':'https://a.example','type':'app'}",
        "type must be license or bot");
    assertValidation(
        body("incoming_chat", ",'filters':{'author_type':'agent'}"),
        "filters.author_type is only allowed");
    assertValidation(
        body("event_updated", ",'filters':{'author_type':'bot'}"),
        "filters.author_type must be customer or agent");
    assertValidation(body("incoming_chat", ",'filters':{'colour':'red'}"), "filters.colour");
    assertValidation(
        body("incoming_chat", ",'filters':{'agent_ids':['a@b.c']}"), "only allowed for routing");
    assertValidation(
        body("routing_status_set", ",'filters':{'agent_ids':'a@b.c'}"), "array of agent ids");
    assertValidation(
        body("incoming_chat", ",'filters':{'source_type':['everyone']}"), "filters.source_type[0]");
    assertValidation(
        body(
            "incoming_chat",
            ",'filters':{'chat_presence':{'user_ids':{'values':['a'],'exclude_values':['b']}}}"),
        "mutually exclusive");
    assertValidation(
        body("incoming_chat", ",'additional_data':['chat_presence_user_ids','customer']"),
        "additional_data[1]");
    assertThat(call(module, V, "list_webhooks", "{}", "app")).isEmpty();
    // The boundary: exactly 500 characters is fine; bot type too.
    String url500 = "https://a.example/" + "x".repeat(482);
    assertThat(url500).hasSize(500);
    call(
        module,
        V,
        "register_webhook",
        "{'action':'event_updated','secret_key':'k','url':'"
            + url500
            + "','type':'bot','filters':{'author_type':'agent'}}",
        "app");
  }

  private void assertValidation(String body, String messagePart) {
    ApiError e = error(module, V, "register_webhook", body, "app");
    assertThat(e.type()).as(body).isEqualTo("validation");
    assertThat(e.getMessage()).as(body).contains(messagePart).doesNotContain("'k'");
  }

  @Test
  void unregisterIsPerOwnerAndUnknownIsNotFound() {
    String id = register("incoming_chat", "", "app");
    assertThat(error(module, V, "unregister_webhook", "{'id':'" + id + "'}", "other").type())
        .isEqualTo("not_found");
    assertThat(error(module, V, "unregister_webhook", "{'id':'nope'}", "app").type())
        .isEqualTo("not_found");
    assertThat(error(module, V, "unregister_webhook", "{}", "app").getMessage())
        .contains("id is required");
    call(module, V, "unregister_webhook", "{'id':'" + id + "'}", "app");
    assertThat(call(module, V, "list_webhooks", "{}", "app")).isEmpty();
  }

  @Test
  void listWebhookNamesFollowsTheVersionParameterElseTheStableVersion() {
    assertThat(actions(callWithPat(module, V, "list_webhook_names", "{}")))
        .containsExactlyElementsOf(WebhookActions.forVersion(V));
    // Documented: `version` defaults to the current stable version, not the URL's.
    assertThat(actions(callWithPat(module, ApiVersion.V3_4, "list_webhook_names", "{}")))
        .containsExactlyElementsOf(WebhookActions.forVersion(ApiVersion.V3_6));
    assertThat(
            actions(
                callWithPat(module, ApiVersion.V3_6, "list_webhook_names", "{'version':'3.5'}")))
        .containsExactlyElementsOf(WebhookActions.forVersion(ApiVersion.V3_5));
    assertThat(actions(callWithPat(module, V, "list_webhook_names", "{'version':'3.4'}")))
        .containsExactlyElementsOf(WebhookActions.forVersion(ApiVersion.V3_4))
        .contains("auto_access_added");
    JsonNode names =
        callWithPat(module, ApiVersion.V3_5, "list_webhook_names", "{'version':'3.5'}");
    JsonNode incomingEvent = find(names, "incoming_event");
    assertThat(incomingEvent.path("filters").toString()).contains("author_type");
    assertThat(incomingEvent.path("additional_data").toString()).contains("chat_properties");
    assertThat(find(names, "incoming_chat").path("filters").toString())
        .doesNotContain("author_type");
    // Non-chat actions: only source_type, and no empty additional_data list (left out, as in the
    // documented payloads).
    assertThat(find(names, "agent_created").path("filters").toString())
        .isEqualTo("[\"source_type\"]");
    // Issue 13: additional_data is for "all actions except agent_status_changed (now
    // routing_status_set), agent_deleted" (and incoming_customer in 3.4/3.5).
    assertThat(find(names, "agent_deleted").has("additional_data")).isFalse();
    assertThat(find(names, "routing_status_set").has("additional_data")).isFalse();
    assertThat(find(names, "agent_created").has("additional_data")).isTrue();
    assertThat(find(names, "incoming_customer").has("additional_data")).isFalse();
    assertThat(find(names, "routing_status_set").path("filters").toString())
        .isEqualTo("[\"agent_ids\",\"source_type\"]");
    ApiError e =
        catchThrowableOfType(
            ApiError.class,
            () -> callWithPat(module, V, "list_webhook_names", "{'version':'2.0'}"));
    assertThat(e.type()).isEqualTo("validation");
    assertThat(e.getMessage()).contains("version");
  }

  private static List<String> actions(JsonNode names) {
    List<String> out = new ArrayList<>();
    names.forEach(n -> out.add(n.path("action").asText()));
    return out;
  }

  private static JsonNode find(JsonNode names, String action) {
    for (JsonNode n : names) {
      if (n.path("action").asText().equals(action)) {
        return n;
      }
    }
    throw new AssertionError("no " + action);
  }

  @Test
  void licenseWebhooksAreEnabledAutomaticallyAndTheSwitchIsPerOwner() {
    // The docs: license webhooks are enabled automatically when the app is installed.
    assertThat(call(module, V, "get_license_webhooks_state", "{}", "app"))
        .isEqualTo(json("{'license_webhooks_enabled':true}"));
    call(module, V, "disable_license_webhooks", "{}", "app");
    assertThat(
            call(module, V, "get_license_webhooks_state", "{}", "app")
                .path("license_webhooks_enabled")
                .asBoolean())
        .isFalse();
    assertThat(
            call(module, V, "get_license_webhooks_state", "{}", "other")
                .path("license_webhooks_enabled")
                .asBoolean())
        .isTrue();
    call(module, V, "enable_license_webhooks", "{}", "app");
    assertThat(
            call(module, V, "get_license_webhooks_state", "{}", "app")
                .path("license_webhooks_enabled")
                .asBoolean())
        .isTrue();
    for (String v : List.of("3.4", "3.5")) {
      assertThat(
              callWithPat(
                      module,
                      ApiVersion.fromLabel(v).orElseThrow(),
                      "get_license_webhooks_state",
                      "{'owner_client_id':'fresh-app'}")
                  .path("license_webhooks_enabled")
                  .asBoolean())
          .isTrue();
    }
  }

  @Test
  void theJsSdkClientIdSpellingIsAnIgnoredUnknownParameter() {
    // With a PAT, only owner_client_id names the owner: client_id alone is not enough.
    ApiError e =
        catchThrowableOfType(
            ApiError.class,
            () -> callWithPat(module, V, "enable_license_webhooks", "{'client_id':'app'}"));
    assertThat(e.type()).isEqualTo("validation");
    assertThat(e.getMessage()).contains("owner_client_id");
    // With a Bearer token, client_id does not redirect the call to another owner.
    call(module, V, "disable_license_webhooks", "{'client_id':'other'}", "app");
    assertThat(
            call(module, V, "get_license_webhooks_state", "{}", "app")
                .path("license_webhooks_enabled")
                .asBoolean())
        .isFalse();
    assertThat(
            call(module, V, "get_license_webhooks_state", "{}", "other")
                .path("license_webhooks_enabled")
                .asBoolean())
        .isTrue();
    callWithPat(module, V, "disable_license_webhooks", "{'owner_client_id':'pat-app'}");
    assertThat(
            callWithPat(module, V, "get_license_webhooks_state", "{'owner_client_id':'pat-app'}")
                .path("license_webhooks_enabled")
                .asBoolean())
        .isFalse();
  }

  @Test
  void stateRoundTripKeepsWebhooksSecretsAndSwitches() {
    register("incoming_chat", ",'description':'d'", "app");
    register("incoming_chat", "", "app");
    call(module, V, "disable_license_webhooks", "{}", "app");
    WebhooksModule fresh = new WebhooksModule();
    com.fasterxml.jackson.databind.node.ObjectNode state =
        KindsTestSupport.MAPPER.createObjectNode();
    module.writeState(state);
    assertThat(state.toString()).contains(SECRET); // internal state keeps the secret
    roundTrip(module, fresh);
    assertThat(call(fresh, V, "list_webhooks", "{}", "app"))
        .isEqualTo(call(module, V, "list_webhooks", "{}", "app"));
    assertThat(
            call(fresh, V, "get_license_webhooks_state", "{}", "app")
                .path("license_webhooks_enabled")
                .asBoolean())
        .isFalse();
    register("incoming_chat", "", "app");
    // The limit counts restored webhooks too.
    roundTrip(module, fresh);
    assertThat(error(fresh, V, "register_webhook", body("incoming_chat", ""), "app").type())
        .isEqualTo("limit_reached");
    fresh.reset();
    assertThat(call(fresh, V, "list_webhooks", "{}", "app")).isEmpty();
    assertThat(
            call(fresh, V, "get_license_webhooks_state", "{}", "app")
                .path("license_webhooks_enabled")
                .asBoolean())
        .isTrue();
  }
}
