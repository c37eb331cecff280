package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import io.chatform.model.WebhookActions;
import io.chatform.model.WebhookFilters;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Validates a {@code register_webhook} body into the stored webhook, kept apart so the module reads
 * as "validate, check the limit, store".
 */
final class WebhookValidator {
  static final int MAX_URL_LENGTH = 500;
  static final Set<String> TYPES = Set.of("license", "bot");
  static final Set<String> ADDITIONAL_DATA = Set.of("chat_properties", "chat_presence_user_ids");
  private static final Set<String> AUTHOR_TYPES = Set.of("customer", "agent");
  private static final Set<String> SOURCE_TYPES = Set.of("my_client", "other_clients", "system");

  private WebhookValidator() {}

  /** The webhook as stored (with {@code secret_key}; list methods strip it). */
  static ObjectNode parse(ObjectNode body, ApiVersion version, String owner, String id) {
    String action = BodyFields.requiredString(body, "", "action");
    if (!WebhookActions.forVersion(version).contains(action)) {
      throw ApiError.validation(
          "action: " + action + " is not a webhook action in v" + version.label());
    }
    String secretKey = BodyFields.requiredString(body, "", "secret_key");
    String url = url(BodyFields.requiredString(body, "", "url"));
    String type = BodyFields.requiredString(body, "", "type");
    if (!TYPES.contains(type)) {
      throw ApiError.validation("type must be license or bot, got " + type);
    }
    ObjectNode out = BodyFields.JSON.objectNode();
    out.put("id", id);
    out.put("url", url);
    BodyFields.optionalString(body, "", "description").ifPresent(d -> out.put("description", d));
    out.put("action", action);
    out.set(
        "filters",
        BodyFields.optionalObject(body, "", "filters")
            .map(f -> filters(f, action))
            .orElseGet(BodyFields.JSON::objectNode));
    out.put("owner_client_id", owner);
    out.put("type", type);
    BodyFields.optionalArray(body, "", "additional_data")
        .ifPresent(a -> out.set("additional_data", additionalData(a, action, version)));
    out.put("secret_key", secretKey);
    return out;
  }

  private static String url(String url) {
    // "Maximum: 500 characters": code points, as for group names (docs/emulator.md).
    int length = url.codePointCount(0, url.length());
    if (length > MAX_URL_LENGTH) {
      throw ApiError.validation(
          "url is " + length + " characters long; the maximum is " + MAX_URL_LENGTH);
    }
    // The URL is not echoed: webhook URLs sometimes carry a token.
    io.chatform.model.WebhookUrls.problem(url)
        .ifPresent(
            why -> {
              throw ApiError.validation(why);
            });
    return url;
  }

  private static ObjectNode filters(ObjectNode filters, String action) {
    ObjectNode out = BodyFields.JSON.objectNode();
    Iterator<Map.Entry<String, JsonNode>> it = filters.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> f = it.next();
      String path = "filters." + f.getKey();
      List<String> allowed = WebhookNames.filters(action);
      if (WebhookFilters.ALL.contains(f.getKey()) && !allowed.contains(f.getKey())) {
        // The "Triggering actions" table, as list_webhook_names answers it for the action.
        String only =
            switch (f.getKey()) {
              case "author_type" -> "incoming_event and event_updated";
              case "agent_ids" -> "routing_status_set";
              default -> "";
            };
        throw ApiError.validation(
            !only.isEmpty()
                ? path + " is only allowed for " + only + ", not " + action
                : path
                    + " is not a filter of "
                    + action
                    + " (it takes "
                    + String.join(", ", allowed)
                    + ")");
      }
      switch (f.getKey()) {
        case "author_type" -> {
          if (!f.getValue().isTextual() || !AUTHOR_TYPES.contains(f.getValue().asText())) {
            throw ApiError.validation(path + " must be customer or agent");
          }
        }
        case "only_my_chats" -> {
          if (!f.getValue().isBoolean()) {
            throw ApiError.validation(path + " must be a boolean");
          }
        }
        case "chat_presence" -> chatPresence(f.getValue(), path);
        case "source_type" -> stringsFrom(f.getValue(), SOURCE_TYPES, path);
        case "agent_ids" -> {
          // "Triggering actions" table: routing_status_set filters on agent_ids (not in the
          // parameter table; its shape is undocumented, an array of agent ids is the safe read).
          if (!f.getValue().isArray()) {
            throw ApiError.validation(path + " must be an array of agent ids");
          }
          for (JsonNode id : f.getValue()) {
            if (!id.isTextual()) {
              throw ApiError.validation(path + " must be an array of agent ids");
            }
          }
        }
        default ->
            throw ApiError.validation(
                path
                    + " is not a known filter (author_type, only_my_chats, chat_presence,"
                    + " source_type, agent_ids)");
      }
      out.set(f.getKey(), f.getValue().deepCopy());
    }
    return out;
  }

  private static void chatPresence(JsonNode presence, String path) {
    if (!presence.isObject()) {
      throw ApiError.validation(path + " must be an object");
    }
    BodyFields.optionalBoolean(presence, path + ".", "my_bots");
    Optional<ObjectNode> userIds = BodyFields.optionalObject(presence, path + ".", "user_ids");
    if (userIds.isPresent()) {
      String p = path + ".user_ids.";
      Optional<ArrayNode> values = BodyFields.optionalArray(userIds.get(), p, "values");
      Optional<ArrayNode> excludes = BodyFields.optionalArray(userIds.get(), p, "exclude_values");
      if (values.isPresent() && excludes.isPresent()) {
        throw ApiError.validation(p + "values and " + p + "exclude_values are mutually exclusive");
      }
    }
  }

  private static ArrayNode additionalData(ArrayNode items, String action, ApiVersion version) {
    if (!items.isEmpty() && !WebhookFilters.takesAdditionalData(action, version)) {
      throw ApiError.validation(
          "additional_data is not available for "
              + action
              + " (the docs: all actions except agent_deleted and routing_status_set"
              + (version.atLeast(ApiVersion.V3_6) ? "" : ", incoming_customer")
              + ")");
    }
    stringsFrom(items, ADDITIONAL_DATA, "additional_data");
    return items.deepCopy();
  }

  private static void stringsFrom(JsonNode items, Set<String> allowed, String path) {
    if (!items.isArray()) {
      throw ApiError.validation(path + " must be an array");
    }
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      if (!item.isTextual() || !allowed.contains(item.asText())) {
        throw ApiError.validation(
            path
                + "["
                + i
                + "] must be one of "
                + String.join(", ", allowed.stream().sorted().toList()));
      }
    }
  }
}
