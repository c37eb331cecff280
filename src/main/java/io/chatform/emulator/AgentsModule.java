package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Agents: create/get/list/update/delete, suspension, approval and their 3.5+ batch forms. */
public final class AgentsModule implements Module {
  static final Set<String> ROLES = Set.of("viceowner", "administrator", "normal");
  static final Set<String> LOGIN_STATUSES = Set.of("accepting chats", "not accepting chats");
  static final Set<String> NOTIFICATIONS =
      Set.of(
          "new_visitor",
          "incoming_chat",
          "returning_visitor",
          "queued_visitor",
          "visitor_is_typing",
          "new_goal",
          "unassigned_chats",
          "unassigned_chat_messages",
          "ticket",
          "inactive_notifications",
          "mute_all_sounds",
          "repeat_sound_notifications",
          "ticket_notifications",
          "incoming_message_for_focused_chat");
  static final Set<String> EMAIL_SUBSCRIPTIONS = Set.of("daily_summary", "weekly_summary");
  static final Set<String> FIELDS =
      Set.of(
          "work_scheduler",
          "groups",
          "email_subscriptions",
          "notifications",
          "job_title",
          "mobile",
          "max_chats_count",
          "suspended",
          "awaiting_approval",
          "last_logout");

  private final Roster roster;

  public AgentsModule(Roster roster) {
    this.roster = roster;
    reset();
  }

  @Override
  public String name() {
    return "agents";
  }

  @Override
  public Map<String, Handler> methods() {
    Map<String, Handler> m = new LinkedHashMap<>();
    m.put("create_agent", this::create);
    m.put("get_agent", this::get);
    m.put("list_agents", this::list);
    m.put("update_agent", this::update);
    m.put("delete_agent", this::delete);
    m.put("suspend_agent", c -> setFlag(c, "suspended", true));
    m.put("unsuspend_agent", c -> setFlag(c, "suspended", false));
    m.put("approve_agent", c -> setFlag(c, "awaiting_approval", false));
    // Sent by a suspended agent to the owners; nothing to store.
    m.put("request_agent_unsuspension", c -> Methods.empty());
    m.put("batch_create_agents", Methods.batch(this::create));
    m.put("batch_update_agents", Methods.batch(this::update));
    m.put("batch_delete_agents", Methods.batch(this::delete));
    m.put("batch_suspend_agents", Methods.batch(c -> setFlag(c, "suspended", true)));
    m.put("batch_unsuspend_agents", Methods.batch(c -> setFlag(c, "suspended", false)));
    m.put("batch_approve_agents", Methods.batch(c -> setFlag(c, "awaiting_approval", false)));
    return m;
  }

  private static int maxChats(ApiVersion v) {
    return v.atLeast(ApiVersion.V3_5) ? 20 : 100;
  }

  private JsonNode create(Call call) {
    ObjectNode b = call.body();
    String id = Params.requireString(b, "id");
    if (!id.contains("@")) {
      throw ApiError.validation("`id` must be the agent's e-mail address");
    }
    String name = Params.requireString(b, "name");
    if ("owner".equals(b.path("role").asText())) {
      throw ApiError.validation("`role` cannot be `owner`; use viceowner, administrator or normal");
    }
    ObjectNode a = Params.object().put("id", id).put("name", name);
    a.put("role", Params.optEnum(b, "role", ROLES).orElse("normal"));
    a.put(
        "login_status",
        Params.optEnum(b, "login_status", LOGIN_STATUSES).orElse("not accepting chats"));
    a.put(
        "max_chats_count",
        Params.optInt(b, "max_chats_count", 0, maxChats(call.version())).orElse(6));
    // Only a caller with the private subscription scope may skip approval; the emulator grants
    // every scope, so an explicit `awaiting_approval: false` is honoured.
    a.put("awaiting_approval", Params.optBool(b, "awaiting_approval").orElse(true));
    a.put("suspended", false);
    readOptional(call, a);
    Map<Long, String> groups = b.has("groups") ? roster.parseGroups(b) : Map.of();
    if (roster.agentOrBotExists(id)) {
      throw ApiError.alreadyExists("Agent `" + id + "` already exists");
    }
    roster.agents.put(id, a);
    roster.setMemberships(id, groups);
    return Params.object().put("id", id);
  }

  /** Optional fields shared by create and update; validates everything before storing anything. */
  private void readOptional(Call call, ObjectNode into) {
    ObjectNode b = call.body();
    if (call.version().atLeast(ApiVersion.V3_6)) {
      into.remove("avatar"); // gone from create in 3.6: an unknown parameter there, ignored
    } else {
      Params.optString(b, "avatar").ifPresent(v -> into.put("avatar", v));
    }
    Params.optString(b, "job_title").ifPresent(v -> into.put("job_title", v));
    Params.optString(b, "mobile").ifPresent(v -> into.put("mobile", v));
    Params.optStrings(b, "notifications", NOTIFICATIONS)
        .ifPresent(v -> into.set("notifications", Params.JSON.valueToTree(v)));
    Params.optStrings(b, "email_subscriptions", EMAIL_SUBSCRIPTIONS)
        .ifPresent(v -> into.set("email_subscriptions", Params.JSON.valueToTree(v)));
    if (b.hasNonNull("work_scheduler")) {
      into.set("work_scheduler", WorkScheduler.parse(b.get("work_scheduler"), call.version()));
    }
  }

  private ObjectNode existing(Call call) {
    String id = Params.requireString(call.body(), "id");
    ObjectNode a = roster.agents.get(id);
    if (a == null) {
      throw ApiError.notFound("Agent `" + id + "` not found");
    }
    return a;
  }

  private JsonNode get(Call call) {
    Set<String> fields = Methods.fields(call.body(), FIELDS);
    return render(existing(call), fields, call.version(), roster::groupsOf);
  }

  private JsonNode list(Call call) {
    Set<String> fields = Methods.fields(call.body(), FIELDS);
    ObjectNode filters = Params.optObject(call.body(), "filters").orElse(Params.object());
    Set<Long> groupIds = new HashSet<>();
    JsonNode gids = filters.path("group_ids");
    if (!gids.isMissingNode() && !gids.isNull()) {
      if (!gids.isArray()) {
        throw ApiError.validation("`filters.group_ids` must be an array of group ids");
      }
      for (int i = 0; i < gids.size(); i++) {
        if (!Params.isId(gids.get(i))) {
          throw ApiError.validation("`filters.group_ids[" + i + "]` must be a group id");
        }
        groupIds.add(gids.get(i).asLong());
      }
    }
    // filters.suspended exists from 3.5; in 3.4 it is an unknown parameter and ignored.
    JsonNode suspended = filters.path("suspended");
    boolean bySuspended = call.version().atLeast(ApiVersion.V3_5) && suspended.isBoolean();
    ArrayNode out = Params.array();
    java.util.function.Function<String, ArrayNode> groupsOf = roster.groupsByMember();
    for (ObjectNode a : roster.agents.values()) {
      String id = a.get("id").asText();
      if (!groupIds.isEmpty() && roster.groupIdsOf(id).stream().noneMatch(groupIds::contains)) {
        continue;
      }
      if (bySuspended && a.path("suspended").asBoolean() != suspended.asBoolean()) {
        continue;
      }
      out.add(render(a, fields, call.version(), groupsOf));
    }
    return out;
  }

  private ObjectNode render(
      ObjectNode a,
      Set<String> fields,
      ApiVersion v,
      java.util.function.Function<String, ArrayNode> groupsOf) {
    String id = a.get("id").asText();
    // Each agent has an account of its own; only the owner's is the one the sandbox PAT belongs to.
    String account =
        id.equals(roster.ownerEmail())
            ? roster.accountId()
            : java.util
                .UUID
                .nameUUIDFromBytes(id.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .toString();
    ObjectNode out = Params.object().put("id", id).put("account_id", account);
    out.put("name", a.get("name").asText()).put("role", a.get("role").asText());
    out.put("login_status", a.get("login_status").asText());
    if (!v.atLeast(ApiVersion.V3_6) && a.has("avatar")) {
      out.put("avatar", a.get("avatar").asText());
    }
    for (String f : fields) {
      switch (f) {
        case "groups" -> out.set("groups", groupsOf.apply(id));
        case "work_scheduler" ->
            out.set("work_scheduler", WorkScheduler.render(a.path("work_scheduler"), v));
        case "notifications", "email_subscriptions" ->
            out.set(f, a.has(f) ? a.get(f).deepCopy() : Params.array());
        case "job_title", "mobile" -> out.put(f, a.path(f).asText(""));
        case "last_logout" -> {
          if (a.has(f)) {
            out.put(f, a.get(f).asText()); // omitted when no logout occurred
          }
        }
        default -> out.set(f, a.get(f).deepCopy()); // max_chats_count, suspended, awaiting_approval
      }
    }
    return out;
  }

  private JsonNode update(Call call) {
    ObjectNode b = call.body();
    ObjectNode a = existing(call);
    String id = a.get("id").asText();
    if (call.version().atLeast(ApiVersion.V3_6)) {
      for (String gone : List.of("name", "avatar")) {
        if (b.has(gone)) {
          throw ApiError.validation(
              "`" + gone + "` cannot be changed with update_agent in v3.6; it is an account field");
        }
      }
    }
    ObjectNode next = a.deepCopy();
    if (b.has("name")) {
      next.put("name", Params.requireString(b, "name"));
    }
    if (b.has("role")) {
      if ("owner".equals(b.path("role").asText())) {
        throw ApiError.validation(
            "`role` cannot be `owner`; use viceowner, administrator or normal");
      }
      String role = Params.optEnum(b, "role", ROLES).orElseThrow();
      if (id.equals(roster.ownerEmail()) && !role.equals(a.get("role").asText())) {
        throw ApiError.authorization("The account owner's role cannot be changed");
      }
      next.put("role", role);
    }
    Params.optEnum(b, "login_status", LOGIN_STATUSES).ifPresent(v -> next.put("login_status", v));
    Params.optInt(b, "max_chats_count", 0, maxChats(call.version()))
        .ifPresent(v -> next.put("max_chats_count", v));
    readOptional(call, next);
    if (call.version().atLeast(ApiVersion.V3_6) && a.has("avatar")) {
      next.put("avatar", a.get("avatar").asText()); // not settable in 3.6, but kept
    }
    Map<Long, String> groups = b.hasNonNull("groups") ? roster.parseGroups(b) : null;
    roster.agents.put(id, next);
    if (groups != null) {
      roster.setMemberships(id, groups); // replaces the whole membership
    }
    return Methods.empty();
  }

  private JsonNode delete(Call call) {
    ObjectNode a = existing(call);
    String id = a.get("id").asText();
    if (id.equals(roster.ownerEmail())) {
      throw ApiError.authorization("The account owner cannot be deleted");
    }
    roster.agents.remove(id);
    roster.removeMember(id);
    return Methods.empty();
  }

  private JsonNode setFlag(Call call, String flag, boolean value) {
    ObjectNode a = existing(call);
    if (flag.equals("suspended") && value && a.get("id").asText().equals(roster.ownerEmail())) {
      throw ApiError.authorization("The account owner cannot be suspended");
    }
    a.put(flag, value);
    return Methods.empty();
  }

  @Override
  public void writeState(ObjectNode into) {
    ArrayNode list = into.putArray("agents");
    roster.agents.values().forEach(a -> list.add(a.deepCopy()));
  }

  @Override
  public void readState(JsonNode from) {
    roster.agents.clear();
    for (JsonNode a : from.path("agents")) {
      roster.agents.put(a.get("id").asText(), (ObjectNode) a.deepCopy());
    }
    if (!roster.agents.containsKey(roster.ownerEmail())) {
      seedOwner();
    }
  }

  @Override
  public void reset() {
    roster.agents.clear();
    seedOwner();
  }

  private void seedOwner() {
    ObjectNode owner = Params.object().put("id", roster.ownerEmail()).put("name", "Account Owner");
    owner.put("role", "owner").put("login_status", "accepting chats").put("max_chats_count", 6);
    owner.put("awaiting_approval", false).put("suspended", false);
    roster.agents.put(roster.ownerEmail(), owner);
  }
}
