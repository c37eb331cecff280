package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.api.ApiMethod;
import io.chatform.api.LiveChatClient;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;

/**
 * License webhook state per Client ID: always exists, so it is only ever set (enabled or not) and
 * never deleted; it is set once the app's webhooks are registered.
 */
public final class LicenseWebhookKind extends DeclaredKind implements Setter {

  /** License webhooks are written {@code {<client id>: enabled|disabled}}. */
  @Override
  public Optional<Kind.MapForm> mapForm() {
    return Optional.of(new Kind.MapForm("enabled", Kind::enabledState));
  }

  private static final ApiMethod<JsonNode> ENABLE = ApiMethod.update("enable_license_webhooks");
  private static final ApiMethod<JsonNode> DISABLE = ApiMethod.update("disable_license_webhooks");

  LicenseWebhookKind() {
    super(Kind.LICENSE_WEBHOOKS, Scope.APP_LISTED);
  }

  public static void setLicenseWebhooks(
      LiveChatClient client, String ownerClientId, boolean enabled) {
    client.call(enabled ? ENABLE : DISABLE, Json.object().put("owner_client_id", ownerClientId));
  }

  @Override
  public Optional<String> writtenAfter() {
    return Optional.of("webhooks");
  }

  @Override
  public void set(WriteContext ctx, ObjectNode desired) {
    setLicenseWebhooks(
        ctx.client(), Json.text(desired, "owner_client_id"), desired.path("enabled").asBoolean());
  }

  @Override
  public Listing list(Reading reading) {
    Map<String, Future<Boolean>> answers =
        reading.perOwner(owner -> () -> reading.client().getLicenseWebhooksState(owner));
    return () -> {
      List<LiveObject> states = new ArrayList<>();
      for (var e : answers.entrySet()) {
        ObjectNode spec =
            Json.object()
                .put("owner_client_id", e.getKey())
                .put("enabled", Reading.get(e.getValue()));
        states.add(new LiveObject(Kind.LICENSE_WEBHOOKS, e.getKey(), spec));
      }
      return states;
    };
  }

  /** {@code {client id: enabled|disabled}}, as the manifest writes it. */
  @Override
  public void export(ObjectNode doc, List<LiveObject> objects) {
    ObjectNode states = doc.putObject(section());
    for (LiveObject s : objects) {
      states.put(
          Json.text(s.spec(), "owner_client_id"),
          s.spec().path("enabled").asBoolean() ? "enabled" : "disabled");
    }
  }
}
