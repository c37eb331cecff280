package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Future;

/**
 * Chat tags (3.5+): identified by name, which the API matches case-insensitively on create but
 * case-sensitively on update and delete, so the plan refuses a live tag whose name differs only in
 * case ({@link #createKey}). {@code groups} names groups and compares as a set; {@code author_id}
 * and {@code created_at} are runtime data, never shaped (so never compared or exported).
 */
final class TagKind extends DeclaredKind implements Creator, Updater, Deleter {
  TagKind() {
    super(Kind.TAGS, Scope.ACCOUNT);
  }

  /** Owned (docs/manifests.md): a tag without groups is the account's, in no group. */
  @Override
  public Map<String, JsonNode> ownedFields(ApiVersion version) {
    return Map.of("groups", Json.array());
  }

  @Override
  public ObjectNode normalize(ObjectNode spec) {
    return Json.sortedField(spec, "groups");
  }

  @Override
  public String createKey(ObjectNode spec) {
    return key(spec).toLowerCase(Locale.ROOT);
  }

  @Override
  public void create(WriteContext ctx, ObjectNode desired, Optional<String> moveBefore) {
    ObjectNode body = body(ctx, desired);
    if (!body.has("group_ids")) {
      body.putArray("group_ids");
    }
    ctx.client().createTag(body);
  }

  @Override
  public void update(
      WriteContext ctx, String liveId, ObjectNode desired, ObjectNode live, Optional<String> m) {
    ctx.client().updateTag(body(ctx, desired).put("name", liveId));
  }

  @Override
  public void delete(WriteContext ctx, String liveId, ObjectNode live) {
    ctx.client().deleteTag(liveId);
  }

  private static ObjectNode body(WriteContext ctx, ObjectNode desired) {
    ObjectNode body = Json.object().put("name", Json.text(desired, "name"));
    if (desired.get("groups") instanceof ArrayNode groups) {
      ArrayNode ids = body.putArray("group_ids");
      groups.forEach(g -> ids.add(ctx.groupId(g.asText())));
    }
    return body;
  }

  @Override
  public Listing list(Reading reading) {
    Future<List<ObjectNode>> tags = reading.submit(reading.client()::listTags);
    return () -> Reading.get(tags).stream().map(t -> shape(t, reading.names())).toList();
  }

  static LiveObject shape(JsonNode t, Names names) {
    ObjectNode spec = Json.object().put("name", Json.text(t, "name"));
    ArrayNode groups = spec.putArray("groups");
    t.path("group_ids").forEach(g -> groups.add(names.groupName(g.asLong())));
    return new LiveObject(Kind.TAGS, Json.text(t, "name"), spec);
  }
}
