package io.chatform.emulator;

import static io.chatform.emulator.Quotes.j;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** Reads a paginated list to its end the way a correct client must: by following next_page_id. */
final class ListPages {
  private ListPages() {}

  /**
   * Every id over all pages of {@code method}; asserts the page count, that {@code found} is the
   * same on every page and equals the number of items read, and that no id repeats.
   */
  static List<Long> all(
      TestClient c, String method, String items, String found, String firstBody, int pages) {
    List<Long> ids = new ArrayList<>();
    JsonNode page = c.ok(method, firstBody);
    int total = page.get(found).asInt();
    int read = 1;
    while (true) {
      assertThat(page.get(found).asInt()).isEqualTo(total);
      page.get(items).forEach(o -> ids.add(o.get("id").asLong()));
      if (!page.has("next_page_id")) {
        break;
      }
      page = c.ok(method, j("{'page_id':'" + page.get("next_page_id").asText() + "'}"));
      read++;
    }
    assertThat(read).as("pages").isEqualTo(pages);
    assertThat(ids).hasSize(total).doesNotHaveDuplicates();
    return ids;
  }
}
