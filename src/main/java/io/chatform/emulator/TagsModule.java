package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Chat tags (3.5+), identified by name: create matches an existing name case-insensitively
 * ("Matching the name of an existing tag is case insensitive"), update and delete case-sensitively.
 */
public final class TagsModule implements Module {
  private final Roster account;

  /** Name → {name, group_ids, author_id, created_at}, in creation order. */
  private final Map<String, ObjectNode> tags = new LinkedHashMap<>();

  public TagsModule(Roster account) {
    this.account = account;
  }

  @Override
  public String name() {
    return "tags";
  }

  @Override
  public Map<String, Handler> methods() {
    Map<String, Handler> m = new LinkedHashMap<>();
    m.put("create_tag", Methods.since(ApiVersion.V3_5, this::create));
    m.put("update_tag", Methods.since(ApiVersion.V3_5, this::update));
    m.put("delete_tag", Methods.since(ApiVersion.V3_5, this::delete));
    m.put("list_tags", Methods.since(ApiVersion.V3_5, this::list));
    return m;
  }

  private JsonNode create(Call call) {
    String name = BodyFields.requiredString(call.body(), "", "name");
    for (String existing : tags.keySet()) {
      if (existing.equalsIgnoreCase(name)) {
        throw ApiError.alreadyExists(
            "Tag `" + existing + "` already exists (tag names match case-insensitively)");
      }
    }
    Set<Long> groups =
        GroupIds.existing(call.body(), "", "group_ids", account).orElseGet(LinkedHashSet::new);
    ObjectNode t = Params.object().put("name", name);
    t.set("group_ids", GroupIds.toJson(groups));
    t.put("author_id", account.ownerEmail()).put("created_at", Timestamps.now());
    tags.put(name, t);
    return Methods.empty();
  }

  private ObjectNode existing(Call call) {
    String name = BodyFields.requiredString(call.body(), "", "name");
    ObjectNode t = tags.get(name);
    if (t == null) {
      throw ApiError.notFound("Tag `" + name + "` not found (tag names match case-sensitively)");
    }
    return t;
  }

  private JsonNode update(Call call) {
    ObjectNode t = existing(call);
    GroupIds.existing(call.body(), "", "group_ids", account)
        .ifPresent(g -> t.set("group_ids", GroupIds.toJson(g)));
    return Methods.empty();
  }

  private JsonNode delete(Call call) {
    tags.remove(existing(call).get("name").asText());
    return Methods.empty();
  }

  /** {@code filters.group_ids} (required inside {@code filters}) keeps tags naming any of them. */
  private JsonNode list(Call call) {
    Optional<ObjectNode> filters = BodyFields.optionalObject(call.body(), "", "filters");
    Optional<Set<Long>> wanted =
        filters.map(
            f ->
                GroupIds.optional(f, "filters.", "group_ids")
                    .orElseThrow(() -> ApiError.validation("filters.group_ids is required")));
    ArrayNode out = Params.array();
    for (ObjectNode t : tags.values()) {
      ObjectNode shown = visible(t);
      if (wanted.isEmpty() || anyOf(shown.get("group_ids"), wanted.get())) {
        out.add(shown);
      }
    }
    return out;
  }

  private static boolean anyOf(JsonNode groupIds, Set<Long> wanted) {
    for (JsonNode g : groupIds) {
      if (wanted.contains(g.asLong())) {
        return true;
      }
    }
    return false;
  }

  /** A copy without groups deleted since (a deleted group is no longer tagged with anything). */
  private ObjectNode visible(ObjectNode t) {
    ObjectNode copy = t.deepCopy();
    ArrayNode kept = copy.putArray("group_ids");
    t.get("group_ids")
        .forEach(
            g -> {
              if (account.groupExists(g.asLong())) {
                kept.add(g);
              }
            });
    return copy;
  }

  @Override
  public void writeState(ObjectNode into) {
    ArrayNode list = into.putArray("tags");
    tags.values().forEach(t -> list.add(t.deepCopy()));
  }

  @Override
  public void readState(JsonNode from) {
    tags.clear();
    for (JsonNode t : from.path("tags")) {
      ObjectNode copy = (ObjectNode) t.deepCopy();
      String name = copy.path("name").asText("");
      if (name.isEmpty() || !copy.path("group_ids").isArray()) {
        throw new IllegalArgumentException("`tags.tags[]` needs a name and group_ids");
      }
      copy.put("author_id", copy.path("author_id").asText(""));
      copy.put("created_at", copy.path("created_at").asText(""));
      tags.put(name, copy);
    }
  }

  @Override
  public void reset() {
    tags.clear();
  }
}
