package io.chatform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.function.Function;

/**
 * Lists whose answers page (3.7 {@code list_canned_responses}): an answer naming a {@code
 * next_page_id} is followed by a request for that page until one names none (or is empty), ids
 * checked across all pages. An answer without {@code next_page_id} (every other list) is one page.
 */
final class Pages {
  /** A guard against a server that never stops naming a next page. */
  private static final int MAX_PAGES = 100_000;

  private Pages() {}

  /** Every object of {@code method}, each page sent by {@code send}. */
  static List<ObjectNode> all(
      LiveChatClient client,
      ApiMethod<List<ObjectNode>> method,
      ObjectNode body,
      Function<ObjectNode, JsonNode> send) {
    if (method.reader() instanceof PagedList.Whole) {
      return client.read(method, send.apply(body)); // it reads the later pages itself
    }
    ArrayNode all = WireMapper.MAPPER.createArrayNode();
    ObjectNode request = body;
    for (int page = 0; ; page++) {
      JsonNode answer = send.apply(request);
      List<ObjectNode> items = client.read(method, answer);
      String next = answer.path("next_page_id").asText("");
      if (page == 0 && next.isEmpty()) {
        return items;
      }
      items.forEach(all::add);
      if (next.isEmpty() || items.isEmpty() || page >= MAX_PAGES) {
        return client.objects(method.name(), all);
      }
      request = WireMapper.object().put("page_id", next);
    }
  }
}
