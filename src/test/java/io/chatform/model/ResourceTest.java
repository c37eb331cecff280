package io.chatform.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An address shows references for identity values that came from secrets; matching keeps both. */
class ResourceTest {
  private static ObjectNode hook(String url) {
    return JsonNodeFactory.instance
        .objectNode()
        .put("owner_client_id", "cid")
        .put("type", "license")
        .put("action", "incoming_chat")
        .put("url", url)
        .put("secret_key", "s3cr3t-value");
  }

  @Test
  void secretIdentityFieldsShowTheirReference() {
    Resource r =
        new Resource(
            Kind.WEBHOOKS,
            hook("https://planted.example/x"),
            SourceLocation.NONE,
            Map.of("/url", "https://${env:HOST}/x", "/secret_key", "${env:S}"));
    assertThat(r.address()).isEqualTo("webhooks/cid/license/incoming_chat/https://${env:HOST}/x");
    assertThat(r.toString()).doesNotContain("planted");
    assertThat(r.rawAddress())
        .isEqualTo("webhooks/cid/license/incoming_chat/https://planted.example/x");
    assertThat(r.identity()).endsWith("planted.example/x"); // matching live objects
    assertThat(r.spec().get("url").asText()).isEqualTo("https://planted.example/x"); // untouched
  }

  @Test
  void withoutSecretsBothAddressesAreTheSame() {
    Resource r =
        new Resource(Kind.WEBHOOKS, hook("https://a.example"), SourceLocation.NONE, Map.of());
    assertThat(r.address()).isEqualTo(r.rawAddress()).endsWith("/https://a.example");
    Resource nested =
        new Resource(
            Kind.AGENTS,
            JsonNodeFactory.instance.objectNode().put("id", "a@x.example"),
            SourceLocation.NONE,
            Map.of("/groups/0/group", "${env:G}"));
    assertThat(nested.address()).isEqualTo("agents/a@x.example");
  }
}
