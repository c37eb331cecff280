package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The emulated webhook methods: webhooks owned per Client ID (at most {@value #MAX_PER_ACTION} per
 * action), the per-Client-ID license webhooks switch, and the unauthenticated action catalogue.
 */
public final class WebhooksModule implements Module {
  /** LiveChat allows this many webhooks per action per Client ID. */
  public static final int MAX_PER_ACTION = 3;

  private final Map<String, ObjectNode> webhooks = new LinkedHashMap<>(); // registration order
  private final Map<String, Boolean> licenseWebhooksEnabled = new TreeMap<>();

  @Override
  public String name() {
    return "webhooks";
  }

  @Override
  public Map<String, Handler> methods() {
    return Map.of(
        "register_webhook", this::register,
        "list_webhooks", this::list,
        "unregister_webhook", this::unregister,
        "list_webhook_names", this::listNames,
        "enable_license_webhooks", call -> setLicenseWebhooks(call, true),
        "disable_license_webhooks", call -> setLicenseWebhooks(call, false),
        "get_license_webhooks_state", this::getLicenseWebhooksState);
  }

  /**
   * Registering the same (owner, type, action, url) twice is allowed: the docs name no duplicate
   * error, so only the per-action limit stops it.
   */
  private JsonNode register(Call call) {
    String owner = call.ownerClientId();
    String id = BodyFields.newId();
    ObjectNode webhook = WebhookValidator.parse(call.body(), call.version(), owner, id);
    String action = webhook.path("action").asText();
    long sameAction =
        webhooks.values().stream()
            .filter(w -> w.path("owner_client_id").asText().equals(owner))
            .filter(w -> w.path("action").asText().equals(action))
            .count();
    if (sameAction >= MAX_PER_ACTION) {
      throw ApiError.limitReached(
          "action: Client ID "
              + owner
              + " already has "
              + MAX_PER_ACTION
              + " webhooks for "
              + action
              + "; unregister one first");
    }
    webhooks.put(id, webhook);
    ObjectNode out = BodyFields.JSON.objectNode();
    out.put("id", id);
    return out;
  }

  /** The owner's webhooks, never with {@code secret_key}. */
  private JsonNode list(Call call) {
    String owner = call.ownerClientId();
    ArrayNode out = BodyFields.JSON.arrayNode();
    webhooks.values().stream()
        .filter(w -> w.path("owner_client_id").asText().equals(owner))
        .forEach(
            w -> {
              ObjectNode shown = w.deepCopy();
              shown.remove("secret_key");
              out.add(shown);
            });
    return out;
  }

  private JsonNode unregister(Call call) {
    String owner = call.ownerClientId();
    String id = BodyFields.requiredString(call.body(), "", "id");
    ObjectNode webhook = webhooks.get(id);
    if (webhook == null || !webhook.path("owner_client_id").asText().equals(owner)) {
      throw ApiError.notFound("id: webhook " + id + " not found for Client ID " + owner);
    }
    webhooks.remove(id);
    return BodyFields.emptyObject();
  }

  /** The current stable version, what {@code list_webhook_names} lists without {@code version}. */
  static final ApiVersion STABLE = ApiVersion.V3_6;

  /**
   * Needs no authentication (the server lets it through). Without {@code version} it lists the
   * current stable version's actions, whatever the URL's version: the docs say "Defaults to the
   * current stable API version".
   */
  private JsonNode listNames(Call call) {
    Optional<String> named = BodyFields.optionalString(call.body(), "", "version");
    ApiVersion version = STABLE;
    if (named.isPresent()) {
      String label = named.get().startsWith("v") ? named.get().substring(1) : named.get();
      // The 3.7 preview's actions and their filters are 3.6's, row for row (both "Triggering
      // actions" tables): WebhookActions answers 3.6's list for it.
      version =
          ApiVersion.fromAnyLabel(label)
              .orElseThrow(
                  () ->
                      ApiError.validation(
                          "version: " + named.get() + " is not a supported API version"));
    }
    return WebhookNames.forVersion(version);
  }

  // Only owner_client_id names the owner: the JS SDK's `client_id` is an unknown parameter,
  // ignored as the real service does (so a PAT caller sending only client_id gets a validation
  // error about owner_client_id).
  private JsonNode setLicenseWebhooks(Call call, boolean enabled) {
    licenseWebhooksEnabled.put(call.ownerClientId(), enabled);
    return BodyFields.emptyObject();
  }

  /**
   * Never switched: {@code true}. Every version's docs (3.4–3.7, register_webhook and
   * enable_license_webhooks) say license webhooks "will be enabled automatically when the
   * application is installed on the license", and enable is needed only after a disable. The
   * emulator has no notion of installing an app: every Client ID that asks counts as installed, so
   * the state is enabled until {@code disable_license_webhooks}.
   */
  private JsonNode getLicenseWebhooksState(Call call) {
    ObjectNode out = BodyFields.JSON.objectNode();
    out.put(
        "license_webhooks_enabled",
        licenseWebhooksEnabled.getOrDefault(call.ownerClientId(), ENABLED_WHEN_INSTALLED));
    return out;
  }

  /** What {@code get_license_webhooks_state} answers for a Client ID that never switched. */
  static final boolean ENABLED_WHEN_INSTALLED = true;

  /** Includes {@code secret_key}: the state is internal, persisted by the emulator only. */
  @Override
  public void writeState(ObjectNode into) {
    ArrayNode list = into.putArray("webhooks");
    webhooks.values().forEach(w -> list.add(w.deepCopy()));
    ObjectNode enabled = into.putObject("license_webhooks_enabled");
    licenseWebhooksEnabled.forEach(enabled::put);
  }

  @Override
  public void readState(JsonNode from) {
    reset();
    for (JsonNode w : from.path("webhooks")) {
      webhooks.put(w.path("id").asText(), (ObjectNode) w.deepCopy());
    }
    Iterator<Map.Entry<String, JsonNode>> it = from.path("license_webhooks_enabled").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      licenseWebhooksEnabled.put(e.getKey(), e.getValue().asBoolean());
    }
  }

  @Override
  public void reset() {
    webhooks.clear();
    licenseWebhooksEnabled.clear();
  }
}
