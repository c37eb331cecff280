package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.api.AnswerReader;
import io.chatform.api.ApiMethod;
import io.chatform.api.CreateProbe;
import io.chatform.api.Created;
import io.chatform.api.IdShape;
import io.chatform.api.LiveChatClient;
import io.chatform.api.PagedList;
import io.chatform.model.ApiVersion;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import io.chatform.model.Reference;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Future;
import java.util.regex.Pattern;

/**
 * Canned responses (3.7 developer preview). The API gives them a number and nothing else that is
 * unique, so a manifest names each by {@code group/key}: its group (by name, "General" when not
 * written) and its key, the shortcut tag agents type (the first tag when not written). The key is
 * always sent as the first tag, so a live response's key is its first tag; tags compare as a set,
 * {@code is_private} defaults to false, and the text is compared as written. Moving a response to
 * another group changes its identity (delete + create). {@code author_id}, {@code created_at} and
 * {@code updated_at} are runtime data, never shaped.
 */
public final class CannedResponseKind extends DeclaredKind
    implements Creator, Updater, Deleter, Mergeable {

  @Override
  public List<Reference> references() {
    return List.of(Reference.groups("/group", false, 0));
  }

  @Override
  public ApiVersion since() {
    return ApiVersion.V3_7;
  }

  /** Page size of list_canned_responses (documented 1–100000): 1,000 keeps answers small. */
  static final int PAGE = 1000;

  /**
   * Every canned response the caller may see, its own private ones included ({@code
   * include_all_private} needs a scope a token may lack); the answer pages ({@code next_page_id}).
   */
  static final ApiMethod<List<ObjectNode>> LIST =
      ApiMethod.read(
          "list_canned_responses",
          IdShape.INTEGER,
          PagedList.reader("canned_responses", JsonNode::isObject, "canned responses as objects"));

  /** Creates a canned response; answers its (integer) id. */
  public static final ApiMethod<Created> CREATE =
      ApiMethod.create(
          "create_canned_response",
          IdShape.INTEGER,
          CannedResponseKind::probe,
          AnswerReader.CREATED_ID);

  private static final ApiMethod<JsonNode> UPDATE = ApiMethod.update("update_canned_response");
  private static final ApiMethod<JsonNode> DELETE = ApiMethod.delete("delete_canned_response");

  CannedResponseKind() {
    super(Kind.CANNED_RESPONSES, Scope.ACCOUNT);
  }

  private static ObjectNode listBody() {
    return Json.object().put("include_private", true).put("limit", PAGE);
  }

  static List<ObjectNode> listCannedResponses(LiveChatClient client) {
    return client.call(LIST, listBody());
  }

  /**
   * Canned responses are found again by group id and first tag (the key the plan keeps unique in a
   * group), under an id this client did not delete; every page is read.
   */
  private static Optional<CreateProbe.Search> probe(ObjectNode body) {
    String key = cannedKey(body);
    if (key.endsWith("/")) {
      return Optional.empty();
    }
    return Optional.of(
        new CreateProbe.Search(
            Kind.CANNED_RESPONSES,
            LIST,
            listBody(),
            o -> key.equals(cannedKey(o)),
            false,
            Optional.empty()));
  }

  /** {@code group_id/first tag} of a canned response body or listed object. */
  static String cannedKey(JsonNode r) {
    return r.path("group_id").asText("") + "/" + r.path("tags").path(0).asText("");
  }

  /**
   * create_canned_response takes a group_id (required) and tags (required): a response written
   * without {@code group} belongs to "General" (group 0), and without {@code key} its key, the
   * identity within the group, is its first tag.
   */
  @Override
  public void fillIn(ObjectNode spec) {
    if (!spec.has("group")) {
      spec.put("group", "General");
    }
    JsonNode first = spec.path("tags").path(0);
    if (!spec.has("key") && first.isTextual()) {
      spec.put("key", first.asText());
    }
  }

  /**
   * Owned (docs/manifests.md): a response not written private is public ({@code is_private} false,
   * create_canned_response's default); its tags are always written (the key is the first).
   */
  @Override
  public Map<String, JsonNode> ownedFields(ApiVersion version) {
    return Map.of("is_private", BooleanNode.FALSE);
  }

  /** What sanitizing removes, at the least: HTML tags. */
  private static final Pattern HTML_TAG = Pattern.compile("<[^>]*>");

  /**
   * A text LiveChat's sanitizing would empty is refused (create_canned_response: "If sanitization
   * removes all content … the system rejects the request"); lengths and required fields are the
   * schema's.
   */
  @Override
  public void check(ManifestCheck check, List<? extends Declared> declared) {
    for (Declared r : declared) {
      r.text("text")
          .filter(t -> !t.isEmpty() && HTML_TAG.matcher(t).replaceAll("").isBlank())
          .ifPresent(
              t ->
                  check.report(
                      r,
                      "/text",
                      "canned response text is empty once LiveChat sanitizes it (HTML tags"
                          + " removed); the API refuses it",
                      "write the answer as text"));
    }
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
    ctx.client().create(Kind.CANNED_RESPONSES, CREATE, body, kind().identity(desired));
  }

  @Override
  public void update(
      WriteContext ctx, String liveId, ObjectNode desired, ObjectNode live, Optional<String> m) {
    ObjectNode body = body(desired).put("id", Long.parseLong(liveId));
    body.put("is_private", desired.path("is_private").asBoolean(false));
    ctx.client().call(UPDATE, body);
  }

  @Override
  public void delete(WriteContext ctx, String liveId, ObjectNode live) {
    ObjectNode body = Json.object().put("id", Long.parseLong(liveId));
    ctx.client().delete(Kind.CANNED_RESPONSES, DELETE, body, liveId, "");
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
    return PAGE;
  }

  @Override
  public Listing list(Reading reading) {
    Future<List<ObjectNode>> all = reading.submit(() -> listCannedResponses(reading.client()));
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

  // ---- repair: live responses of one group sharing a key (their first tag) --------------------

  @Override
  public List<ObjectNode> readRaw(LiveChatClient client, Set<String> owners) {
    return listCannedResponses(client);
  }

  /** The groups its reference names: the raw response has the group's id. */
  @Override
  public Set<Kind> mergeReads() {
    return Mergeable.targets(references());
  }

  @Override
  public String rawIdentity(ObjectNode raw, RawLists lists) {
    return Mergeable.named(lists, references().get(0), raw.path("group_id").asLong())
        + "/"
        + raw.path("tags").path(0).asText("");
  }

  @Override
  public Merged merge(List<ObjectNode> same, RawLists raw) {
    return Mergeable.keepingTheOldest(
        same,
        "canned response",
        r -> "tags " + r.path("tags") + (r.path("is_private").asBoolean(false) ? ", private" : ""),
        "delete_canned_response");
  }
}
