package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Group membership as agents and bots write it ({@code groups: [{group, priority}]}). The account's
 * group 0 "General" holds everyone implicitly, so a manifest that does not mention it is not asked
 * to.
 */
final class Membership {
  static final String GENERAL = "General";

  private Membership() {}

  /**
   * Sorts {@code groups} by group name so order never makes a diff, and fills a missing priority
   * with the one the writer sends ({@code defaultPriority}).
   */
  static ObjectNode normalize(ObjectNode spec, String defaultPriority) {
    JsonNode groups = spec.get("groups");
    if (groups == null || !groups.isArray()) {
      return spec;
    }
    ArrayNode filled = Json.array();
    for (JsonNode g : groups) {
      ObjectNode item = g.isObject() ? ((ObjectNode) g).deepCopy() : Json.object();
      if (!item.has("priority")) {
        item.put("priority", defaultPriority);
      }
      filled.add(item);
    }
    ObjectNode copy = spec.deepCopy();
    copy.set("groups", Json.sorted(filled));
    return copy;
  }

  /** Drops live General membership when the desired spec does not declare General. */
  static ObjectNode alignLive(ObjectNode desired, ObjectNode live) {
    JsonNode want = desired.get("groups");
    JsonNode have = live.get("groups");
    if (want == null || have == null || !have.isArray() || mentionsGeneral(want)) {
      return live;
    }
    ArrayNode kept = Json.array();
    for (JsonNode g : have) {
      if (!GENERAL.equals(g.path("group").asText())) {
        kept.add(g);
      }
    }
    ObjectNode copy = live.deepCopy();
    copy.set("groups", kept);
    return copy;
  }

  private static boolean mentionsGeneral(JsonNode groups) {
    for (JsonNode g : groups) {
      if (GENERAL.equals(g.path("group").asText())) {
        return true;
      }
    }
    return false;
  }

  /** True when raw {@code memberships} ({@code [{id, priority}]}) hold group {@code group}. */
  static boolean hasMember(JsonNode memberships, long group) {
    for (JsonNode m : memberships) {
      if (m.path("id").asLong(-1) == group) {
        return true;
      }
    }
    return false;
  }

  /** The group ids of raw {@code memberships}, e.g. {@code [3, 7]}. */
  static String groupIds(JsonNode memberships) {
    List<String> ids = new ArrayList<>();
    memberships.forEach(m -> ids.add(m.path("id").asText()));
    return ids.toString();
  }
}
