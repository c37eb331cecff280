package io.chatform.repair;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The merge of groups that share a name. A group's references are the auto access rules routing to
 * it, its members (agents and bots), and its property values; the keeper is the group referenced
 * most (group 0, General, always wins: it can never be deleted; a tie keeps the lowest id, the
 * oldest). Every reference to an extra is moved to the keeper before the extra is deleted.
 */
final class GroupMerge {
  private final RawAccount raw;

  GroupMerge(RawAccount raw) {
    this.raw = raw;
  }

  DuplicateSet merge(List<ObjectNode> same) {
    Keeper choice =
        same.stream().anyMatch(g -> id(g) == 0)
            ? new Keeper(
                same.stream().filter(g -> id(g) == 0).findFirst().orElseThrow(),
                "group 0 (General) can never be deleted")
            : Keeper.choose(
                same,
                this::references,
                Comparator.comparingLong(GroupMerge::id),
                "the lowest id (the oldest group)");
    long keeper = id(choice.keeper());
    List<String> why = new ArrayList<>();
    same.forEach(g -> why.add(explain(id(g))));
    List<RepairStep> steps = new ArrayList<>();
    List<String> extras = new ArrayList<>();
    for (ObjectNode g : same) {
      long extra = id(g);
      if (extra == keeper) {
        continue;
      }
      extras.add(Long.toString(extra));
      moveRules(extra, keeper, steps);
      moveMembers(raw.agents(), "agent", "update_agent", extra, keeper, steps);
      moveMembers(raw.bots(), "bot", "update_bot", extra, keeper, steps);
      moveValues(extra, keeper, steps);
      steps.add(
          new RepairStep(
              "delete extra group " + extra, "delete_group", Json.object().put("id", extra)));
    }
    return DuplicateFinder.set(Kind.GROUPS, choice, extras, why, steps);
  }

  private int references(ObjectNode group) {
    long g = id(group);
    return rulesUsing(g).size() + membersOf(g).size() + valuesOf(g).size();
  }

  private String explain(long g) {
    return "group "
        + g
        + ": routed to by "
        + rulesUsing(g).size()
        + " rule(s) "
        + rulesUsing(g).stream().map(r -> Json.text(r, "id")).toList()
        + ", "
        + membersOf(g).size()
        + " member(s) "
        + membersOf(g)
        + ", "
        + valuesOf(g).size()
        + " property value(s) "
        + valuesOf(g);
  }

  private List<ObjectNode> rulesUsing(long g) {
    return raw.rules().stream().filter(r -> contains(r.path("access").path("groups"), g)).toList();
  }

  private List<String> membersOf(long g) {
    List<String> out = new ArrayList<>();
    raw.agents().stream()
        .filter(a -> hasMember(a.path("groups"), g))
        .forEach(a -> out.add(Json.text(a, "id")));
    raw.bots().stream()
        .filter(b -> hasMember(b.path("groups"), g))
        .forEach(b -> out.add("bot " + Json.text(b, "id")));
    return out;
  }

  private List<String> valuesOf(long g) {
    List<String> out = new ArrayList<>();
    values(g)
        .fields()
        .forEachRemaining(
            ns -> ns.getValue().fieldNames().forEachRemaining(n -> out.add(ns.getKey() + "/" + n)));
    return out;
  }

  private ObjectNode values(long g) {
    for (ObjectNode entry : raw.groupProperties()) {
      if (entry.path("id").asLong(-1) == g && entry.path("properties").isObject()) {
        return (ObjectNode) entry.path("properties");
      }
    }
    return Json.object();
  }

  private void moveRules(long extra, long keeper, List<RepairStep> steps) {
    for (ObjectNode r : rulesUsing(extra)) {
      ArrayNode groups = Json.array();
      for (JsonNode id : r.path("access").path("groups")) {
        long to = id.asLong() == extra ? keeper : id.asLong();
        if (!contains(groups, to)) {
          groups.add(to);
        }
      }
      ObjectNode body = Json.object().put("id", Json.text(r, "id"));
      body.putObject("access").set("groups", groups);
      steps.add(
          new RepairStep(
              "rule " + Json.text(r, "id") + ": route to group " + keeper + " instead of " + extra,
              "update_auto_access",
              body));
      ((ObjectNode) r.path("access")).set("groups", groups.deepCopy());
    }
  }

  private static void moveMembers(
      List<ObjectNode> members,
      String what,
      String method,
      long extra,
      long keeper,
      List<RepairStep> steps) {
    for (ObjectNode m : members) {
      if (!hasMember(m.path("groups"), extra)) {
        continue;
      }
      ArrayNode groups = Json.array();
      String priority = "normal";
      for (JsonNode membership : m.path("groups")) {
        if (membership.path("id").asLong() == extra) {
          priority = membership.path("priority").asText("normal");
        } else {
          groups.add(membership.deepCopy());
        }
      }
      if (!hasMember(groups, keeper)) {
        groups.addObject().put("id", keeper).put("priority", priority);
      }
      ObjectNode body = Json.object().put("id", Json.text(m, "id"));
      if (m.has("owner_client_id")) {
        body.put("owner_client_id", Json.text(m, "owner_client_id"));
      }
      body.set("groups", groups);
      steps.add(
          new RepairStep(
              what
                  + " "
                  + Json.text(m, "id")
                  + ": member of group "
                  + keeper
                  + " instead of "
                  + extra,
              method,
              body));
      m.set("groups", groups.deepCopy());
    }
  }

  private void moveValues(long extra, long keeper, List<RepairStep> steps) {
    ObjectNode from = values(extra);
    ObjectNode to = values(keeper);
    ObjectNode moved = Json.object();
    from.fields()
        .forEachRemaining(
            ns ->
                ns.getValue()
                    .fields()
                    .forEachRemaining(
                        v -> {
                          if (!to.path(ns.getKey()).has(v.getKey())) {
                            moved.with(ns.getKey()).set(v.getKey(), v.getValue().deepCopy());
                          }
                        }));
    if (!moved.isEmpty()) {
      ObjectNode body = Json.object().put("group_id", keeper);
      body.set("properties", moved);
      steps.add(
          new RepairStep(
              "group " + keeper + ": take over property values " + moved + " from group " + extra,
              "update_group_properties",
              body));
    }
  }

  static boolean hasMember(JsonNode memberships, long group) {
    for (JsonNode m : memberships) {
      if (m.path("id").asLong(-1) == group) {
        return true;
      }
    }
    return false;
  }

  private static boolean contains(JsonNode ids, long id) {
    for (JsonNode n : ids) {
      if (n.asLong(-1) == id) {
        return true;
      }
    }
    return false;
  }

  static long id(ObjectNode group) {
    return group.path("id").asLong(-1);
  }
}
