package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The cursor pagination of {@code list_greetings} and {@code list_canned_responses}: a page id is
 * opaque to callers and carries the list it belongs to, the filters and limit of the first call,
 * and the last id already returned, so pages never overlap or skip an object even when objects are
 * created or deleted between calls (ids only grow).
 */
final class Pages {
  /** One page: the items, and the next page's id when more items follow. */
  record Page(List<ObjectNode> items, Optional<String> nextPageId) {}

  private Pages() {}

  /**
   * The items after {@code cursor.after} (all when absent), at most {@code cursor.limit}; {@code
   * matching} is every item that passes the filters, ascending by the numeric {@code id}.
   */
  static Page slice(List<ObjectNode> matching, ObjectNode cursor) {
    long after = cursor.path("after").asLong(-1);
    int limit = cursor.get("limit").asInt();
    List<ObjectNode> rest =
        matching.stream().filter(o -> o.get("id").asLong() > after).limit(limit + 1L).toList();
    if (rest.size() <= limit) {
      return new Page(rest, Optional.empty());
    }
    List<ObjectNode> items = rest.subList(0, limit);
    ObjectNode next = cursor.deepCopy().put("after", items.get(limit - 1).get("id").asLong());
    return new Page(items, Optional.of(encode(next)));
  }

  /**
   * The cursor of a list call: decoded from {@code page_id}, which carries the first call's filters
   * and limit (so sending any of {@code firstOnly} with it answers {@code validation}), or else
   * {@code first} built from the body.
   */
  static ObjectNode cursor(
      ObjectNode body, String list, List<String> firstOnly, Supplier<ObjectNode> first) {
    Optional<String> pageId = BodyFields.optionalString(body, "", "page_id");
    if (pageId.isEmpty()) {
      return first.get();
    }
    for (String f : firstOnly) {
      if (body.hasNonNull(f)) {
        throw ApiError.validation(
            "page_id cannot be used with "
                + String.join(" or ", firstOnly)
                + " (it has "
                + f
                + " already)");
      }
    }
    return decode(pageId.get(), list);
  }

  /** The group ids a cursor filters by ({@code field}), or empty for every group. */
  static Optional<java.util.Set<Long>> groups(ObjectNode cursor, String field) {
    if (!cursor.has(field)) {
      return Optional.empty();
    }
    java.util.Set<Long> out = new java.util.HashSet<>();
    cursor.get(field).forEach(g -> out.add(g.asLong()));
    return Optional.of(out);
  }

  /** A first-page cursor for the list {@code list}. */
  static ObjectNode first(String list, int limit) {
    return Params.object().put("list", list).put("limit", limit);
  }

  static String encode(ObjectNode cursor) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Dispatcher.bytes(cursor));
  }

  /** The cursor inside {@code pageId}; {@code validation} when it is not one of {@code list}'s. */
  static ObjectNode decode(String pageId, String list) {
    ApiError bad = ApiError.validation("`page_id` is not a valid page id for " + list);
    JsonNode n;
    try {
      n =
          Params.JSON.readTree(
              Base64.getUrlDecoder().decode(pageId.getBytes(StandardCharsets.UTF_8)));
    } catch (IllegalArgumentException | IOException e) {
      throw bad;
    }
    if (n == null
        || !n.isObject()
        || !n.path("list").asText().equals(list)
        || !n.path("limit").isInt()
        || n.path("limit").asInt() < 1
        || !n.path("after").isIntegralNumber()) {
      throw bad;
    }
    return (ObjectNode) n;
  }

  /** Writes a page as {@code {<items>: [...], <found>: n, next_page_id?}}. */
  static ObjectNode answer(Page page, int found, String itemsField, String foundField) {
    ObjectNode out = Params.object();
    ArrayNode items = out.putArray(itemsField);
    page.items().forEach(items::add);
    out.put(foundField, found);
    page.nextPageId().ifPresent(id -> out.put("next_page_id", id));
    return out;
  }
}
