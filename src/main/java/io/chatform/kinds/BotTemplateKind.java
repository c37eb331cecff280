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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;

/**
 * Bot templates (3.5+): an app's bot blueprint, matched by (owner_client_id, name), at most 5 per
 * Client ID (a slot per app, so the plan frees one before it takes one). The secret a create
 * answers is remembered by the redaction layer and dropped, never stored or printed. {@code
 * affect_existing_installations} is an option of the write, not a field of the template: it is
 * never compared, and the plan says what it will be.
 */
public final class BotTemplateKind extends DeclaredKind implements Creator, Updater, Deleter {

  @Override
  public ApiVersion since() {
    return ApiVersion.V3_5;
  }

  /** Found again by owner + name. */
  public static final ApiMethod<Created> CREATE =
      ApiMethod.create(
          "create_bot_template",
          CreateProbe.byFields(
              Kind.BOT_TEMPLATES,
              Lists.BOT_TEMPLATES,
              CreateProbe::sameApp,
              List.of("name"),
              List.of("owner_client_id"),
              false),
          AnswerReader.CREATED_ID);

  private static final ApiMethod<JsonNode> UPDATE = ApiMethod.update("update_bot_template");
  private static final ApiMethod<JsonNode> DELETE = ApiMethod.delete("delete_bot_template");

  static final String AFFECT = "affect_existing_installations";
  static final List<String> FIELDS =
      List.of(
          "name",
          "owner_client_id",
          "avatar",
          "max_chats_count",
          "default_group_priority",
          "job_title");

  BotTemplateKind() {
    super(Kind.BOT_TEMPLATES, Scope.APP_LISTED);
  }

  /**
   * Creates a bot template and returns its id; the secret it answers is remembered by the redaction
   * layer and dropped on the spot.
   */
  public static String createBotTemplate(LiveChatClient client, ObjectNode template) {
    Created created = client.create(Kind.BOT_TEMPLATES, CREATE, template);
    JsonNode secret = created.answer().get("secret");
    if (secret != null && secret.isTextual()) {
      client.rememberSecret(secret.asText());
    }
    return created.id().orElseThrow();
  }

  public static void updateBotTemplate(LiveChatClient client, ObjectNode template) {
    client.call(UPDATE, template);
  }

  public static void deleteBotTemplate(
      LiveChatClient client, String id, String ownerClientId, boolean affectExisting) {
    ObjectNode body =
        Json.object()
            .put("id", id)
            .put("owner_client_id", ownerClientId)
            .put(AFFECT, affectExisting);
    client.delete(Kind.BOT_TEMPLATES, DELETE, body, id, "");
  }

  @Override
  public void check(ManifestCheck check, List<? extends Declared> declared) {
    check.perAppLimit(declared, slotCapacity(), "bot templates");
  }

  /** Owned (docs/manifests.md): what a template created without them has. */
  @Override
  public Map<String, JsonNode> ownedFields(ApiVersion version) {
    return Map.of(
        "job_title", TextNode.valueOf(""),
        "max_chats_count", Json.F.numberNode(ChatCapacity.MAX_CHATS_DEFAULT),
        "default_group_priority", TextNode.valueOf("normal"));
  }

  @Override
  public Optional<String> slot(JsonNode spec) {
    return Optional.of(Json.text(spec, "owner_client_id"));
  }

  @Override
  public int slotCapacity() {
    return 5;
  }

  @Override
  public String slotRule() {
    return "at most " + slotCapacity() + " bot templates per Client ID";
  }

  /** The option is the manifest's, so the live template takes it: it never makes a diff. */
  @Override
  public ObjectNode alignLive(ObjectNode desired, ObjectNode live) {
    if (!desired.has(AFFECT)) {
      return live;
    }
    ObjectNode copy = live.deepCopy();
    copy.set(AFFECT, desired.get(AFFECT));
    return copy;
  }

  @Override
  public Review review(ObjectNode desired, ObjectNode live, Set<String> changed, boolean forced) {
    return new Review(List.of(), Set.of(), false, false, List.of(affect(desired)));
  }

  @Override
  public List<String> deleteNotes(ObjectNode live) {
    return List.of(affect(live));
  }

  private static String affect(ObjectNode spec) {
    return spec.path(AFFECT).asBoolean(false)
        ? AFFECT + ": true (bots already installed from this template change too)"
        : AFFECT + ": false (bots already installed from this template stay as they are)";
  }

  @Override
  public void create(WriteContext ctx, ObjectNode desired, Optional<String> moveBefore) {
    createBotTemplate(ctx.client(), body(desired));
  }

  @Override
  public void update(
      WriteContext ctx, String liveId, ObjectNode desired, ObjectNode live, Optional<String> m) {
    ObjectNode body = body(desired).put("id", liveId);
    body.remove("name"); // the identity: unchanged
    updateBotTemplate(ctx.client(), body);
  }

  @Override
  public void delete(WriteContext ctx, String liveId, ObjectNode live) {
    deleteBotTemplate(
        ctx.client(),
        liveId,
        Json.text(live, "owner_client_id"),
        live.path(AFFECT).asBoolean(false));
  }

  private static ObjectNode body(ObjectNode desired) {
    ObjectNode body = Json.copyFields(desired, Json.object(), FIELDS);
    body.put(AFFECT, desired.path(AFFECT).asBoolean(false));
    return body;
  }

  @Override
  public Listing list(Reading reading) {
    Map<String, Future<List<ObjectNode>>> answers =
        reading.perOwner(owner -> () -> reading.client().listBotTemplates(owner));
    return () -> {
      List<LiveObject> out = new ArrayList<>();
      for (var f : answers.values()) {
        Reading.get(f).forEach(t -> out.add(shape(t)));
      }
      return out;
    };
  }

  static LiveObject shape(JsonNode t) {
    ObjectNode spec = Json.copyFields(t, Json.object(), FIELDS);
    MemberKind.avatar(t, spec);
    return new LiveObject(Kind.BOT_TEMPLATES, Json.text(t, "id"), spec);
  }
}
