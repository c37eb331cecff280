package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import java.util.LinkedHashMap;
import java.util.Map;

/** Bot templates (3.5+): an app's bot blueprint, at most five per Client ID. */
public final class BotTemplatesModule implements Module {
  static final int MAX_PER_CLIENT = 5;

  /** Template id → stored fields incl. owner and secret. */
  private final Map<String, ObjectNode> templates = new LinkedHashMap<>();

  @Override
  public String name() {
    return "bot_templates";
  }

  @Override
  public Map<String, Handler> methods() {
    Map<String, Handler> m = new LinkedHashMap<>();
    m.put("create_bot_template", Methods.since(ApiVersion.V3_5, this::create));
    m.put("update_bot_template", Methods.since(ApiVersion.V3_5, this::update));
    m.put("delete_bot_template", Methods.since(ApiVersion.V3_5, this::delete));
    m.put("list_bot_templates", Methods.since(ApiVersion.V3_5, this::list));
    m.put("reset_bot_template_secret", Methods.since(ApiVersion.V3_5, this::resetSecret));
    return m;
  }

  private static void readFields(ObjectNode b, ObjectNode into) {
    Params.optString(b, "avatar").ifPresent(v -> into.put("avatar", v));
    Params.optString(b, "job_title").ifPresent(v -> into.put("job_title", v));
    Params.optInt(b, "max_chats_count", 0, BotsModule.MAX_CHATS)
        .ifPresent(v -> into.put("max_chats_count", v));
    Params.optEnum(b, "default_group_priority", Roster.PRIORITIES)
        .ifPresent(v -> into.put("default_group_priority", v));
    affectExisting(b);
  }

  /**
   * {@code affect_existing_installations} (create, update, delete, reset): checked, then without
   * effect, as no app is installed anywhere here (no bots are made from templates).
   */
  private static void affectExisting(ObjectNode b) {
    Params.optBool(b, "affect_existing_installations");
  }

  private JsonNode create(Call call) {
    ObjectNode b = call.body();
    String owner = call.ownerClientId();
    ObjectNode t = Params.object().put("name", Params.requireString(b, "name"));
    t.put("max_chats_count", 6).put("default_group_priority", "normal");
    readFields(b, t);
    long count =
        templates.values().stream()
            .filter(x -> x.get("owner_client_id").asText().equals(owner))
            .count();
    if (count >= MAX_PER_CLIENT) {
      throw ApiError.limitReached(
          "Client ID " + owner + " already has " + MAX_PER_CLIENT + " bot templates");
    }
    String id = Secrets.hex32();
    String secret = Secrets.hex32();
    t.put("id", id).put("owner_client_id", owner).put("secret", secret);
    templates.put(id, t);
    return Params.object().put("id", id).put("secret", secret);
  }

  private ObjectNode owned(Call call) {
    String id = Params.requireString(call.body(), "id");
    String owner = call.ownerClientId();
    ObjectNode t = templates.get(id);
    if (t == null || !t.get("owner_client_id").asText().equals(owner)) {
      throw ApiError.notFound("Bot template `" + id + "` not found for Client ID " + owner);
    }
    return t;
  }

  private JsonNode update(Call call) {
    ObjectNode t = owned(call);
    ObjectNode next = t.deepCopy();
    if (call.body().has("name")) {
      next.put("name", Params.requireString(call.body(), "name"));
    }
    readFields(call.body(), next);
    templates.put(t.get("id").asText(), next);
    return Methods.empty();
  }

  private JsonNode delete(Call call) {
    ObjectNode t = owned(call);
    affectExisting(call.body());
    templates.remove(t.get("id").asText());
    return Methods.empty();
  }

  private JsonNode list(Call call) {
    String owner = call.ownerClientId();
    ArrayNode out = Params.array();
    for (ObjectNode t : templates.values()) {
      if (t.get("owner_client_id").asText().equals(owner)) {
        ObjectNode copy = t.deepCopy();
        copy.remove("secret");
        // listBotTemplates.json: 3.5 answers "avatar", 3.6 and 3.7 "avatar_path".
        JsonNode avatar = copy.remove("avatar");
        if (avatar != null) {
          copy.set(call.version().atLeast(ApiVersion.V3_6) ? "avatar_path" : "avatar", avatar);
        }
        out.add(copy);
      }
    }
    return out;
  }

  private JsonNode resetSecret(Call call) {
    ObjectNode t = owned(call);
    affectExisting(call.body());
    String secret = Secrets.hex32();
    t.put("secret", secret);
    return Params.object().put("secret", secret);
  }

  @Override
  public void writeState(ObjectNode into) {
    ArrayNode list = into.putArray("templates");
    templates.values().forEach(t -> list.add(t.deepCopy()));
  }

  @Override
  public void readState(JsonNode from) {
    templates.clear();
    for (JsonNode t : from.path("templates")) {
      templates.put(t.get("id").asText(), (ObjectNode) t.deepCopy());
    }
  }

  @Override
  public void reset() {
    templates.clear();
  }
}
