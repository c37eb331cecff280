package io.chatform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Kind;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The greetings methods (3.6+) of {@link LiveChatClient}: {@code list_greetings} followed page by
 * page ({@code next_page_id}) until the last, and creates that are probed by (group id, name) when
 * their answer is lost, never blindly re-sent.
 */
public final class GreetingCalls {
  /** The largest page {@code list_greetings} documents (also its default). */
  static final int PAGE = 100;

  private final LiveChatClient client;
  private final Probes probes;

  GreetingCalls(LiveChatClient client, Probes probes) {
    this.client = client;
    this.probes = probes;
  }

  /**
   * Every greeting of every group: the first call asks for the largest page, each next call sends
   * only the {@code page_id} (which carries the limit), until an answer has no {@code
   * next_page_id}. A page id seen twice is a server fault, refused rather than looped on.
   */
  public List<ObjectNode> list() {
    ArrayNode all = WireMapper.object().arrayNode();
    Set<String> pageIds = new HashSet<>();
    ObjectNode body = WireMapper.object().put("limit", PAGE);
    while (true) {
      JsonNode answer = client.call("list_greetings", body, RetrySafety.IDEMPOTENT);
      JsonNode items = answer.path("greetings");
      if (!items.isArray()) {
        throw client.unexpected("list_greetings", "an object with a greetings array");
      }
      for (JsonNode g : items) {
        // A greeting's group is an integer id: anything else must not be read as group 0.
        if (!g.path("group").isIntegralNumber()) {
          throw client.unexpected("list_greetings", "greetings with an integer group id");
        }
        all.add(g);
      }
      JsonNode next = answer.get("next_page_id");
      if (next == null || next.isNull() || next.asText().isEmpty()) {
        return client.objects("list_greetings", all);
      }
      if (!next.isTextual() || !pageIds.add(next.asText())) {
        throw client.unexpected("list_greetings", "a new next_page_id on every page");
      }
      body = WireMapper.object().put("page_id", next.asText());
    }
  }

  /** Creates a greeting ({@code group} an id) and returns its id. */
  public String create(ObjectNode greeting) {
    JsonNode r =
        client.recorded(
            Kind.GREETINGS,
            greeting,
            () -> client.call("create_greeting", greeting, probes.greeting(greeting)));
    String id = client.requireId("create_greeting", r).asText();
    client.writes().created(Kind.GREETINGS, id, Kind.GREETINGS.identity(greeting));
    return id;
  }

  /** Sends the fields of {@code greeting} (with its {@code id}); update takes no group. */
  public void update(ObjectNode greeting) {
    client.call("update_greeting", greeting, RetrySafety.IDEMPOTENT);
  }

  public void delete(String id) {
    client.call(
        "delete_greeting", WireMapper.object().put("id", Long.parseLong(id)), RetrySafety.DELETE);
    client.writes().deleted(Kind.GREETINGS, id, "");
  }
}
