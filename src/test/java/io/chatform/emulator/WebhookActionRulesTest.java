package io.chatform.emulator;

import static io.chatform.emulator.KindsTestSupport.call;
import static io.chatform.emulator.KindsTestSupport.callWithPat;
import static io.chatform.emulator.KindsTestSupport.error;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.model.ApiVersion;
import io.chatform.model.WebhookFilters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: register_webhook accepts a filter or additional data exactly when list_webhook_names
 * advertises it for the action, for every action of every version; and the table itself says what
 * the docs' "Triggering actions" table says.
 */
class WebhookActionRulesTest {
  /** One valid value per filter. */
  private static final Map<String, String> SAMPLE =
      Map.of(
          "author_type", "'customer'",
          "only_my_chats", "true",
          "chat_presence", "{'my_bots':true}",
          "source_type", "['my_client']",
          "agent_ids", "['a@x.example']");

  private static String body(String action, String extra) {
    return "{'action':'"
        + action
        + "','secret_key':'k','url':'https://hooks.example.com/lc','type':'license'"
        + extra
        + "}";
  }

  @Test
  void registerAgreesWithListWebhookNamesForEveryActionAndVersion() {
    int checked = 0;
    for (ApiVersion v : ApiVersion.values()) {
      JsonNode names =
          callWithPat(
              new WebhooksModule(), v, "list_webhook_names", "{'version':'" + v.label() + "'}");
      for (JsonNode n : names) {
        String action = n.path("action").asText();
        List<String> listed = new ArrayList<>();
        n.path("filters").forEach(f -> listed.add(f.asText()));
        for (String filter : WebhookFilters.ALL) {
          WebhooksModule m = new WebhooksModule();
          String extra = ",'filters':{'" + filter + "':" + SAMPLE.get(filter) + "}";
          if (listed.contains(filter)) {
            call(m, v, "register_webhook", body(action, extra), "app");
          } else {
            ApiError e = error(m, v, "register_webhook", body(action, extra), "app");
            assertThat(e.type()).as(v + " " + action + " " + filter).isEqualTo("validation");
            assertThat(e.getMessage()).contains("filters." + filter).contains(action);
          }
          checked++;
        }
        WebhooksModule m = new WebhooksModule();
        String data = ",'additional_data':['chat_properties','chat_presence_user_ids']";
        if (n.has("additional_data")) {
          call(m, v, "register_webhook", body(action, data), "app");
        } else {
          ApiError e = error(m, v, "register_webhook", body(action, data), "app");
          assertThat(e.getMessage()).as(v + " " + action).contains("additional_data");
        }
      }
    }
    assertThat(checked).isGreaterThan(500);
  }

  @Test
  void theTableIsTheDocumentedOne() {
    // Configuration actions take only source_type.
    for (String a :
        List.of("group_created", "agent_deleted", "bot_updated", "auto_accesses_updated")) {
      assertThat(WebhookFilters.forAction(a)).as(a).containsExactly("source_type");
    }
    assertThat(WebhookFilters.forAction("tag_created")).containsExactly("source_type");
    assertThat(WebhookFilters.forAction("auto_access_added")).containsExactly("source_type");
    assertThat(WebhookFilters.forAction("incoming_customer")).containsExactly("source_type");
    assertThat(WebhookFilters.forAction("routing_status_set"))
        .containsExactly("agent_ids", "source_type");
    assertThat(WebhookFilters.forAction("customer_session_fields_updated"))
        .containsExactly("chat_presence", "source_type");
    assertThat(WebhookFilters.forAction("incoming_event"))
        .containsExactly("chat_presence", "author_type", "only_my_chats", "source_type");
    assertThat(WebhookFilters.forAction("thread_summary_set"))
        .containsExactly("chat_presence", "only_my_chats", "source_type");
    // additional_data: all but agent_deleted and routing_status_set (ex agent_status_changed);
    // incoming_customer too in 3.4/3.5.
    assertThat(WebhookFilters.takesAdditionalData("agent_deleted", ApiVersion.V3_6)).isFalse();
    assertThat(WebhookFilters.takesAdditionalData("routing_status_set", ApiVersion.V3_6)).isFalse();
    assertThat(WebhookFilters.takesAdditionalData("incoming_customer", ApiVersion.V3_5)).isFalse();
    assertThat(WebhookFilters.takesAdditionalData("agent_created", ApiVersion.V3_6)).isTrue();
    assertThat(WebhookFilters.takesAdditionalData("incoming_chat", ApiVersion.V3_4)).isTrue();
  }

  @Test
  void theCatalogueAnswersFor37WithThe36Table() {
    assertThat(
            callWithPat(
                new WebhooksModule(), ApiVersion.V3_6, "list_webhook_names", "{'version':'3.7'}"))
        .isEqualTo(
            callWithPat(
                new WebhooksModule(), ApiVersion.V3_6, "list_webhook_names", "{'version':'3.6'}"));
  }

  @Test
  void anEmptyAdditionalDataListIsHarmlessEverywhere() {
    call(
        new WebhooksModule(),
        ApiVersion.V3_6,
        "register_webhook",
        body("agent_deleted", ",'additional_data':[]"),
        "app");
  }
}
