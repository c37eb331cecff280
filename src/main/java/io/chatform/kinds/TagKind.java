package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.api.AnswerReader;
import io.chatform.api.ApiMethod;
import io.chatform.api.CreateProbe;
import io.chatform.api.Created;
import io.chatform.api.Lists;
import io.chatform.api.LiveChatClient;
import io.chatform.model.ApiVersion;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import io.chatform.model.Reference;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;

/**
 * Chat tags (3.5+): identified by name, which the API matches case-insensitively on create but
 * case-sensitively on update and delete, so the plan refuses a live tag whose name differs only in
 * case ({@link #createKey}). {@code groups} names groups and compares as a set; {@code author_id}
 * and {@code created_at} are runtime data, never shaped (so never compared or exported).
 */
public final class TagKind extends DeclaredKind implements Creator, Updater, Deleter {

  @Override
  public List<Reference> references() {
    return List.of(Reference.groups("/groups/*", true, 0));
  }

  @Override
  public ApiVersion since() {
    return ApiVersion.V3_5;
  }

  // LiveChat matches a new tag's name against existing ones ignoring case.
  @Override
  public boolean identityIsAnsweredId() {
    return true;
  }

  @Override
  public boolean identityIgnoresCase() {
    return true;
  }

  /**
   * Creates a tag ({@code name}, {@code group_ids}); the name is its identity, and the API refuses
   * a second tag with it (ignoring letter case), so the probe looks for the name.
   */
  public static final ApiMethod<Created> CREATE =
      ApiMethod.create("create_tag", TagKind::probe, AnswerReader.CREATED_BY_IDENTITY);

  private static final ApiMethod<JsonNode> UPDATE = ApiMethod.update("update_tag");
  private static final ApiMethod<JsonNode> DELETE = ApiMethod.delete("delete_tag");

  TagKind() {
    super(Kind.TAGS, Scope.ACCOUNT);
  }

  /** Tags have no id: the name is the identity, as for property definitions. */
  private static Optional<CreateProbe.Search> probe(ObjectNode body) {
    return CreateProbe.text(body, "name")
        .map(
            name ->
                new CreateProbe.Search(
                    Kind.TAGS,
                    Lists.TAGS,
                    Json.object(),
                    t -> name.equals(CreateProbe.text(t, "name").orElse("")),
                    true,
                    Optional.of(
                        new CreateProbe.WithoutId(
                            name, "tag " + name + " was deleted by this apply"))));
  }

  public static void createTag(LiveChatClient client, ObjectNode tag) {
    client.create(Kind.TAGS, CREATE, tag);
  }

  public static void updateTag(LiveChatClient client, ObjectNode tag) {
    client.call(UPDATE, tag);
  }

  public static void deleteTag(LiveChatClient client, String name) {
    client.delete(Kind.TAGS, DELETE, Json.object().put("name", name), name, name);
  }

  /** Owned (docs/manifests.md): a tag without groups is the account's, in no group. */
  @Override
  public Map<String, JsonNode> ownedFields(ApiVersion version) {
    return Map.of("groups", Json.array());
  }

  /**
   * The docs (Tags): "Tag can be used to mark a chat's thread only if the thread and the tag are
   * assigned to at least one common group." A tag written without groups is in none (the owned
   * default, as create_tag with empty group_ids makes it): the plan says so on the change.
   */
  static final String NO_GROUP =
      "in no group: LiveChat lets a tag mark a chat only when both share a group, so it cannot"
          + " be used until it has one (add groups: [General], say)";

  private static boolean inNoGroup(ObjectNode spec) {
    return spec.path("groups").isEmpty();
  }

  @Override
  public List<String> createNotes(ObjectNode desired) {
    return inNoGroup(desired) ? List.of(NO_GROUP) : List.of();
  }

  @Override
  public Review review(ObjectNode desired, ObjectNode live, Set<String> changed, boolean forced) {
    return changed.contains("groups") && inNoGroup(desired)
        ? new Review(List.of(), Set.of(), false, false, List.of(NO_GROUP))
        : Review.NONE;
  }

  @Override
  public ObjectNode normalize(ObjectNode spec) {
    return Json.sortedField(spec, "groups");
  }

  /** LiveChat matches a new tag's name against existing ones ignoring case. */
  @Override
  public Optional<ManifestCheck.Wording> duplicate(
      String id, String first, String firstAt, boolean caseOnly) {
    return ManifestCheck.Wording.sameButForCase(
        caseOnly,
        "tag",
        id,
        first,
        firstAt,
        "LiveChat matches tag names ignoring letter case",
        "declare each tag once, with one spelling of its name");
  }

  @Override
  public String createKey(ObjectNode spec) {
    return io.chatform.model.CaseFold.key(key(spec));
  }

  @Override
  public void create(WriteContext ctx, ObjectNode desired, Optional<String> moveBefore) {
    ObjectNode body = body(ctx, desired);
    if (!body.has("group_ids")) {
      body.putArray("group_ids");
    }
    createTag(ctx.client(), body);
  }

  @Override
  public void update(
      WriteContext ctx, String liveId, ObjectNode desired, ObjectNode live, Optional<String> m) {
    updateTag(ctx.client(), body(ctx, desired).put("name", liveId));
  }

  @Override
  public void delete(WriteContext ctx, String liveId, ObjectNode live) {
    deleteTag(ctx.client(), liveId);
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
