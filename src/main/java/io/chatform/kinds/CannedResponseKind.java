package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Future;

/**
 * Canned responses (3.7 developer preview). The API gives them a number and nothing else that is
 * unique, so a manifest names each by {@code group/key}: its group (by name, "General" when not
 * written) and its key, the shortcut tag agents type (the first tag when not written). The key is
 * always sent as the first tag, so a live response's key is its first tag; tags compare as a set,
 * {@code is_private} defaults to false, and the text is compared as written. Moving a response to
 * another group changes its identity (delete + create). {@code author_id}, {@code created_at} and
 * {@code updated_at} are runtime data, never shaped.
 */
final class CannedResponseKind extends DeclaredKind implements Creator, Updater, Deleter {
  CannedResponseKind() {
    super(Kind.CANNED_RESPONSES, Scope.ACCOUNT);
  }

  @Override
  public ObjectNode normalize(ObjectNode spec) {
    ObjectNode out = spec.deepCopy();
    Set<String> tags = new TreeSet<>(tags(spec));
    ArrayNode sorted = out.putArray("tags");
    tags.forEach(sorted::add);
    if (!out.has("is_private")) {
      out.put("is_private", false);
    }
    return out;
  }

  /** The tags as the API takes them: the key first, then the others as written, each once. */
  static List<String> tags(ObjectNode spec) {
    Set<String> out = new LinkedHashSet<>();
    String key = Json.text(spec, "key");
    if (!key.isEmpty()) {
      out.add(key);
    }
    spec.path("tags").forEach(t -> out.add(t.asText()));
    return List.copyOf(out);
  }

  @Override
  public void create(WriteContext ctx, ObjectNode desired, Optional<String> moveBefore) {
    ObjectNode body = body(desired).put("group_id", ctx.groupId(Json.text(desired, "group")));
    if (!body.has("is_private")) {
      body.put("is_private", false);
    }
    ctx.client().createCannedResponse(body, kind().identity(desired));
  }

  @Override
  public void update(
      WriteContext ctx, String liveId, ObjectNode desired, ObjectNode live, Optional<String> m) {
    ObjectNode body = body(desired).put("id", Long.parseLong(liveId));
    body.put("is_private", desired.path("is_private").asBoolean(false));
    ctx.client().updateCannedResponse(body);
  }

  @Override
  public void delete(WriteContext ctx, String liveId, ObjectNode live) {
    ctx.client().deleteCannedResponse(Long.parseLong(liveId));
  }

  private static ObjectNode body(ObjectNode desired) {
    ObjectNode body = Json.object().put("text", Json.text(desired, "text"));
    ArrayNode tags = body.putArray("tags");
    tags(desired).forEach(tags::add);
    if (desired.has("is_private")) {
      body.put("is_private", desired.get("is_private").asBoolean());
    }
    return body;
  }

  @Override
  public int pageSize() {
    return io.chatform.api.LiveChatClient.CANNED_PAGE;
  }

  @Override
  public Listing list(Reading reading) {
    Future<List<ObjectNode>> all = reading.submit(reading.client()::listCannedResponses);
    return () -> Reading.get(all).stream().map(r -> shape(r, reading.names())).toList();
  }

  /** A listed response in manifest form: tags in the API's order, so the first is the key. */
  static LiveObject shape(JsonNode r, Names names) {
    ObjectNode spec = Json.object().put("group", names.groupName(r.path("group_id").asLong()));
    spec.put("key", r.path("tags").path(0).asText(""));
    ArrayNode tags = spec.putArray("tags");
    r.path("tags").forEach(t -> tags.add(t.asText()));
    spec.put("text", Json.text(r, "text"));
    spec.put("is_private", r.path("is_private").asBoolean(false));
    return new LiveObject(Kind.CANNED_RESPONSES, r.path("id").asText(), spec);
  }

  /** Exported without what goes without saying: the key (the first tag), not being private. */
  @Override
  public ObjectNode exportForm(ObjectNode spec) {
    ObjectNode out = spec.deepCopy();
    out.remove("key");
    if (!out.path("is_private").asBoolean(false)) {
      out.remove("is_private");
    }
    return out;
  }
}
