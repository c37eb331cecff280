package io.chatform.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatform.api.ClientConfig;
import io.chatform.model.ApiVersion;
import io.chatform.model.WebhookActions;
import org.junit.jupiter.api.Test;

/**
 * 3.7 is the developer preview: the emulator serves it, the client takes it only when named, and
 * version-keyed tables answer for it as for 3.6 where the docs agree.
 */
class PreviewVersionTest {
  @Test
  void the37PreviewIsTakenOnlyWhenNamed() {
    assertThat(ApiVersion.V3_7.preview()).isTrue();
    assertThat(ApiVersion.fromPathSegment("v3.7")).contains(ApiVersion.V3_7);
    assertThat(ApiVersion.fromAnyLabel("3.7")).contains(ApiVersion.V3_7);
    assertThat(ApiVersion.fromLabel("3.7")).isEmpty();
    assertThat(ApiVersion.fromLabel("3.6")).contains(ApiVersion.V3_6);
    assertThat(ApiVersion.released())
        .containsExactly(ApiVersion.V3_4, ApiVersion.V3_5, ApiVersion.V3_6);
    // #15: the client takes the preview when it is named, and only then (never a default).
    assertThat(ClientConfig.parseVersion("3.7")).isEqualTo(ApiVersion.V3_7);
    assertThat(ApiVersion.SUPPORTED).doesNotContain(ApiVersion.V3_7);
    assertThatThrownBy(() -> ClientConfig.parseVersion("3.8"))
        .hasMessage("--api-version 3.8 is not supported; use 3.6 (stable) or 3.5");
  }

  @Test
  void answersOn37CarryNoLifecycleHeader() {
    assertThat(Emulator.lifecycle("/v3.7/configuration/action/list_groups")).isEmpty();
    assertThat(Emulator.lifecycle("/v3.5/configuration/action/list_groups")).isPresent();
  }

  @Test
  void webhookActionsOf37AreThoseOf36() {
    assertThat(WebhookActions.forVersion(ApiVersion.V3_7))
        .isEqualTo(WebhookActions.forVersion(ApiVersion.V3_6));
  }

  @Test
  void methodsOf36AreServedOn37AndRemovedOnesStayRemoved() {
    Api api = new Api().v("3.7");
    assertThat(api.call("list_groups", "{}")).hasSize(1);
    assertThat(api.call("create_bot_template", "{'name':'T'}").has("secret")).isTrue();
    api.fails("get_license_id", "{}", "not_found", "not available in v3.7");
    api.fails("list_group_properties", "{'id':0}", "not_found", "not available in v3.7");
  }
}
