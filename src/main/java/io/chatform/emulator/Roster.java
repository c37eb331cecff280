package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The people of an account (agents, bots) and its groups, shared by the agent, bot and group
 * modules. Membership is stored once, in each group's {@code agent_priorities}; an agent's or bot's
 * {@code groups} is derived from it, so both sides always describe the same thing.
 */
public final class Roster implements Account {
  /** Routing priorities of a member in a group. */
  public static final Set<String> PRIORITIES = Set.of("first", "normal", "last", "supervisor");

  private final String accountId;
  private final String ownerEmail;

  /** Agent id (e-mail) → stored fields, without {@code groups}. */
  final Map<String, ObjectNode> agents = new LinkedHashMap<>();

  /** Bot id → stored fields (incl. the secret), without {@code groups}. */
  final Map<String, ObjectNode> bots = new LinkedHashMap<>();

  /** Group id → stored fields, incl. {@code agent_priorities}. */
  final TreeMap<Long, ObjectNode> groups = new TreeMap<>();

  long nextGroupId = 1;

  public Roster(String accountId, String ownerEmail) {
    this.accountId = accountId;
    this.ownerEmail = ownerEmail;
  }

  public String accountId() {
    return accountId;
  }

  public String ownerEmail() {
    return ownerEmail;
  }

  @Override
  public boolean groupExists(long groupId) {
    return groups.containsKey(groupId);
  }

  @Override
  public java.util.List<Long> groupIds() {
    return java.util.List.copyOf(groups.keySet());
  }

  @Override
  public boolean agentOrBotExists(String id) {
    return agents.containsKey(id) || bots.containsKey(id);
  }

  /**
   * Parses a {@code groups: [{id, priority}]} parameter into group id → priority, checking that
   * every group exists ({@code group_not_found} otherwise).
   */
  Map<Long, String> parseGroups(JsonNode body) {
    JsonNode n = body.get("groups");
    if (!n.isArray()) {
      throw ApiError.validation("`groups` must be an array of {id, priority}");
    }
    Map<Long, String> out = new LinkedHashMap<>();
    for (int i = 0; i < n.size(); i++) {
      JsonNode g = n.get(i);
      String at = "groups[" + i + "]";
      if (!g.isObject()) {
        throw ApiError.validation("`" + at + "` must be an object {id, priority}");
      }
      JsonNode id = g.get("id");
      if (!Params.isId(id)) {
        throw ApiError.validation("`" + at + ".id` is required and must be a group id");
      }
      JsonNode p = g.get("priority");
      if (p == null || !p.isTextual() || !PRIORITIES.contains(p.asText())) {
        throw ApiError.validation(
            "`" + at + ".priority` must be one of first, normal, last, supervisor");
      }
      if (!groups.containsKey(id.asLong())) {
        throw ApiError.groupNotFound("`" + at + ".id`: group " + id.asLong() + " does not exist");
      }
      out.put(id.asLong(), p.asText());
    }
    return out;
  }

  /** Replaces the groups of a member (agent or bot): the new map is the whole membership. */
  void setMemberships(String memberId, Map<Long, String> priorities) {
    for (ObjectNode g : groups.values()) {
      ((ObjectNode) g.get("agent_priorities")).remove(memberId);
    }
    priorities.forEach(
        (gid, prio) -> ((ObjectNode) groups.get(gid).get("agent_priorities")).put(memberId, prio));
  }

  /** The {@code groups} of a member as the API shows it: {@code [{id, priority}]}, by id. */
  ArrayNode groupsOf(String memberId) {
    ArrayNode out = Params.array();
    groups.forEach(
        (gid, g) -> {
          JsonNode p = g.get("agent_priorities").get(memberId);
          if (p != null) {
            out.addObject().put("id", gid).put("priority", p.asText());
          }
        });
    return out;
  }

  /**
   * Every member's {@code groups} as {@link #groupsOf} shows it, from one pass over the groups: a
   * list answer looks its members up here instead of scanning every group per member (10,000 agents
   * × 1,000 groups).
   */
  java.util.function.Function<String, ArrayNode> groupsByMember() {
    Map<String, ArrayNode> by = new java.util.HashMap<>();
    groups.forEach(
        (gid, g) ->
            g.get("agent_priorities")
                .fields()
                .forEachRemaining(
                    e ->
                        by.computeIfAbsent(e.getKey(), k -> Params.array())
                            .addObject()
                            .put("id", gid)
                            .put("priority", e.getValue().asText())));
    return id -> {
      ArrayNode a = by.get(id);
      return a == null ? Params.array() : a;
    };
  }

  /** Group ids a member belongs to. */
  List<Long> groupIdsOf(String memberId) {
    List<Long> out = new ArrayList<>();
    groups.forEach(
        (gid, g) -> {
          if (g.get("agent_priorities").has(memberId)) {
            out.add(gid);
          }
        });
    return out;
  }

  void removeMember(String memberId) {
    setMemberships(memberId, Map.of());
  }
}
