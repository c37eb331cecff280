package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Canned responses (3.7 only): a group's ready-made answers, found by their tags. {@code
 * list_canned_responses} pages ({@code limit} 1–100000, default 100; an opaque {@code page_id}).
 */
public final class CannedResponsesModule implements Module {
  static final int DEFAULT_LIMIT = 100;
  static final int MAX_LIMIT = 100_000;
  private static final String LIST = "canned_responses";
  private static final Pattern TAG = Pattern.compile("<[^>]*>");

  private final Roster account;

  /** The canned responses as listed. */
  private final GroupedStore responses;

  public CannedResponsesModule(Roster account) {
    this.account = account;
    this.responses = new GroupedStore(account, "Canned response", "canned_responses", "group_id");
  }

  @Override
  public String name() {
    return "canned_responses";
  }

  @Override
  public Map<String, Handler> methods() {
    Map<String, Handler> m = new LinkedHashMap<>();
    m.put("create_canned_response", Methods.since(ApiVersion.V3_7, this::create));
    m.put("update_canned_response", Methods.since(ApiVersion.V3_7, this::update));
    m.put("delete_canned_response", Methods.since(ApiVersion.V3_7, this::delete));
    m.put("list_canned_responses", Methods.since(ApiVersion.V3_7, this::list));
    return m;
  }

  private JsonNode create(Call call) {
    ObjectNode b = call.body();
    ObjectNode r = Params.object();
    r.put("text", text(b).orElseThrow(() -> ApiError.validation("text is required")));
    r.set("tags", tags(b).orElseThrow(() -> ApiError.validation("tags is required")));
    r.put("group_id", group(b).orElseThrow(() -> ApiError.validation("group_id is required")));
    r.put("is_private", BodyFields.optionalBoolean(b, "", "is_private").orElse(false));
    String now = Timestamps.now();
    r.put("author_id", account.ownerEmail()).put("created_at", now).put("updated_at", now);
    return Params.object().put("id", responses.add(r));
  }

  /**
   * The text as sent; "text is sanitized when created. If sanitization removes all content … the
   * system rejects the request": text that is blank once HTML tags are removed is refused.
   */
  private static Optional<String> text(ObjectNode b) {
    Optional<String> t = BodyFields.optionalString(b, "", "text");
    if (t.isPresent() && TAG.matcher(t.get()).replaceAll("").isBlank()) {
      throw ApiError.validation("text is empty once sanitized (HTML tags removed)");
    }
    return t;
  }

  /** At least one tag, each a non-empty string. */
  private static Optional<ArrayNode> tags(ObjectNode b) {
    Optional<List<String>> tags = Params.optStrings(b, "tags", Set.of());
    tags.ifPresent(
        l -> {
          if (l.isEmpty()) {
            throw ApiError.validation("tags must hold at least one tag");
          }
          if (l.stream().anyMatch(String::isBlank)) {
            throw ApiError.validation("tags must not hold an empty tag");
          }
        });
    return tags.map(
        l -> {
          ArrayNode out = Params.array();
          l.forEach(out::add);
          return out;
        });
  }

  private Optional<Long> group(ObjectNode b) {
    if (!b.hasNonNull("group_id")) {
      return Optional.empty();
    }
    long id = Params.requireId(b, "group_id");
    GroupIds.requireGroup(account, "group_id", id);
    return Optional.of(id);
  }

  private JsonNode update(Call call) {
    ObjectNode b = call.body();
    ObjectNode next = responses.existing(b).deepCopy();
    text(b).ifPresent(t -> next.put("text", t));
    tags(b).ifPresent(t -> next.set("tags", t));
    group(b).ifPresent(g -> next.put("group_id", g));
    BodyFields.optionalBoolean(b, "", "is_private").ifPresent(p -> next.put("is_private", p));
    next.put("author_id", account.ownerEmail()).put("updated_at", Timestamps.now());
    responses.replace(next);
    return Methods.empty();
  }

  private JsonNode delete(Call call) {
    responses.remove(responses.existing(call.body()));
    return Methods.empty();
  }

  /**
   * Filters ({@code group_ids}, {@code include_private}, {@code include_all_private}) and {@code
   * limit} come with the first call and travel in the page id; a later call sends only {@code
   * page_id}.
   */
  private JsonNode list(Call call) {
    ObjectNode b = call.body();
    ObjectNode cursor =
        Pages.cursor(
            b,
            LIST,
            List.of("group_ids", "include_private", "include_all_private", "limit"),
            () -> {
              int limit = Params.optInt(b, "limit", 1, MAX_LIMIT).orElse(DEFAULT_LIMIT);
              ObjectNode first = Pages.first(LIST, limit);
              GroupIds.optional(b, "", "group_ids")
                  .ifPresent(g -> first.set("group_ids", GroupIds.toJson(g)));
              // include_private: the caller's own private responses; include_all_private: every
              // one (the docs: "all private canned responses", with its own scope). The
              // emulator's caller is the owner.
              String priv =
                  BodyFields.optionalBoolean(b, "", "include_all_private").orElse(false)
                      ? "all"
                      : BodyFields.optionalBoolean(b, "", "include_private").orElse(false)
                          ? "own"
                          : "none";
              return first.put("private", priv);
            });
    Optional<Set<Long>> groups = Pages.groups(cursor, "group_ids");
    String priv = cursor.path("private").asText("none");
    List<ObjectNode> matching =
        responses.matching(
            r ->
                (groups.isEmpty() || groups.get().contains(r.get("group_id").asLong()))
                    && (!r.path("is_private").asBoolean()
                        || priv.equals("all")
                        || (priv.equals("own")
                            && r.path("author_id").asText().equals(account.ownerEmail()))));
    return Pages.answer(
        Pages.slice(matching, cursor), matching.size(), LIST, "found_canned_responses");
  }

  @Override
  public void writeState(ObjectNode into) {
    responses.write(into);
  }

  @Override
  public void readState(JsonNode from) {
    responses.read(from);
  }

  @Override
  public void reset() {
    responses.reset();
  }
}
