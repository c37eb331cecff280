package io.chatform.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.emulator.ApiExchange.Request;
import io.chatform.emulator.ApiExchange.Response;
import io.chatform.model.ApiVersion;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.LongSupplier;

/**
 * The emulated service behind the socket: routing, auth, region, faults, the state lock (list_/get_
 * methods read, the rest write), errors and stats. {@link Emulator} only moves bytes.
 */
final class Dispatcher {
  /** Methods the JS SDK calls with GET and query parameters. */
  private static final Set<String> GET_METHODS =
      Set.of(
          "list_license_properties",
          "list_group_properties",
          "get_license_id",
          "get_organization_id");

  /**
   * Answer without credentials: the webhook actions of a version, and the public look-ups between a
   * license number and its organization id.
   */
  private static final Set<String> NO_AUTH_METHODS =
      Set.of("list_webhook_names", "get_license_id", "get_organization_id");

  private final EmulatorConfig config;
  private final AccountState live;
  private final StateStore store;
  private final Faults faults;
  private final Stats stats = new Stats();
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  /** Mixed into the fault seed for the batch order's Random. */
  private static final long BATCH_SALT = 0x6261746368L;

  private final BatchOrder batchOrder;

  Dispatcher(EmulatorConfig config, LongSupplier nanoClock) {
    this.config = config;
    var c = config.credentials();
    this.live = new AccountState(c.accountId(), c.ownerEmail());
    this.store =
        new StateStore(live, config.statePath(), config.faults().consistencyDelayMs(), nanoClock);
    this.store.load(config.seedPath());
    this.faults = new Faults(config.faults(), nanoClock);
    // Its own Random (from the fault seed), so batch shuffles never shift other fault draws.
    this.batchOrder =
        BatchOrder.shuffled(new java.util.Random(config.faults().seed() ^ BATCH_SALT));
  }

  Stats stats() {
    return stats;
  }

  ObjectNode state() {
    lock.readLock().lock();
    try {
      return (ObjectNode) StateSecrets.hashAll(live.write()); // as the state file: never plain
    } finally {
      lock.readLock().unlock();
    }
  }

  void replaceState(JsonNode doc) {
    lock.writeLock().lock();
    try {
      live.read(doc);
      store.afterWrite();
    } finally {
      lock.writeLock().unlock();
    }
  }

  Response handle(Request req) {
    String[] seg = req.path().split("/");
    // "", "v3.6", "configuration", "action", "<method>"
    if (seg.length != 5 || !seg[2].equals("configuration") || !seg[3].equals("action")) {
      stats.call("(unknown)");
      return error(ApiError.notFound("No such endpoint: " + req.path()), Map.of());
    }
    String method = seg[4];
    stats.call(method);
    try {
      return api(req, method, seg[1]);
    } catch (ApiError e) {
      return error(e, Map.of());
    } catch (RuntimeException e) {
      return internal();
    }
  }

  private Response api(Request req, String method, String versionSegment) {
    ApiVersion version =
        ApiVersion.fromPathSegment(versionSegment)
            .orElseThrow(() -> ApiError.unsupportedVersion(versionSegment));
    Optional<String> clientId = Optional.empty();
    String credential = "anonymous";
    if (!NO_AUTH_METHODS.contains(method)) {
      Auth auth = authenticate(req.authorization());
      clientId = auth.clientId();
      credential = auth.key();
    }
    String region = req.region().map(String::trim).orElse("");
    if (!region.isEmpty() && !region.equalsIgnoreCase(config.region())) {
      ObjectNode data = Params.object().put("region", config.region());
      throw new ApiError(
          "misdirected_request", 421, "This license lives in region " + config.region(), data);
    }
    OptionalLong retry = faults.rateLimited(credential);
    if (retry.isPresent()) {
      return error(
          new ApiError("too_many_requests", 429, "Rate limit exceeded; retry later", null),
          Map.of("Retry-After", Long.toString(retry.getAsLong())));
    }
    Handler handler =
        live.handler(method).orElseThrow(() -> ApiError.methodNotFound(method, version));
    boolean viaGet = req.httpMethod().equals("GET") && GET_METHODS.contains(method);
    if (!req.httpMethod().equals("POST") && !viaGet) {
      return error(
          new ApiError("validation", 405, "Use POST for " + method, null), Map.of("Allow", "POST"));
    }
    ObjectNode body = viaGet ? queryBody(req.rawQuery()) : jsonBody(req.body());
    boolean write = !(method.startsWith("list_") || method.startsWith("get_"));
    Faults.Decision d = faults.decide(write);
    sleep(d.latencyMs());
    if (d.failStatus() != 0) {
      throw new ApiError("internal", d.failStatus(), "Injected failure; nothing was applied", null);
    }
    Call call = new Call(version, method, body, clientId, batchOrder);
    JsonNode result;
    if (!write && store.delayed()) {
      result = store.delayedRead(call, faults.readLagMs() * 1_000_000L);
    } else {
      var l = write ? lock.writeLock() : lock.readLock();
      l.lock();
      try {
        result = handler.handle(call);
      } finally {
        if (write) {
          store.afterWrite();
        }
        l.unlock();
      }
    }
    if (d.resetAfterWrite()) {
      return Response.dropped();
    }
    return new Response(200, Map.of(), bytes(result), false);
  }

  private record Auth(String key, Optional<String> clientId) {}

  private Auth authenticate(Optional<String> header) {
    String h = header.orElseThrow(() -> ApiError.authentication("Missing Authorization header"));
    var c = config.credentials();
    if (h.regionMatches(true, 0, "Bearer ", 0, 7)) {
      String token = h.substring(7).trim();
      String clientId = c.accessTokens().get(token);
      if (clientId != null) {
        return new Auth("bearer:" + token, Optional.of(clientId));
      }
    } else if (h.regionMatches(true, 0, "Basic ", 0, 6)) {
      String decoded;
      try {
        decoded =
            new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw ApiError.authentication("Malformed Basic credentials");
      }
      if (decoded.equals(c.accountId() + ":" + c.pat())) {
        return new Auth("basic:" + c.accountId(), Optional.empty());
      }
    }
    throw ApiError.authentication("Invalid access token or personal access token");
  }

  private static ObjectNode jsonBody(byte[] raw) {
    if (raw.length == 0) {
      return Params.object();
    }
    JsonNode n;
    try {
      n = Params.JSON.readTree(raw);
    } catch (IOException e) {
      throw ApiError.validation("Malformed JSON body");
    }
    if (n == null || n.isMissingNode()) {
      return Params.object();
    }
    if (!n.isObject()) {
      throw ApiError.validation("The body must be a JSON object");
    }
    return (ObjectNode) n;
  }

  /** Query parameters → body; {@code id} and {@code group_id} are numbers, the rest strings. */
  static ObjectNode queryBody(String rawQuery) {
    ObjectNode body = Params.object();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return body;
    }
    for (String pair : rawQuery.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      if ((k.equals("id") || k.equals("group_id")) && v.matches("\\d{1,18}")) {
        body.put(k, Long.parseLong(v));
      } else {
        body.put(k, v);
      }
    }
    return body;
  }

  private static void sleep(long ms) {
    if (ms <= 0) {
      return;
    }
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Response error(ApiError e, Map<String, String> headers) {
    stats.error(e.type());
    return new Response(e.status(), headers, bytes(Methods.errorBody(e)), false);
  }

  static byte[] bytes(JsonNode n) {
    try {
      return Params.JSON.writeValueAsBytes(n);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Unexpected handler failures become {@code internal} without leaking details. */
  Response internal() {
    return error(new ApiError("internal", 500, "Internal emulator error", null), Map.of());
  }
}
