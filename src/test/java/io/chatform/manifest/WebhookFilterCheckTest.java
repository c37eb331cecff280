package io.chatform.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.ApiVersion;
import io.chatform.model.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: validate refuses the webhook filters and additional data register_webhook refuses for
 * the action (the docs' "Triggering actions" table), and accepts routing_status_set's agent_ids.
 */
class WebhookFilterCheckTest {
  private static final String CID = "c0ffee00c0ffee00c0ffee00c0ffee00";
  @TempDir Path dir;

  private List<String> diagnostics(String webhook, ApiVersion version) throws IOException {
    Path f = dir.resolve("w.yaml");
    Files.writeString(
        f,
        "version: 1\nwebhooks:\n  - {owner_client_id: "
            + CID
            + ", type: license, url: 'https://h.example/x', secret_key: k, "
            + webhook
            + "}\n");
    LoadResult r =
        new ManifestLoader(n -> Optional.ofNullable(Map.<String, String>of().get(n)))
            .load(List.of(f), version);
    return r.diagnostics().stream().map(Diagnostic::format).toList();
  }

  @Test
  void routingStatusSetTakesAgentIds() throws IOException {
    String hook =
        "action: routing_status_set, filters: {agent_ids: [a@x.example], source_type: [system]}";
    assertThat(diagnostics(hook, ApiVersion.V3_6)).isEmpty();
    Path f = dir.resolve("w.yaml");
    var state =
        new ManifestLoader(n -> Optional.empty())
            .load(List.of(f), ApiVersion.V3_6)
            .state()
            .orElseThrow();
    assertThat(
            state.sections().get(Kind.WEBHOOKS).get(0).spec().at("/filters/agent_ids/0").asText())
        .isEqualTo("a@x.example");
    assertThat(diagnostics("action: routing_status_set, filters: {agent_ids: a}", ApiVersion.V3_6))
        .singleElement()
        .asString()
        .contains("filters.agent_ids");
  }

  @Test
  void configurationActionsTakeOnlySourceType() throws IOException {
    assertThat(
            diagnostics(
                "action: group_created, filters: {only_my_chats: true, source_type: [my_client]}",
                ApiVersion.V3_6))
        .singleElement()
        .asString()
        .contains("w.yaml:3:")
        .contains("webhooks[0].filters.only_my_chats")
        .contains("filter only_my_chats is not available for action group_created")
        .contains("group_created takes source_type");
    assertThat(
            diagnostics(
                "action: incoming_chat, filters: {agent_ids: [a@x.example]}", ApiVersion.V3_6))
        .singleElement()
        .asString()
        .contains("filter agent_ids is not available for action incoming_chat");
    assertThat(
            diagnostics(
                "action: customer_session_fields_updated, filters: {only_my_chats: true}",
                ApiVersion.V3_5))
        .singleElement()
        .asString()
        .contains("takes chat_presence, source_type");
    // author_type elsewhere stays accepted (and is left out of the call): docs/manifests.md.
    assertThat(
            diagnostics("action: incoming_chat, filters: {author_type: customer}", ApiVersion.V3_6))
        .isEmpty();
  }

  @Test
  void additionalDataIsRefusedWhereTheDocsExcludeIt() throws IOException {
    assertThat(
            diagnostics(
                "action: agent_deleted, additional_data: [chat_properties]", ApiVersion.V3_6))
        .singleElement()
        .asString()
        .contains("additional_data is not available for action agent_deleted");
    assertThat(
            diagnostics(
                "action: routing_status_set, additional_data: [chat_properties]", ApiVersion.V3_6))
        .hasSize(1);
    assertThat(
            diagnostics(
                "action: incoming_customer, additional_data: [chat_properties]", ApiVersion.V3_5))
        .singleElement()
        .asString()
        .contains("incoming_customer");
    assertThat(
            diagnostics(
                "action: agent_created, additional_data: [chat_properties]", ApiVersion.V3_6))
        .isEmpty();
  }
}
