package io.chatform.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13: the webhook filters and additional data the docs allow per action (routing_status_set's
 * agent_ids, additional data on a configuration action) apply on the emulator and converge, on 3.5
 * and 3.6.
 */
class WebhookFiltersIT {
  @TempDir Path tmp;

  private static final String MANIFEST =
      """
      version: 1
      webhooks:
        - owner_client_id: CID
          type: license
          action: routing_status_set
          url: https://hooks.x.example/routing
          secret_key: ${env:LC_WEBHOOK_SECRET}
          filters: {agent_ids: [z@x.example, a@x.example], source_type: [system, my_client]}
        - owner_client_id: CID
          type: license
          action: group_created
          url: https://hooks.x.example/groups
          secret_key: ${env:LC_WEBHOOK_SECRET}
          filters: {source_type: [other_clients]}
          additional_data: [chat_properties]
        - owner_client_id: CID
          type: license
          action: incoming_event
          url: https://hooks.x.example/events
          secret_key: ${env:LC_WEBHOOK_SECRET}
          filters: {author_type: customer, only_my_chats: true, chat_presence: {my_bots: true}}
          additional_data: [chat_presence_user_ids, chat_properties]
      """
          .replace("CID", Harness.CLIENT_ID);

  @Test
  void documentedFiltersApplyAndConverge() {
    for (ApiVersion v : new ApiVersion[] {ApiVersion.V3_5, ApiVersion.V3_6}) {
      try (Harness h = Harness.start(v, tmp)) {
        DesiredState desired = h.yaml(MANIFEST);
        h.apply(desired);
        h.assertConverged(desired);
        JsonNode routing =
            h.item("webhooks", "webhooks", "action", "routing_status_set").path("filters");
        assertThat(routing.path("agent_ids").toString())
            .contains("a@x.example")
            .contains("z@x.example");
        assertThat(
                h.item("webhooks", "webhooks", "action", "group_created")
                    .path("additional_data")
                    .toString())
            .isEqualTo("[\"chat_properties\"]");
      }
    }
  }
}
