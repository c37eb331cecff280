package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Groups: create/get/list/update/delete. Group 0 "General" always exists. A group's {@code
 * agent_priorities} is the one stored copy of membership (see {@link Roster}).
 */
public final class GroupsModule implements Module {
  static final int MAX_NAME = 180;
  static final Set<String> FIELDS = Set.of("agent_priorities", "routing_status");

  private final Roster roster;

  public GroupsModule(Roster roster) {
    this.roster = roster;
    reset();
  }

  @Override
  public String name() {
    return "groups";
  }

  @Override
  public Map<String, Handler> methods() {
    Map<String, Handler> m = new LinkedHashMap<>();
    m.put("create_group", this::create);
    m.put("get_group", this::get);
    m.put("list_groups", this::list);
    m.put("update_group", this::update);
    m.put("delete_group", this::delete);
    return m;
  }

  private static String name(ObjectNode b) {
    String name = Params.requireString(b, "name");
    // "Maximum: 180 characters" (create_group/update_group, 3.4-3.7): characters are Unicode code
    // points (an emoji is one), not Java's UTF-16 units. See docs/emulator.md.
    int length = name.codePointCount(0, name.length());
    if (length > MAX_NAME) {
      throw ApiError.validation(
          "`name` is " + length + " characters long; the maximum is " + MAX_NAME);
    }
    return name;
  }

  /** Parses {@code agent_priorities}; every key must be an existing agent or bot. */
  private Map<String, String> priorities(ObjectNode b) {
    JsonNode ap = b.get("agent_priorities");
    if (!ap.isObject()) {
      throw ApiError.validation("`agent_priorities` must be an object {member: priority}");
    }
    Map<String, String> out = new LinkedHashMap<>();
    var it = ap.fields();
    while (it.hasNext()) {
      var e = it.next();
      String at = "agent_priorities." + e.getKey();
      if (!e.getValue().isTextual() || !Roster.PRIORITIES.contains(e.getValue().asText())) {
        throw ApiError.validation("`" + at + "` must be one of first, normal, last, supervisor");
      }
      if (!roster.agentOrBotExists(e.getKey())) {
        throw ApiError.notFound("`" + at + "`: no agent or bot `" + e.getKey() + "`");
      }
      out.put(e.getKey(), e.getValue().asText());
    }
    return out;
  }

  private JsonNode create(Call call) {
    ObjectNode b = call.body();
    String name = name(b);
    String language = Params.optString(b, "language_code").orElse("en");
    if (!b.hasNonNull("agent_priorities")) {
      throw ApiError.validation("`agent_priorities` is required (it may be {} from v3.6)");
    }
    Map<String, String> prios = priorities(b);
    // Up to 3.5 a group needs at least one member with the `normal` priority.
    if (!call.version().atLeast(ApiVersion.V3_6) && !prios.containsValue("normal")) {
      throw ApiError.validation(
          "`agent_priorities` needs at least one member with the `normal` priority in v"
              + call.version().label());
    }
    long id = roster.nextGroupId++;
    ObjectNode g = Params.object().put("id", id).put("name", name).put("language_code", language);
    g.put("routing_status", "offline");
    ObjectNode ap = g.putObject("agent_priorities");
    prios.forEach(ap::put);
    roster.groups.put(id, g);
    return Params.object().put("id", id);
  }

  private ObjectNode existing(Call call) {
    long id = Params.requireId(call.body(), "id");
    ObjectNode g = roster.groups.get(id);
    if (g == null) {
      throw ApiError.notFound("Group " + id + " not found");
    }
    return g;
  }

  private JsonNode get(Call call) {
    Set<String> fields = Methods.fields(call.body(), FIELDS);
    return render(existing(call), fields);
  }

  private JsonNode list(Call call) {
    Set<String> fields = Methods.fields(call.body(), FIELDS);
    ArrayNode out = Params.array();
    roster.groups.values().forEach(g -> out.add(render(g, fields)));
    return out;
  }

  private static ObjectNode render(ObjectNode g, Set<String> fields) {
    ObjectNode out = Params.object().put("id", g.get("id").asLong());
    out.put("name", g.get("name").asText()).put("language_code", g.get("language_code").asText());
    for (String f : fields) {
      out.set(f, g.get(f).deepCopy());
    }
    return out;
  }

  private JsonNode update(Call call) {
    ObjectNode b = call.body();
    ObjectNode g = existing(call);
    String name = b.has("name") ? name(b) : g.get("name").asText();
    String language = Params.optString(b, "language_code").orElse(g.get("language_code").asText());
    Map<String, String> prios = b.hasNonNull("agent_priorities") ? priorities(b) : null;
    g.put("name", name).put("language_code", language);
    if (prios != null) {
      ObjectNode ap = g.putObject("agent_priorities"); // replaces the whole map
      prios.forEach(ap::put);
    }
    return Methods.empty();
  }

  private JsonNode delete(Call call) {
    ObjectNode g = existing(call);
    if (g.get("id").asLong() == 0) {
      throw ApiError.validation("`id`: group 0 (General) cannot be deleted");
    }
    roster.groups.remove(g.get("id").asLong());
    return Methods.empty();
  }

  @Override
  public void writeState(ObjectNode into) {
    into.put("next_id", roster.nextGroupId);
    ArrayNode list = into.putArray("groups");
    roster.groups.values().forEach(g -> list.add(g.deepCopy()));
  }

  @Override
  public void readState(JsonNode from) {
    roster.groups.clear();
    for (JsonNode g : from.path("groups")) {
      ObjectNode copy = (ObjectNode) g.deepCopy();
      if (!copy.has("agent_priorities")) {
        copy.putObject("agent_priorities");
      }
      copy.put("routing_status", copy.path("routing_status").asText("offline"));
      copy.put("language_code", copy.path("language_code").asText("en"));
      roster.groups.put(copy.get("id").asLong(), copy);
    }
    if (!roster.groups.containsKey(0L)) {
      seedGeneral();
    }
    long max = roster.groups.lastKey();
    roster.nextGroupId = Math.max(from.path("next_id").asLong(1), max + 1);
  }

  @Override
  public void reset() {
    roster.groups.clear();
    roster.nextGroupId = 1;
    seedGeneral();
  }

  private void seedGeneral() {
    ObjectNode g = Params.object().put("id", 0).put("name", "General").put("language_code", "en");
    g.put("routing_status", "offline");
    // As on a new LiveChat license, the owner starts in General.
    g.putObject("agent_priorities").put(roster.ownerEmail(), "normal");
    roster.groups.put(0L, g);
  }
}
