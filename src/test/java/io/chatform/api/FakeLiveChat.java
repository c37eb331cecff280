package io.chatform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * A small stateful LiveChat stand-in for unit tests: enough semantics for round trips, every
 * request recorded, and scripted faults per method (canned answers, dropped connections before or
 * after the write is applied).
 */
final class FakeLiveChat extends Dispatcher {
  record Received(
      String version, String method, ObjectNode body, String authorization, String region) {}

  sealed interface Fault {}

  /** Answer this instead of running the method. */
  record Canned(int status, String body, Map<String, String> headers) implements Fault {}

  /** Drop the connection without an answer, after applying the write when {@code applied}. */
  record Drop(boolean applied) implements Fault {}

  /** Apply the write, then answer {@code answer} instead of the result. */
  record AppliedThen(Canned answer) implements Fault {}

  static final class Err extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String type;
    final int status;

    Err(String type, int status, String message) {
      super(message);
      this.type = type;
      this.status = status;
    }
  }

  final List<Received> received = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<Fault>> faults = new LinkedHashMap<>();
  Optional<String> homeRegion = Optional.empty();

  final Map<String, ObjectNode> groups = new LinkedHashMap<>();
  final Map<String, ObjectNode> agents = new LinkedHashMap<>();
  final Map<String, ObjectNode> bots = new LinkedHashMap<>();
  final List<ObjectNode> autoAccesses = new ArrayList<>();
  final Map<String, ObjectNode> webhooks = new LinkedHashMap<>();
  final Map<String, ObjectNode> properties = new LinkedHashMap<>(); // owner/name → definition
  private int nextId = 1;

  synchronized FakeLiveChat fault(String method, Fault... fs) {
    faults.computeIfAbsent(method, m -> new ArrayDeque<>()).addAll(List.of(fs));
    return this;
  }

  long count(String method) {
    return received.stream().filter(r -> r.method().equals(method)).count();
  }

  List<ObjectNode> bodies(String method) {
    return received.stream().filter(r -> r.method().equals(method)).map(Received::body).toList();
  }

  @Override
  public synchronized MockResponse dispatch(RecordedRequest req) {
    String[] parts = req.getUrl().encodedPath().split("/");
    String version = parts[parts.length - 4];
    String method = parts[parts.length - 1];
    ObjectNode body = WireMapper.object();
    try {
      if (req.getBody() != null && req.getBody().size() > 0) {
        body = (ObjectNode) WireMapper.MAPPER.readTree(req.getBody().utf8());
      }
    } catch (Exception e) {
      return json(400, "{\"error\":{\"type\":\"validation\",\"message\":\"bad json\"}}");
    }
    String region = req.getHeaders().get("X-Region");
    received.add(
        new Received(version, method, body, req.getHeaders().get("Authorization"), region));
    Fault f = Optional.ofNullable(faults.get(method)).map(Deque::poll).orElse(null);
    if (f instanceof Canned c) {
      MockResponse.Builder b = new MockResponse.Builder().code(c.status()).body(c.body());
      c.headers().forEach(b::addHeader);
      return b.build();
    }
    if (f instanceof Drop d && !d.applied()) {
      return drop();
    }
    if (homeRegion.isPresent() && !homeRegion.get().equals(region)) {
      return json(
          421,
          "{\"error\":{\"type\":\"misdirected_request\",\"message\":\"wrong region\","
              + "\"data\":{\"region\":\""
              + homeRegion.get()
              + "\"}}}");
    }
    JsonNode result;
    try {
      result = handle(method, body);
    } catch (Err e) {
      ObjectNode err = WireMapper.object();
      err.putObject("error").put("type", e.type).put("message", e.getMessage());
      return json(e.status, err.toString());
    }
    if (f instanceof Drop) {
      return drop();
    }
    if (f instanceof AppliedThen a) {
      return json(a.answer().status(), a.answer().body());
    }
    return json(200, result.toString());
  }

  private static MockResponse drop() {
    return new MockResponse.Builder()
        .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
        .build();
  }

  private static MockResponse json(int status, String body) {
    return new MockResponse.Builder()
        .code(status)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  private String newId() {
    return Integer.toString(nextId++);
  }

  private JsonNode handle(String m, ObjectNode b) {
    if (m.startsWith("batch_")) {
      // batch_create_agents → create_agent: each item runs alone and fails alone.
      String[] w = m.split("_");
      String single = w[1] + "_" + w[2].substring(0, w[2].length() - 1);
      ArrayNode responses = WireMapper.object().putArray("responses");
      for (JsonNode item : b.path("requests")) {
        try {
          responses.add(handle(single, (ObjectNode) item));
        } catch (Err e) {
          ObjectNode err = WireMapper.object();
          err.putObject("error").put("type", e.type).put("message", e.getMessage());
          responses.add(err);
        }
      }
      ObjectNode out = WireMapper.object();
      out.set("responses", responses);
      return out;
    }
    switch (m) {
      case "list_groups":
        return array(groups.values());
      case "create_group":
        {
          String id = newId();
          groups.put(id, b.deepCopy().put("id", Long.parseLong(id)));
          return WireMapper.object().put("id", Long.parseLong(id));
        }
      case "update_group":
        return update(groups, b.path("id").asText(), b);
      case "delete_group":
        return remove(groups, b.path("id").asText());
      case "list_agents":
        return array(agents.values());
      case "create_agent":
        {
          String id = b.path("id").asText();
          if (agents.containsKey(id)) {
            throw new Err("already_exists", 409, "agent exists");
          }
          agents.put(id, b.deepCopy());
          return WireMapper.object().put("id", id);
        }
      case "update_agent":
        return update(agents, b.path("id").asText(), b);
      case "delete_agent":
        return remove(agents, b.path("id").asText());
      case "list_bots":
        return array(bots.values());
      case "create_bot":
        {
          String id = "bot" + newId();
          bots.put(id, b.deepCopy().put("id", id));
          return WireMapper.object().put("id", id).put("secret", "bot-secret-" + id);
        }
      case "update_bot":
        return update(bots, b.path("id").asText(), b);
      case "delete_bot":
        return remove(bots, b.path("id").asText());
      case "list_auto_accesses":
        return array(autoAccesses);
      case "add_auto_access":
        {
          String id = "aa" + newId();
          ObjectNode rule = b.deepCopy().put("id", id);
          rule.remove("next_id");
          if (!autoAccesses.isEmpty()) {
            autoAccesses.get(autoAccesses.size() - 1).put("next_id", id);
          }
          autoAccesses.add(rule);
          return WireMapper.object().put("id", id);
        }
      case "delete_auto_access":
        if (!autoAccesses.removeIf(r -> r.path("id").asText().equals(b.path("id").asText()))) {
          throw new Err("not_found", 404, "no such rule");
        }
        return WireMapper.object();
      case "list_webhooks":
        return array(webhooks.values());
      case "register_webhook":
        {
          String id = "wh" + newId();
          webhooks.put(id, b.deepCopy().put("id", id));
          return WireMapper.object().put("id", id);
        }
      case "unregister_webhook":
        return remove(webhooks, b.path("id").asText());
      case "list_properties":
        {
          ObjectNode out = WireMapper.object();
          String prefix = b.path("owner_client_id").asText() + "/";
          properties.forEach(
              (k, v) -> {
                if (k.startsWith(prefix)) {
                  out.set(k.substring(prefix.length()), v);
                }
              });
          return out;
        }
      case "register_property":
        {
          String key = b.path("owner_client_id").asText() + "/" + b.path("name").asText();
          if (properties.containsKey(key)) {
            throw new Err("already_exists", 409, "property exists");
          }
          properties.put(key, b.deepCopy());
          return WireMapper.object();
        }
      case "unregister_property":
        return remove(
            properties, b.path("owner_client_id").asText() + "/" + b.path("name").asText());
      default:
        throw new Err("validation", 400, "fake does not know " + m);
    }
  }

  private static ArrayNode array(Iterable<ObjectNode> items) {
    ArrayNode a = WireMapper.MAPPER.createArrayNode();
    items.forEach(i -> a.add(i.deepCopy()));
    return a;
  }

  private static JsonNode update(Map<String, ObjectNode> map, String id, ObjectNode b) {
    ObjectNode o = map.get(id);
    if (o == null) {
      throw new Err("not_found", 404, "no such object " + id);
    }
    o.setAll(b);
    return WireMapper.object();
  }

  private static JsonNode remove(Map<String, ObjectNode> map, String id) {
    if (map.remove(id) == null) {
      throw new Err("not_found", 404, "no such object " + id);
    }
    return WireMapper.object();
  }
}
