package io.chatform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import io.chatform.model.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one way the product talks to LiveChat: calls of declared methods ({@link ApiMethod}: the
 * kinds declare their writes and create probes, {@link Lists} the shared reads), creates and
 * deletes logged for the journal under the kind the caller names, and a generic {@link
 * #call(String, JsonNode)}; the engine beneath owns retries, errors, regions and the rate budget.
 * Entities are Jackson {@link ObjectNode}s so unknown fields survive (forward compatibility).
 * Thread-safe; share one instance.
 */
public final class LiveChatClient implements AutoCloseable {
  private final ClientConfig config;
  private final Redactor redactor = new Redactor();
  private final CallEngine engine;
  private final Wire wire;
  private final Probes probes;
  private final Batches batches;
  private final WriteLog writes = new WriteLog(java.time.Clock.systemUTC());

  private LiveChatClient(ClientConfig config) {
    this.config = config;
    redactor.remember(config.credentials().secretStrings());
    this.engine = new CallEngine(config, redactor);
    WireErrors errors = new WireErrors(redactor);
    this.wire = new Wire(engine, errors, redactor);
    this.probes = new Probes(wire, writes);
    this.batches = new Batches(config, wire, engine, errors, redactor, probes);
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
   * blindly re-sent after an ambiguous failure (a declared {@link ApiMethod} brings a probe),
   * deletes treat a retried {@code not_found} as success, everything else is retried freely.
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
    return wire.call(method, body, safety);
  }

  /**
   * Calls a declared method: its retry safety (and for creates its probe) from the descriptor, its
   * answer read by the descriptor's reader.
   */
  public <T> T call(ApiMethod<T> method, ObjectNode body) {
    return read(method, call(method.name(), body, probes.safety(method, body)));
  }

  <T> T read(ApiMethod<T> method, JsonNode answer) {
    return wire.read(method, answer);
  }

  /**
   * Sends a create and logs it for the journal under {@code kind} (started, then created with the
   * answered id or else the identity, or not created / outcome unknown).
   */
  public Created create(Kind kind, ApiMethod<Created> method, ObjectNode body) {
    return create(kind, method, body, kind.identity(body));
  }

  /**
   * As {@link #create(Kind, ApiMethod, ObjectNode)}, for a kind whose request body does not carry
   * its manifest identity (a canned response's body has a group id and tags, not group/key).
   */
  public Created create(Kind kind, ApiMethod<Created> method, ObjectNode body, String identity) {
    JsonNode r =
        recorded(kind, identity, () -> call(method.name(), body, probes.safety(method, body)));
    Created created = read(method, r);
    writes.created(kind, created.id().orElse(identity), identity);
    return created;
  }

  /** Sends a delete and logs it for the journal under {@code kind}. */
  public void delete(Kind kind, ApiMethod<?> method, ObjectNode body, String id, String identity) {
    call(method, body);
    writes.deleted(kind, id, identity);
  }

  /** Masks {@code secret} in everything this client prints or logs from now on. */
  public void rememberSecret(String secret) {
    redactor.remember(secret);
  }

  // ---- reads ---------------------------------------------------------------------------------

  public List<ObjectNode> listAgents(List<String> fields) {
    return call(Lists.AGENTS, withFields(WireMapper.object(), fields));
  }

  public List<ObjectNode> listBots(boolean all, List<String> fields) {
    return call(Lists.BOTS, withFields(WireMapper.object().put("all", all), fields));
  }

  public List<ObjectNode> listGroups(List<String> fields) {
    return call(Lists.GROUPS, withFields(WireMapper.object(), fields));
  }

  /** Rules in their real order, rebuilt from the {@code next_id} chain (not the array order). */
  public List<ObjectNode> listAutoAccesses() {
    return call(Lists.AUTO_ACCESSES, WireMapper.object());
  }

  /** Property definitions of one Client ID: name → definition. */
  public Map<String, ObjectNode> listProperties(String ownerClientId) {
    return call(Lists.PROPERTIES, WireMapper.object().put("owner_client_id", ownerClientId));
  }

  /** License property values: {@code {<namespace>: {<name>: value}}}. */
  public ObjectNode listLicenseProperties(Optional<String> namespace) {
    ObjectNode body = WireMapper.object();
    namespace.ifPresent(ns -> body.put("namespace", ns));
    return call(Lists.LICENSE_PROPERTIES, body);
  }

  /** Group property values, {@code [{id, properties}]}; an empty list of ids means all groups. */
  public List<ObjectNode> listGroupsProperties(List<Long> groupIds, Optional<String> namespace) {
    // 3.5+ spelling; 3.4's list_group_properties (one id) is not spoken by this client.
    ObjectNode body = WireMapper.object();
    ArrayNode ids = body.putArray("group_ids");
    groupIds.forEach(ids::add);
    namespace.ifPresent(ns -> body.put("namespace", ns));
    return call(Lists.GROUPS_PROPERTIES, body);
  }

  /** Webhooks of one Client ID; a {@code secret_key} some servers send is dropped, never kept. */
  public List<ObjectNode> listWebhooks(String ownerClientId) {
    return call(Lists.WEBHOOKS, WireMapper.object().put("owner_client_id", ownerClientId));
  }

  public boolean getLicenseWebhooksState(String ownerClientId) {
    return call(
        Lists.LICENSE_WEBHOOKS_STATE, WireMapper.object().put("owner_client_id", ownerClientId));
  }

  /** Every tag (3.5+): {@code name}, {@code group_ids}, and runtime data chatform never keeps. */
  public List<ObjectNode> listTags() {
    return call(Lists.TAGS, WireMapper.object());
  }

  /** Bot templates of one Client ID (3.5+); a {@code secret} some servers send is dropped. */
  public List<ObjectNode> listBotTemplates(String ownerClientId) {
    return call(Lists.BOT_TEMPLATES, WireMapper.object().put("owner_client_id", ownerClientId));
  }

  /** The webhook actions valid for this client's API version. */
  public List<String> listWebhookNames() {
    List<String> out = new ArrayList<>();
    for (ObjectNode o :
        call(Lists.WEBHOOK_NAMES, WireMapper.object().put("version", config.version().label()))) {
      out.add(o.path("action").asText());
    }
    return out;
  }

  // ---- batch ------------------------------------------------------------------------------------

  /**
   * Runs a batch method ({@code batch_create_agents}, {@code batch_update_bots}, …) over any number
   * of items of {@code kind}: chunked by the batch size, chunks in parallel, one result per item in
   * input order. Batch creates whose outcome is unknown fall back to probing and creating item by
   * item with {@code singleCreate} (without it such items fail).
   */
  public List<BatchResult> batch(
      Kind kind,
      String batchMethod,
      List<ObjectNode> requests,
      Optional<ApiMethod<Created>> singleCreate) {
    BatchWrites.started(writes, kind, batchMethod, requests);
    List<BatchResult> results = batches.run(batchMethod, requests, singleCreate);
    BatchWrites.record(writes, kind, batchMethod, requests, results);
    return results;
  }

  /** Runs a create; a failure that leaves it unknown is logged (the object may exist). */
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

  @Override
  public void close() {
    engine.close();
  }
}
