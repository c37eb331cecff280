package io.chatform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A list method that answers in pages ({@code {<items>: [...], next_page_id}}), read whole: after
 * the first page (asked for with the caller's body, e.g. the largest {@code limit}) each next call
 * sends only the {@code page_id} (which carries the limit), until an answer has no {@code
 * next_page_id}. A page id seen twice is a server fault, refused rather than looped on. Listings
 * and create probes read it alike, through the call engine.
 */
public final class PagedList {
  private PagedList() {}

  /** A guard against a server that never stops naming a new next page. */
  private static final int MAX_PAGES = 100_000;

  /**
   * Every item of every page under {@code field}; an item failing {@code item} is refused as not
   * {@code itemExpected}.
   */
  public static AnswerReader<List<ObjectNode>> reader(
      String field, Predicate<JsonNode> item, String itemExpected) {
    return first -> {
      ArrayNode all = WireMapper.object().arrayNode();
      Set<String> pageIds = new HashSet<>();
      Answer answer = first;
      while (true) {
        JsonNode items = answer.json().path(field);
        if (!items.isArray()) {
          throw answer.unexpected("an object with a " + field + " array");
        }
        for (JsonNode i : items) {
          if (!item.test(i)) {
            throw answer.unexpected(itemExpected);
          }
          all.add(i);
        }
        JsonNode next = answer.json().get("next_page_id");
        if (next == null || next.isNull() || next.asText().isEmpty()) {
          return first.objects(all);
        }
        if (!next.isTextual() || !pageIds.add(next.asText()) || pageIds.size() > MAX_PAGES) {
          throw answer.unexpected("a new next_page_id on every page");
        }
        answer = answer.next(WireMapper.object().put("page_id", next.asText()));
      }
    };
  }
}
