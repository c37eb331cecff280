package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Kind;
import io.chatform.model.PredefinedNamespaces;
import java.util.List;
import java.util.Map;

/**
 * Converts API answers into manifest-shaped live objects: ids become names, output-only fields are
 * dropped, and the manifest's field names are used. The one place that knows both shapes.
 */
final class LiveShapes {
  private static final List<String> AGENT_FIELDS =
      List.of(
          "id",
          "name",
          "role",
          "job_title",
          "mobile",
          "login_status",
          "max_chats_count",
          "notifications",
          "email_subscriptions",
          "work_scheduler",
          "avatar");
  private static final List<String> BOT_FIELDS =
      List.of(
          "name",
          "owner_client_id",
          "avatar",
          "max_chats_count",
          "default_group_priority",
          "job_title",
          "work_scheduler",
          "type");

  private LiveShapes() {}

  static LiveObject group(JsonNode g) {
    ObjectNode spec = Json.object().put("name", Json.text(g, "name"));
    Json.copyFields(g, spec, List.of("language_code"));
    return new LiveObject(Kind.GROUPS, g.path("id").asText(), spec);
  }

  static LiveObject agent(JsonNode a, Names names) {
    ObjectNode spec = Json.object();
    Json.copyFields(a, spec, AGENT_FIELDS);
    avatar(a, spec);
    if (a.has("groups")) {
      spec.set("groups", members(a.get("groups"), names));
    }
    return new LiveObject(Kind.AGENTS, Json.text(a, "id"), spec);
  }

  static LiveObject bot(JsonNode b, Names names) {
    ObjectNode spec = Json.object();
    Json.copyFields(b, spec, BOT_FIELDS);
    avatar(b, spec);
    if (b.has("groups")) {
      spec.set("groups", members(b.get("groups"), names));
    }
    return new LiveObject(Kind.BOTS, Json.text(b, "id"), spec);
  }

  /**
   * The docs' payloads spell the avatar {@code avatar} in some answers and {@code avatar_path} in
   * others (e.g. 3.6 getAgent vs listAgents, getBot, listBots), while every create/update documents
   * {@code avatar}: the manifest field is {@code avatar}, read from either spelling ({@code avatar}
   * wins when both come), so the spelling never makes a diff.
   */
  private static void avatar(JsonNode answer, ObjectNode spec) {
    JsonNode path = answer.get("avatar_path");
    if (!spec.has("avatar") && path != null && !path.isNull()) {
      spec.set("avatar", path.deepCopy());
    }
  }

  static LiveObject autoAccess(JsonNode r, Names names) {
    ObjectNode spec = Json.object().put("description", Json.text(r, "description"));
    ArrayNode groups = spec.putArray("groups");
    r.path("access").path("groups").forEach(g -> groups.add(names.groupName(g.asLong())));
    if (r.has("conditions")) {
      spec.set("conditions", r.get("conditions").deepCopy());
    }
    return new LiveObject(Kind.AUTO_ACCESS, Json.text(r, "id"), spec);
  }

  static LiveObject property(String owner, String name, JsonNode def) {
    ObjectNode spec = Json.object().put("owner_client_id", owner).put("name", name);
    Json.copyFields(
        def, spec, List.of("type", "access", "description", "domain", "range", "default_value"));
    JsonNode published = def.get("public_access");
    spec.set(
        "publish",
        published != null && published.isArray() && published.size() > 0
            ? published.deepCopy()
            : Json.F.booleanNode(false));
    return new LiveObject(Kind.PROPERTIES, owner + "/" + name, spec);
  }

  static LiveObject licenseValue(String ns, String name, JsonNode value) {
    ObjectNode spec = Json.object().put("namespace", ns).put("name", name);
    spec.set("value", value.deepCopy());
    return new LiveObject(Kind.LICENSE_PROPERTIES, ns + "/" + name, spec);
  }

  static LiveObject groupValue(long groupId, String ns, String name, JsonNode value, Names names) {
    ObjectNode spec =
        Json.object().put("group", names.groupName(groupId)).put("namespace", ns).put("name", name);
    spec.set("value", value.deepCopy());
    return new LiveObject(Kind.GROUP_PROPERTIES, groupId + "/" + ns + "/" + name, spec);
  }

  /**
   * Marks a value that equals its definition's {@code default_value}: LiveChat lists defaults as if
   * they were set, so such a value is never pruned (deleting it would only show it again).
   */
  static LiveObject marked(LiveObject value, Map<String, JsonNode> defaults) {
    JsonNode dflt =
        defaults.get(Json.text(value.spec(), "namespace") + "/" + Json.text(value.spec(), "name"));
    if (dflt == null || !Json.same(dflt, value.spec().get("value"))) {
      return value;
    }
    ObjectNode spec = value.spec().deepCopy().put(LiveObject.API_DEFAULT, true);
    return new LiveObject(value.kind(), value.liveId(), spec);
  }

  static LiveObject webhook(JsonNode w) {
    ObjectNode spec = Json.object();
    Json.copyFields(
        w,
        spec,
        List.of(
            "owner_client_id",
            "type",
            "action",
            "url",
            "description",
            "filters",
            "additional_data"));
    return new LiveObject(Kind.WEBHOOKS, Json.text(w, "id"), spec);
  }

  static LiveObject licenseWebhooks(String owner, boolean enabled) {
    ObjectNode spec = Json.object().put("owner_client_id", owner).put("enabled", enabled);
    return new LiveObject(Kind.LICENSE_WEBHOOKS, owner, spec);
  }

  /** {@code [{id, priority}]} → {@code [{group, priority}]}. */
  private static ArrayNode members(JsonNode groups, Names names) {
    ArrayNode out = Json.array();
    for (JsonNode g : groups) {
      out.addObject()
          .put("group", names.groupName(g.path("id").asLong()))
          .put("priority", g.path("priority").asText("normal"));
    }
    return out;
  }

  /**
   * Each value of {@code {ns:{name:value}}} in a namespace chatform manages: the {@code test} and
   * predefined public namespaces ({@code core}, {@code limits}, …) every license has belong to no
   * app, so they are never read, exported or pruned.
   */
  static void forEachValue(JsonNode byNamespace, ValueSink sink) {
    for (Map.Entry<String, JsonNode> ns : iterable(byNamespace)) {
      if (!PredefinedNamespaces.managed(ns.getKey())) {
        continue;
      }
      for (Map.Entry<String, JsonNode> v : iterable(ns.getValue())) {
        sink.accept(ns.getKey(), v.getKey(), v.getValue());
      }
    }
  }

  private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode node) {
    return node::fields;
  }

  /** Receives one property value: namespace, name, value. */
  interface ValueSink {
    void accept(String namespace, String name, JsonNode value);
  }
}
