package io.chatform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import io.chatform.model.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The one way the product talks to LiveChat: typed methods for everything the reconciler reads and
 * writes, on top of a generic {@link #call} that owns retries, errors, regions and the rate budget.
 * Entities are Jackson {@link ObjectNode}s so unknown fields survive (forward compatibility).
 * Thread-safe; share one instance.
 */
public final class LiveChatClient implements AutoCloseable {
  private final ClientConfig config;
  private final Redactor redactor = new Redactor();
  private final CallEngine engine;
  private final WireErrors errors;
  private final Probes probes;
  private final Batches batches;
  private final WriteLog writes = new WriteLog(java.time.Clock.systemUTC());

  private LiveChatClient(ClientConfig config) {
    this.config = config;
    redactor.remember(config.credentials().secretStrings());
    this.engine = new CallEngine(config, redactor);
    this.errors = new WireErrors(redactor);
    this.probes = new Probes(this, writes);
    this.batches = new Batches(this, engine, errors, redactor, probes);
  }

  /** A client for the account and target in {@code config}; close it when done. */
  public static LiveChatClient create(ClientConfig config) {
    return new LiveChatClient(config);
  }

  public ClientConfig config() {
    return config;
  }

  public ApiVersion version() {
    return config.version();
  }

  /** Every create and delete this client made (and deletes seeded from a journal). */
  public WriteLog writes() {
    return writes;
  }

  /** The region calls go to now (it changes after a {@code misdirected_request}). */
  public Optional<String> currentRegion() {
    return engine.region();
  }

  /** The adaptive request rate now (below --max-rps after 429s). */
  double currentRps() {
    return engine.currentRps();
  }

  /** Masks known secrets and secret-shaped text; for callers that print API data. */
  public String redact(String text) {
    return redactor.redact(text);
  }

  /**
   * Calls any method with any body. Retry safety is inferred from the name: creates are never
   * blindly re-sent after an ambiguous failure (use the typed methods to get probing), deletes
   * treat a retried {@code not_found} as success, everything else is retried freely.
   */
  public JsonNode call(String method, JsonNode body) {
    RetrySafety s;
    if (method.startsWith("delete_") || method.startsWith("unregister_")) {
      s = RetrySafety.DELETE;
    } else if (method.startsWith("create_")
        || method.startsWith("add_")
        || method.startsWith("register_")
        || method.startsWith("batch_create_")) {
      s = RetrySafety.AT_MOST_ONCE;
    } else {
      s = RetrySafety.IDEMPOTENT;
    }
    return call(method, body, s);
  }

  JsonNode call(String method, JsonNode body, RetrySafety safety) {
    return engine.execute(method, body, safety).result();
  }

  // ---- reads ---------------------------------------------------------------------------------

  public List<ObjectNode> listAgents(List<String> fields) {
    return objects("list_agents", call("list_agents", withFields(WireMapper.object(), fields)));
  }

  public List<ObjectNode> listBots(boolean all, List<String> fields) {
    ObjectNode body = WireMapper.object().put("all", all);
    return objects("list_bots", call("list_bots", withFields(body, fields)));
  }

  public List<ObjectNode> listGroups(List<String> fields) {
    return objects("list_groups", call("list_groups", withFields(WireMapper.object(), fields)));
  }

  /** Rules in their real order, rebuilt from the {@code next_id} chain (not the array order). */
  public List<ObjectNode> listAutoAccesses() {
    return NextIdChain.ordered(
        objects("list_auto_accesses", call("list_auto_accesses", WireMapper.object())));
  }

  /** Property definitions of one Client ID: name → definition. */
  public Map<String, ObjectNode> listProperties(String ownerClientId) {
    JsonNode answer =
        call("list_properties", WireMapper.object().put("owner_client_id", ownerClientId));
    Map<String, ObjectNode> out = new LinkedHashMap<>();
    if (!answer.isObject()) {
      throw unexpected("list_properties", "an object of property definitions");
    }
    answer
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue() instanceof ObjectNode o) {
                out.put(e.getKey(), o);
              }
            });
    return out;
  }

  /** License property values: {@code {<namespace>: {<name>: value}}}. */
  public ObjectNode listLicenseProperties(Optional<String> namespace) {
    ObjectNode body = WireMapper.object();
    namespace.ifPresent(ns -> body.put("namespace", ns));
    JsonNode answer = call("list_license_properties", body);
    if (answer instanceof ObjectNode o) {
      return o;
    }
    throw unexpected("list_license_properties", "an object");
  }

  /** Group property values, {@code [{id, properties}]}; an empty list of ids means all groups. */
  public List<ObjectNode> listGroupsProperties(List<Long> groupIds, Optional<String> namespace) {
    // 3.5+ spelling; 3.4's list_group_properties (one id) is not spoken by this client.
    ObjectNode body = WireMapper.object();
    ArrayNode ids = body.putArray("group_ids");
    groupIds.forEach(ids::add);
    namespace.ifPresent(ns -> body.put("namespace", ns));
    return objects("list_groups_properties", call("list_groups_properties", body));
  }

  /** Webhooks of one Client ID; a {@code secret_key} some servers send is dropped, never kept. */
  public List<ObjectNode> listWebhooks(String ownerClientId) {
    return listWebhooks(Optional.of(ownerClientId));
  }

  List<ObjectNode> listWebhooks(Optional<String> owner) {
    return listWithoutSecret("list_webhooks", owner, "secret_key");
  }

  /**
   * One app's objects (all apps' when {@code owner} is empty), with the secret field some servers
   * send dropped and remembered by the redaction layer.
   */
  private List<ObjectNode> listWithoutSecret(String method, Optional<String> owner, String field) {
    ObjectNode body = WireMapper.object();
    owner.ifPresent(o -> body.put("owner_client_id", o));
    List<ObjectNode> items = objects(method, call(method, body));
    for (ObjectNode o : items) {
      JsonNode secret = o.remove(field);
      if (secret != null && secret.isTextual()) {
        redactor.remember(secret.asText());
      }
    }
    return items;
  }

  public boolean getLicenseWebhooksState(String ownerClientId) {
    JsonNode answer =
        call(
            "get_license_webhooks_state",
            WireMapper.object().put("owner_client_id", ownerClientId));
    JsonNode v = answer.path("license_webhooks_enabled");
    if (!v.isBoolean()) {
      throw unexpected("get_license_webhooks_state", "license_webhooks_enabled");
    }
    return v.asBoolean();
  }

  /** Every tag (3.5+): {@code name}, {@code group_ids}, and runtime data chatform never keeps. */
  public List<ObjectNode> listTags() {
    return objects("list_tags", call("list_tags", WireMapper.object()));
  }

  /** Bot templates of one Client ID (3.5+); a {@code secret} some servers send is dropped. */
  public List<ObjectNode> listBotTemplates(String ownerClientId) {
    return listBotTemplates(Optional.of(ownerClientId));
  }

  List<ObjectNode> listBotTemplates(Optional<String> owner) {
    return listWithoutSecret("list_bot_templates", owner, "secret");
  }

  /** The webhook actions valid for this client's API version. */
  public List<String> listWebhookNames() {
    JsonNode answer =
        call("list_webhook_names", WireMapper.object().put("version", config.version().label()));
    List<String> out = new ArrayList<>();
    for (ObjectNode o : objects("list_webhook_names", answer)) {
      out.add(o.path("action").asText());
    }
    return out;
  }

  // ---- writes: groups, agents, bots ------------------------------------------------------------

  /** Creates a group and returns its id; the probe identity is the group name. */
  public long createGroup(ObjectNode group) {
    JsonNode r =
        recorded(Kind.GROUPS, group, () -> call("create_group", group, probes.group(group)));
    long id = requireId("create_group", r).asLong();
    writes.created(Kind.GROUPS, Long.toString(id), Kind.GROUPS.identity(group));
    return id;
  }

  public void updateGroup(ObjectNode group) {
    call("update_group", group, RetrySafety.IDEMPOTENT);
  }

  public void deleteGroup(long id) {
    call("delete_group", WireMapper.object().put("id", id), RetrySafety.DELETE);
    writes.deleted(Kind.GROUPS, Long.toString(id), "");
  }

  /** Creates an agent (idempotent by id: an {@code already_exists} after a lost answer is ok). */
  public void createAgent(ObjectNode agent) {
    if (config.version().atLeast(ApiVersion.V3_6) && agent.has("avatar")) {
      throw versionRefusal(agent, "create_agent", "avatar");
    }
    recorded(Kind.AGENTS, agent, () -> call("create_agent", agent, probes.agent(agent)));
    writes.created(Kind.AGENTS, Kind.AGENTS.identity(agent), Kind.AGENTS.identity(agent));
  }

  public void updateAgent(ObjectNode agent) {
    if (config.version().atLeast(ApiVersion.V3_6)) {
      for (String f : List.of("name", "avatar")) {
        if (agent.has(f)) {
          throw versionRefusal(agent, "update_agent", f);
        }
      }
    }
    call("update_agent", agent, RetrySafety.IDEMPOTENT);
  }

  public void deleteAgent(String id) {
    call("delete_agent", WireMapper.object().put("id", id), RetrySafety.DELETE);
    writes.deleted(Kind.AGENTS, id, id);
  }

  /** Creates a bot; its secret is remembered by the redaction layer and never printed. */
  public BotCreated createBot(ObjectNode bot) {
    JsonNode r = recorded(Kind.BOTS, bot, () -> call("create_bot", bot, probes.bot(bot)));
    String id = requireId("create_bot", r).asText();
    writes.created(Kind.BOTS, id, Kind.BOTS.identity(bot));
    Optional<Secret> secret =
        Optional.ofNullable(r.get("secret"))
            .filter(JsonNode::isTextual)
            .map(JsonNode::asText)
            .map(Secret::of);
    secret.ifPresent(s -> redactor.remember(s.reveal()));
    return new BotCreated(id, secret);
  }

  public void updateBot(ObjectNode bot) {
    call("update_bot", bot, RetrySafety.IDEMPOTENT);
  }

  public void deleteBot(String id) {
    call("delete_bot", WireMapper.object().put("id", id), RetrySafety.DELETE);
    writes.deleted(Kind.BOTS, id, "");
  }

  // ---- writes: auto access, properties, webhooks ------------------------------------------------

  /**
   * Adds a rule (before {@code next_id} if given, else at the end); probe identity: description.
   */
  public String addAutoAccess(ObjectNode rule) {
    JsonNode r =
        recorded(
            Kind.AUTO_ACCESS, rule, () -> call("add_auto_access", rule, probes.autoAccess(rule)));
    String id = requireId("add_auto_access", r).asText();
    writes.created(Kind.AUTO_ACCESS, id, Kind.AUTO_ACCESS.identity(rule));
    return id;
  }

  public void updateAutoAccess(ObjectNode rule) {
    call("update_auto_access", rule, RetrySafety.IDEMPOTENT);
  }

  public void deleteAutoAccess(String id) {
    call("delete_auto_access", WireMapper.object().put("id", id), RetrySafety.DELETE);
    writes.deleted(Kind.AUTO_ACCESS, id, "");
  }

  /** Registers a property definition; probe identity: owner_client_id + name. */
  public void registerProperty(ObjectNode definition) {
    recorded(
        Kind.PROPERTIES,
        definition,
        () -> call("register_property", definition, probes.property(definition)));
    String id = Kind.PROPERTIES.identity(definition);
    writes.created(Kind.PROPERTIES, id, id);
  }

  public void unregisterProperty(String ownerClientId, String name) {
    ObjectNode body = WireMapper.object().put("name", name).put("owner_client_id", ownerClientId);
    call("unregister_property", body, RetrySafety.DELETE);
    writes.deleted(Kind.PROPERTIES, ownerClientId + "/" + name, ownerClientId + "/" + name);
  }

  /** Publishing is irreversible: a published property can never be unregistered. */
  public void publishProperty(String ownerClientId, String name, List<String> accessType) {
    ObjectNode body = WireMapper.object().put("name", name).put("owner_client_id", ownerClientId);
    ArrayNode at = body.putArray("access_type");
    accessType.forEach(at::add);
    call("publish_property", body, RetrySafety.IDEMPOTENT);
  }

  /** Merges values: {@code {<namespace>: {<name>: value}}}. */
  public void updateLicenseProperties(ObjectNode properties) {
    call("update_license_properties", wrap(properties), RetrySafety.IDEMPOTENT);
  }

  /** Deletes values: {@code {<namespace>: [names]}}. */
  public void deleteLicenseProperties(ObjectNode properties) {
    call("delete_license_properties", wrap(properties), RetrySafety.DELETE);
  }

  public void updateGroupProperties(long groupId, ObjectNode properties) {
    ObjectNode body = wrap(properties).put("group_id", groupId);
    call("update_group_properties", body, RetrySafety.IDEMPOTENT);
  }

  public void deleteGroupProperties(long groupId, ObjectNode properties) {
    // API quirk: the delete spells the group parameter `id`, the update `group_id`.
    ObjectNode body = wrap(properties).put("id", groupId);
    call("delete_group_properties", body, RetrySafety.DELETE);
  }

  /** Registers a webhook and returns its id; probe identity: owner + type + action + url. */
  public String registerWebhook(ObjectNode webhook) {
    JsonNode key = webhook.get("secret_key");
    if (key != null && key.isTextual()) {
      redactor.remember(key.asText());
    }
    JsonNode r =
        recorded(
            Kind.WEBHOOKS,
            webhook,
            () -> call("register_webhook", webhook, probes.webhook(webhook)));
    String id = requireId("register_webhook", r).asText();
    writes.created(Kind.WEBHOOKS, id, Kind.WEBHOOKS.identity(webhook));
    return id;
  }

  public void unregisterWebhook(String id, String ownerClientId) {
    ObjectNode body = WireMapper.object().put("id", id).put("owner_client_id", ownerClientId);
    call("unregister_webhook", body, RetrySafety.DELETE);
    writes.deleted(Kind.WEBHOOKS, id, "");
  }

  public void setLicenseWebhooks(String ownerClientId, boolean enabled) {
    String method = enabled ? "enable_license_webhooks" : "disable_license_webhooks";
    call(method, WireMapper.object().put("owner_client_id", ownerClientId), RetrySafety.IDEMPOTENT);
  }

  // ---- writes: tags -----------------------------------------------------------------------------

  /**
   * Creates a tag ({@code name}, {@code group_ids}); the name is its identity, and the API refuses
   * a second tag with it (ignoring letter case), so the probe looks for the name.
   */
  public void createTag(ObjectNode tag) {
    recorded(Kind.TAGS, tag, () -> call("create_tag", tag, probes.tag(tag)));
    String id = Kind.TAGS.identity(tag);
    writes.created(Kind.TAGS, id, id);
  }

  public void updateTag(ObjectNode tag) {
    call("update_tag", tag, RetrySafety.IDEMPOTENT);
  }

  public void deleteTag(String name) {
    call("delete_tag", WireMapper.object().put("name", name), RetrySafety.DELETE);
    writes.deleted(Kind.TAGS, name, name);
  }

  // ---- writes: bot templates ------------------------------------------------------------------

  /**
   * Creates a bot template and returns its id; the secret it answers is remembered by the redaction
   * layer and dropped on the spot. Probe identity: owner_client_id + name.
   */
  public String createBotTemplate(ObjectNode template) {
    JsonNode r =
        recorded(
            Kind.BOT_TEMPLATES,
            template,
            () -> call("create_bot_template", template, probes.botTemplate(template)));
    JsonNode secret = r.get("secret");
    if (secret != null && secret.isTextual()) {
      redactor.remember(secret.asText());
    }
    String id = requireId("create_bot_template", r).asText();
    writes.created(Kind.BOT_TEMPLATES, id, Kind.BOT_TEMPLATES.identity(template));
    return id;
  }

  public void updateBotTemplate(ObjectNode template) {
    call("update_bot_template", template, RetrySafety.IDEMPOTENT);
  }

  public void deleteBotTemplate(String id, String ownerClientId, boolean affectExisting) {
    ObjectNode body =
        WireMapper.object()
            .put("id", id)
            .put("owner_client_id", ownerClientId)
            .put("affect_existing_installations", affectExisting);
    call("delete_bot_template", body, RetrySafety.DELETE);
    writes.deleted(Kind.BOT_TEMPLATES, id, "");
  }

  // ---- 3.7 preview: canned responses, allowed domains -------------------------------------------

  /** Page size of list_canned_responses (documented 1–100000): 1,000 keeps answers small. */
  public static final int CANNED_PAGE = 1000;

  /**
   * Every canned response the caller may see, its own private ones included ({@code
   * include_all_private} needs a scope a token may lack): pages followed by {@code next_page_id}
   * until there is none, ids checked across all pages.
   */
  public List<ObjectNode> listCannedResponses() {
    ArrayNode all = WireMapper.MAPPER.createArrayNode();
    ObjectNode body = WireMapper.object().put("include_private", true).put("limit", CANNED_PAGE);
    for (int page = 0; ; page++) {
      JsonNode answer = call("list_canned_responses", body);
      JsonNode items = answer.path("canned_responses");
      if (!items.isArray()) {
        throw unexpected("list_canned_responses", "an object with canned_responses");
      }
      items.forEach(all::add);
      String next = answer.path("next_page_id").asText("");
      if (next.isEmpty() || items.isEmpty() || page > 100_000) {
        return objects("list_canned_responses", all);
      }
      body = WireMapper.object().put("page_id", next);
    }
  }

  /**
   * Creates a canned response and returns its id; {@code identity} is its manifest identity (group
   * name/key), the probe's is group id + first tag.
   */
  public long createCannedResponse(ObjectNode response, String identity) {
    JsonNode r =
        recorded(
            Kind.CANNED_RESPONSES,
            identity,
            () -> call("create_canned_response", response, probes.cannedResponse(response)));
    long id = requireId("create_canned_response", r).asLong();
    writes.created(Kind.CANNED_RESPONSES, Long.toString(id), identity);
    return id;
  }

  public void updateCannedResponse(ObjectNode response) {
    call("update_canned_response", response, RetrySafety.IDEMPOTENT);
  }

  public void deleteCannedResponse(long id) {
    call("delete_canned_response", WireMapper.object().put("id", id), RetrySafety.DELETE);
    writes.deleted(Kind.CANNED_RESPONSES, Long.toString(id), "");
  }

  /** The allowed domains, as the API lists them (strings). */
  public List<String> listAllowedDomains() {
    JsonNode list = call("list_allowed_domains", WireMapper.object()).path("domains");
    if (!list.isArray()) {
      throw unexpected("list_allowed_domains", "an object with domains");
    }
    List<String> out = new ArrayList<>();
    for (JsonNode d : list) {
      if (!d.isTextual()) {
        throw unexpected("list_allowed_domains", "a list of domain strings");
      }
      out.add(d.asText());
    }
    return out;
  }

  /** Adds a domain; the API refuses it twice, so the probe looks for it (ignoring case). */
  public void addAllowedDomain(String domain) {
    ObjectNode body = WireMapper.object().put("domain", domain);
    recorded(
        Kind.ALLOWED_DOMAINS,
        body,
        () -> call("add_allowed_domain", body, probes.allowedDomain(domain)));
    writes.created(Kind.ALLOWED_DOMAINS, domain, domain);
  }

  public void deleteAllowedDomain(String domain) {
    call("delete_allowed_domain", WireMapper.object().put("domain", domain), RetrySafety.DELETE);
    writes.deleted(Kind.ALLOWED_DOMAINS, domain, domain);
  }

  // ---- batch ------------------------------------------------------------------------------------

  /**
   * Runs a batch method ({@code batch_create_agents}, {@code batch_update_bots}, …) over any number
   * of items: chunked by the batch size, chunks in parallel, one result per item in input order.
   * Batch creates whose outcome is unknown fall back to probing and creating item by item.
   */
  public List<BatchResult> batch(String batchMethod, List<ObjectNode> requests) {
    BatchWrites.started(writes, batchMethod, requests);
    List<BatchResult> results = batches.run(batchMethod, requests);
    BatchWrites.record(writes, batchMethod, requests, results);
    return results;
  }

  /** Runs a create; a failure that leaves it unknown is logged (the object may exist). */
  private JsonNode recorded(Kind kind, ObjectNode body, java.util.function.Supplier<JsonNode> c) {
    return recorded(kind, kind.identity(body), c);
  }

  private JsonNode recorded(Kind kind, String identity, java.util.function.Supplier<JsonNode> c) {
    writes.started(kind, identity);
    try {
      return c.get();
    } catch (RuntimeException e) {
      if (e instanceof LiveChatException lce && !lce.outcomeUnknown()) {
        writes.notCreated(kind, identity);
      } else {
        writes.createUnknown(kind, identity);
      }
      throw e;
    }
  }

  private static ObjectNode wrap(ObjectNode properties) {
    ObjectNode body = WireMapper.object();
    body.set("properties", properties);
    return body;
  }

  private IllegalArgumentException versionRefusal(ObjectNode agent, String method, String field) {
    return new IllegalArgumentException(
        "agent "
            + agent.path("id").asText("?")
            + ": "
            + method
            + " in API "
            + config.version().label()
            + " does not accept '"
            + field
            + "' (it moved to the account-level APIs); leave it out or use --api-version 3.5");
  }

  JsonNode requireId(String method, JsonNode answer) {
    JsonNode id = answer.get("id");
    if (id == null || !(id.isTextual() || id.isNumber())) {
      throw unexpected(method, "an object with an id");
    }
    AnswerChecks.createdId(method, id)
        .ifPresent(
            p -> {
              throw errors.client(ErrorType.UNEXPECTED_RESPONSE, method, p, OptionalInt.empty());
            });
    return id;
  }

  // ---- helpers shared with the write side -------------------------------------------------------

  Redactor redactor() {
    return redactor;
  }

  static ObjectNode withFields(ObjectNode body, List<String> fields) {
    if (!fields.isEmpty()) {
      ArrayNode f = body.putArray("fields");
      fields.forEach(f::add);
    }
    return body;
  }

  List<ObjectNode> objects(String method, JsonNode answer) {
    if (!answer.isArray()) {
      throw unexpected(method, "an array");
    }
    List<ObjectNode> out = new ArrayList<>();
    for (JsonNode n : answer) {
      if (n instanceof ObjectNode o) {
        out.add(o);
      } else {
        throw unexpected(method, "an array of objects");
      }
    }
    AnswerChecks.problem(method, out)
        .ifPresent(
            p -> {
              throw errors.client(ErrorType.UNEXPECTED_RESPONSE, method, p, OptionalInt.empty());
            });
    return out;
  }

  LiveChatException unexpected(String method, String expected) {
    return errors.client(
        ErrorType.UNEXPECTED_RESPONSE,
        method,
        "the answer is not " + expected + " as documented",
        OptionalInt.empty());
  }

  @Override
  public void close() {
    engine.close();
  }
}
