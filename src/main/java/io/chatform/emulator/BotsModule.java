package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Bots, owned by a Client ID: create/get/list/update/delete, 3.5+ batches, secret reset and bot
 * tokens. The secret is stored but only ever returned by create and reset.
 */
public final class BotsModule implements Module {
  static final int MAX_CHATS = 500;
  static final Set<String> FIELDS =
      Set.of("groups", "work_scheduler", "job_title", "max_chats_count", "timezone");

  private final Roster roster;

  public BotsModule(Roster roster) {
    this.roster = roster;
  }

  @Override
  public String name() {
    return "bots";
  }

  @Override
  public Map<String, Handler> methods() {
    Map<String, Handler> m = new LinkedHashMap<>();
    m.put("create_bot", this::create);
    m.put("get_bot", this::get);
    m.put("list_bots", this::list);
    m.put("update_bot", this::update);
    m.put("delete_bot", this::delete);
    m.put("batch_create_bots", Methods.batch(this::create));
    m.put("batch_update_bots", Methods.batch(this::update));
    m.put("batch_delete_bots", Methods.batch(this::delete));
    m.put("reset_bot_secret", Methods.since(ApiVersion.V3_5, this::resetSecret));
    m.put("issue_bot_token", Methods.since(ApiVersion.V3_5, this::issueToken));
    return m;
  }

  private JsonNode create(Call call) {
    ObjectNode b = call.body();
    ObjectNode bot = Params.object();
    bot.put("name", Params.requireString(b, "name"));
    String owner = call.ownerClientId();
    bot.put("max_chats_count", Params.optInt(b, "max_chats_count", 0, MAX_CHATS).orElse(6));
    bot.put(
        "default_group_priority",
        Params.optEnum(b, "default_group_priority", Roster.PRIORITIES).orElse("normal"));
    bot.put("type", "chatbot");
    readOptional(call, bot);
    if (call.clientId().isEmpty()) {
      bot.put(CREATED_WITH_PAT, true); // internal: who sees it in list_bots with all: false
    }
    Map<Long, String> groups = b.hasNonNull("groups") ? roster.parseGroups(b) : Map.of();
    String id = Secrets.hex32();
    String secret = Secrets.hex32();
    bot.put("id", id).put("owner_client_id", owner).put("secret", secret);
    roster.bots.put(id, bot);
    roster.setMemberships(id, groups);
    ObjectNode out = Params.object().put("id", id);
    if (call.version().atLeast(ApiVersion.V3_5)) {
      out.put("secret", secret);
    }
    return out;
  }

  private static void readOptional(Call call, ObjectNode into) {
    ObjectNode b = call.body();
    Params.optString(b, "avatar").ifPresent(v -> into.put("avatar", v));
    Params.optString(b, "job_title").ifPresent(v -> into.put("job_title", v));
    if (b.hasNonNull("work_scheduler")) {
      into.set(
          "work_scheduler", WorkScheduler.parse(b.get("work_scheduler"), call.version(), true));
    }
    // `type` is a 3.6 parameter; older versions ignore it like any unknown parameter.
    if (call.version().atLeast(ApiVersion.V3_6)) {
      Params.optString(b, "type").ifPresent(v -> into.put("type", v));
    }
  }

  private ObjectNode existing(Call call) {
    String id = Params.requireString(call.body(), "id");
    ObjectNode bot = roster.bots.get(id);
    if (bot == null) {
      throw ApiError.notFound("Bot `" + id + "` not found");
    }
    return bot;
  }

  private JsonNode get(Call call) {
    Set<String> fields = Methods.fields(call.body(), FIELDS);
    return render(existing(call), fields, call.version(), roster::groupsOf);
  }

  /** Internal mark of a bot created by an agent with a PAT (never rendered). */
  static final String CREATED_WITH_PAT = "created_with_pat";

  /**
   * {@code all: false} (default) lists only "the requester's bots" (list_bots, 3.4–3.7): with a
   * Bearer token, the bots created through its app (created with a Bearer token and owned by its
   * Client ID: "created via an app"); with a PAT, the bots created with a PAT ("all agents who
   * authorize with PATs will get the bot"). list_bots takes no {@code owner_client_id}: it is an
   * unknown parameter, ignored.
   */
  private JsonNode list(Call call) {
    Set<String> fields = Methods.fields(call.body(), FIELDS);
    boolean all = Params.optBool(call.body(), "all").orElse(false);
    ArrayNode out = Params.array();
    java.util.function.Function<String, ArrayNode> groupsOf = roster.groupsByMember();
    for (ObjectNode bot : roster.bots.values()) {
      boolean byPat = bot.path(CREATED_WITH_PAT).asBoolean(false);
      boolean mine =
          call.clientId()
              .map(c -> !byPat && c.equals(bot.get("owner_client_id").asText()))
              .orElse(byPat);
      if (all || mine) {
        out.add(render(bot, fields, call.version(), groupsOf));
      }
    }
    return out;
  }

  private ObjectNode render(
      ObjectNode bot,
      Set<String> fields,
      ApiVersion v,
      java.util.function.Function<String, ArrayNode> groupsOf) {
    String id = bot.get("id").asText();
    ObjectNode out = Params.object().put("id", id).put("name", bot.get("name").asText());
    out.put("avatar", bot.path("avatar").asText(""));
    out.put("default_group_priority", bot.get("default_group_priority").asText());
    out.put("owner_client_id", bot.get("owner_client_id").asText());
    if (v.atLeast(ApiVersion.V3_6)) {
      out.put("type", bot.get("type").asText());
    }
    for (String f : fields) {
      switch (f) {
        case "groups" -> out.set("groups", groupsOf.apply(id));
        case "work_scheduler" ->
            out.set("work_scheduler", WorkScheduler.render(bot.path("work_scheduler"), v));
        case "job_title" -> out.put(f, bot.path(f).asText(""));
        case "timezone" -> out.put(f, bot.path("work_scheduler").path("timezone").asText(""));
        default -> out.set(f, bot.get(f).deepCopy()); // max_chats_count
      }
    }
    return out; // never the secret
  }

  private JsonNode update(Call call) {
    ObjectNode b = call.body();
    ObjectNode bot = existing(call);
    ObjectNode next = bot.deepCopy();
    if (b.has("name")) {
      next.put("name", Params.requireString(b, "name"));
    }
    Params.optInt(b, "max_chats_count", 0, MAX_CHATS)
        .ifPresent(v -> next.put("max_chats_count", v));
    Params.optEnum(b, "default_group_priority", Roster.PRIORITIES)
        .ifPresent(v -> next.put("default_group_priority", v));
    readOptional(call, next);
    Map<Long, String> groups = b.hasNonNull("groups") ? roster.parseGroups(b) : null;
    roster.bots.put(next.get("id").asText(), next);
    if (groups != null) {
      roster.setMemberships(next.get("id").asText(), groups);
    }
    return Methods.empty();
  }

  private JsonNode delete(Call call) {
    String id = existing(call).get("id").asText();
    roster.bots.remove(id);
    roster.removeMember(id);
    return Methods.empty();
  }

  private ObjectNode owned(Call call, String idField) {
    String id = Params.requireString(call.body(), idField);
    String owner = call.ownerClientId();
    ObjectNode bot = roster.bots.get(id);
    if (bot == null || !bot.get("owner_client_id").asText().equals(owner)) {
      throw ApiError.notFound("Bot `" + id + "` not found for Client ID " + owner);
    }
    return bot;
  }

  private JsonNode resetSecret(Call call) {
    ObjectNode bot = owned(call, "id");
    String secret = Secrets.hex32();
    bot.put("secret", secret);
    return Params.object().put("secret", secret);
  }

  /** Exchanges a bot's secret for a token; the token is opaque and not accepted by this API. */
  private JsonNode issueToken(Call call) {
    String id = Params.requireString(call.body(), "bot_id");
    String secret = Params.requireString(call.body(), "bot_secret");
    Params.requireString(call.body(), "client_id");
    ObjectNode bot = roster.bots.get(id);
    if (bot == null) {
      throw ApiError.notFound("Bot `" + id + "` not found");
    }
    if (!StateSecrets.matches(bot, "secret", secret)) {
      throw ApiError.authentication("`bot_secret` does not match bot `" + id + "`");
    }
    return Params.object().put("token", "dal:" + Secrets.hex32());
  }

  @Override
  public void writeState(ObjectNode into) {
    ArrayNode list = into.putArray("bots");
    roster.bots.values().forEach(b -> list.add(b.deepCopy()));
  }

  @Override
  public void readState(JsonNode from) {
    roster.bots.clear();
    for (JsonNode b : from.path("bots")) {
      roster.bots.put(b.get("id").asText(), (ObjectNode) b.deepCopy());
    }
  }

  @Override
  public void reset() {
    roster.bots.clear();
  }
}
