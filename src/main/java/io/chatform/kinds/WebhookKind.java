package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.chatform.api.AnswerReader;
import io.chatform.api.ApiMethod;
import io.chatform.api.CreateProbe;
import io.chatform.api.Created;
import io.chatform.api.Lists;
import io.chatform.api.LiveChatClient;
import io.chatform.model.ApiVersion;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import io.chatform.model.WebhookActions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;

/**
 * Webhooks: register and unregister; no update method, so any change is a replace. {@code
 * secret_key} is never returned by the API, so it is written on create but cannot be compared. At
 * most 3 webhooks per action and app.
 */
public final class WebhookKind extends DeclaredKind implements Creator, Deleter, Mergeable {
  /** Found again by owner + type + action + url. */
  public static final ApiMethod<Created> REGISTER =
      ApiMethod.create(
          "register_webhook",
          CreateProbe.byFields(
              Kind.WEBHOOKS,
              Lists.WEBHOOKS,
              CreateProbe::sameApp,
              List.of("url", "action"),
              List.of("type"),
              false),
          AnswerReader.CREATED_ID);

  private static final ApiMethod<JsonNode> UNREGISTER = ApiMethod.delete("unregister_webhook");

  /** Registers a webhook and returns its id; its secret key is masked in all output. */
  public static String registerWebhook(LiveChatClient client, ObjectNode webhook) {
    JsonNode key = webhook.get("secret_key");
    if (key != null && key.isTextual()) {
      client.rememberSecret(key.asText());
    }
    return client.create(Kind.WEBHOOKS, REGISTER, webhook).id().orElseThrow();
  }

  public static void unregisterWebhook(LiveChatClient client, String id, String ownerClientId) {
    ObjectNode body = Json.object().put("id", id).put("owner_client_id", ownerClientId);
    client.delete(Kind.WEBHOOKS, UNREGISTER, body, id, "");
  }

  static final List<String> FIELDS =
      List.of(
          "owner_client_id",
          "type",
          "action",
          "url",
          "secret_key",
          "description",
          "filters",
          "additional_data");

  WebhookKind() {
    super(Kind.WEBHOOKS, Scope.APP_LISTED);
  }

  /**
   * Owned (docs/manifests.md): a webhook registered without them has no description, no filters and
   * no additional data. Webhooks cannot be updated, so a reset replaces the webhook, which is
   * registered again without the field.
   */
  @Override
  public Map<String, JsonNode> ownedFields(ApiVersion version) {
    return Map.of(
        "description", TextNode.valueOf(""),
        "filters", Json.object(),
        "additional_data", Json.array());
  }

  /**
   * The documented {@code list_webhooks} items ({@code listWebhooks.json} of every version) carry
   * no {@code additional_data}: when a live webhook comes without it, it cannot be compared, and
   * comparing it would replace the webhook on every run (losing the events in between), so it is
   * taken as the manifest writes it. Where the answer has it (the emulator's does), it is compared.
   */
  @Override
  public ObjectNode alignLive(ObjectNode desired, ObjectNode live) {
    return Json.takeUnanswered(desired, live, "/additional_data");
  }

  @Override
  public Optional<String> replaceWarning() {
    return Optional.of(
        "events between the delete and the create are not delivered to the webhook's url");
  }

  @Override
  public boolean replaceableOnRequest() {
    return true;
  }

  @Override
  public Set<String> writeOnlyFields() {
    return Set.of("secret_key");
  }

  @Override
  public Optional<String> slot(JsonNode spec) {
    return Optional.of(Json.text(spec, "owner_client_id") + "/" + Json.text(spec, "action"));
  }

  @Override
  public int slotCapacity() {
    return 3;
  }

  @Override
  public String slotRule() {
    return "at most " + slotCapacity() + " webhooks per action per Client ID";
  }

  @Override
  public ObjectNode normalize(ObjectNode given) {
    ObjectNode spec = withoutInertAuthorType(given);
    ObjectNode out = Json.sortedField(spec, "additional_data");
    if (!out.path("filters").isObject()) {
      return out;
    }
    // source_type, agent_ids and the chat_presence user ids are sets: their order must never
    // make a diff (and a webhook diff is a replace).
    out = out == spec ? spec.deepCopy() : out;
    ObjectNode filters = (ObjectNode) out.get("filters");
    out.set("filters", Json.sortedField(Json.sortedField(filters, "source_type"), "agent_ids"));
    filters = (ObjectNode) out.get("filters");
    if (filters.path("chat_presence").path("user_ids").isObject()) {
      ObjectNode ids = (ObjectNode) filters.get("chat_presence").get("user_ids");
      ids = Json.sortedField(Json.sortedField(ids, "values"), "exclude_values");
      ((ObjectNode) filters.get("chat_presence")).set("user_ids", ids);
    }
    return out;
  }

  /**
   * {@code filters.author_type} works only on incoming_event and event_updated; on other actions
   * the manifest may carry it (the format's own example does) but it is never sent, so it must not
   * make a diff either.
   */
  static ObjectNode withoutInertAuthorType(ObjectNode spec) {
    if (!(spec.get("filters") instanceof ObjectNode filters)
        || !filters.has("author_type")
        || io.chatform.model.WebhookActions.acceptsAuthorType(Json.text(spec, "action"))) {
      return spec;
    }
    ObjectNode copy = spec.deepCopy();
    ObjectNode f = (ObjectNode) copy.get("filters");
    f.remove("author_type");
    return copy;
  }

  /**
   * Actions of the API version, filters that fit the action, and at most 3 webhooks per action and
   * app.
   */
  @Override
  public void check(ManifestCheck check, List<? extends Declared> declared) {
    ApiVersion version = check.version();
    List<String> actions = WebhookActions.forVersion(version);
    Map<String, List<Declared>> perAction = new HashMap<>();
    for (Declared w : declared) {
      String action = w.text("action").orElse("");
      if (!action.isEmpty() && !actions.contains(action)) {
        check.report(
            w,
            "/action",
            "'" + w.shownText("/action") + "' is not a webhook action in API " + version.label(),
            actionHint(check, action, actions));
      }
      check.webhookFilters(w, action);
      if (w.known("/url")) {
        w.text("url")
            .filter(u -> u.startsWith("http://") || u.startsWith("https://")) // else: the schema
            .flatMap(io.chatform.model.WebhookUrls::problem)
            .ifPresent(
                why ->
                    check.report(
                        w,
                        "/url",
                        why,
                        "percent-encode spaces and other special characters (a space is %20); a"
                            + " host name has letters, digits, dots and hyphens"));
      }
      JsonNode filters = w.spec().get("filters");
      if (filters != null && filters.isObject()) {
        // author_type only has an effect on incoming_event and event_updated; elsewhere (as in the
        // format's own example, incoming_chat) it is accepted and chatform leaves it out of the
        // API call, since LiveChat takes it only on those two actions.
        JsonNode presence = filters.get("chat_presence");
        if (presence != null && presence.isObject()) {
          check.exclusive(w, presence.get("user_ids"), "/filters/chat_presence/user_ids");
        }
      }
      String owner = w.text("owner_client_id").orElse("");
      List<Declared> same = perAction.computeIfAbsent(owner + "/" + action, k -> new ArrayList<>());
      same.add(w);
      if (same.size() > slotCapacity()) {
        check.report(
            w,
            "",
            "more than 3 webhooks for action "
                + action
                + " of Client ID "
                + w.shownText("/owner_client_id")
                + " (others at "
                + same.get(0).location()
                + ", "
                + same.get(1).location()
                + ", "
                + same.get(2).location()
                + ")",
            "the API allows " + slotRule());
      }
    }
  }

  private static String actionHint(ManifestCheck check, String action, List<String> actions) {
    List<String> elsewhere =
        ApiVersion.released().stream()
            .filter(v -> WebhookActions.forVersion(v).contains(action))
            .map(ApiVersion::label)
            .toList();
    if (!elsewhere.isEmpty()) {
      return "it exists in API "
          + String.join(", ", elsewhere)
          + "; choose another action or --api-version";
    }
    return check
        .closest(action, actions)
        .map(a -> "did you mean '" + a + "'?")
        .orElse("see list_webhook_names for API " + check.version().label());
  }

  @Override
  public void create(WriteContext ctx, ObjectNode desired, Optional<String> moveBefore) {
    ObjectNode body = Json.copyFields(withoutInertAuthorType(desired), Json.object(), FIELDS);
    registerWebhook(ctx.client(), body);
  }

  @Override
  public void delete(WriteContext ctx, String liveId, ObjectNode live) {
    unregisterWebhook(ctx.client(), liveId, Json.text(live, "owner_client_id"));
  }

  @Override
  public Listing list(Reading reading) {
    Map<String, Future<List<ObjectNode>>> answers =
        reading.perOwner(owner -> () -> reading.client().listWebhooks(owner));
    return () -> {
      List<LiveObject> hooks = new ArrayList<>();
      for (var f : answers.values()) {
        Reading.get(f).forEach(w -> hooks.add(shape(w)));
      }
      return hooks;
    };
  }

  static LiveObject shape(JsonNode w) {
    ObjectNode spec = Json.object();
    Json.copyFields(w, spec, FIELDS.stream().filter(f -> !f.equals("secret_key")).toList());
    return new LiveObject(Kind.WEBHOOKS, Json.text(w, "id"), spec);
  }

  @Override
  public List<ObjectNode> readRaw(LiveChatClient client, Set<String> owners) {
    List<ObjectNode> hooks = new ArrayList<>();
    owners.stream().sorted().forEach(o -> hooks.addAll(client.listWebhooks(o)));
    return hooks;
  }

  /** Webhooks: nothing references one; the smallest id is kept. */
  @Override
  public Merged merge(List<ObjectNode> same, RawLists raw) {
    Keeper choice =
        Keeper.choose(
            same,
            w -> 0,
            Comparator.comparing(w -> Json.text(w, "id")),
            "the smallest id (nothing references a webhook; its secret cannot be read, so pass"
                + " --replace to apply if unsure it is the manifest's)");
    return Mergeable.deletingExtras(
        choice,
        same,
        w ->
            "webhook "
                + Json.text(w, "id")
                + ": "
                + Json.text(w, "action")
                + " → "
                + Json.text(w, "url")
                + (Json.text(w, "description").isEmpty()
                    ? ""
                    : " (" + Json.text(w, "description") + ")"),
        extra ->
            new RepairStep(
                "unregister extra webhook " + Json.text(extra, "id"),
                "unregister_webhook",
                Json.object()
                    .put("id", Json.text(extra, "id"))
                    .put("owner_client_id", Json.text(extra, "owner_client_id"))));
  }
}
