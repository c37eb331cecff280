package io.chatform.emulator;

import static io.chatform.emulator.KindsTestSupport.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AutoAccessChainTest {
  private final AutoAccessChain chain = new AutoAccessChain();

  private static ObjectNode rule(String id) {
    return MAPPER.createObjectNode().put("id", id);
  }

  private List<String> ids() {
    return chain.ordered().stream().map(r -> r.path("id").asText()).toList();
  }

  @Test
  void insertMoveAndRemoveKeepOneConsistentChain() {
    chain.insert("a", rule("a"), Optional.empty());
    chain.insert("c", rule("c"), Optional.empty());
    chain.insert("b", rule("b"), Optional.of("c"));
    chain.insert("z", rule("z"), Optional.of("a"));
    assertThat(ids()).containsExactly("z", "a", "b", "c");
    chain.move("z", Optional.empty());
    assertThat(ids()).containsExactly("a", "b", "c", "z");
    chain.move("b", Optional.of("b"));
    assertThat(ids()).containsExactly("a", "b", "c", "z");
    chain.move("c", Optional.of("a"));
    assertThat(ids()).containsExactly("c", "a", "b", "z");
    chain.remove("c");
    chain.remove("z");
    assertThat(ids()).containsExactly("a", "b");
    chain.remove("a");
    chain.remove("b");
    assertThat(ids()).isEmpty();
    chain.insert("n", rule("n"), Optional.empty());
    assertThat(ids()).containsExactly("n");
  }

  @Test
  void readFromRebuildsTheOrderFromNextIdNotFromTheArray() {
    ArrayNode items = MAPPER.createArrayNode();
    items.add(rule("b").put("next_id", "c"));
    items.add(rule("c"));
    items.add(rule("a").put("next_id", "b"));
    chain.readFrom(items);
    assertThat(ids()).containsExactly("a", "b", "c");
    assertThat(chain.ordered().get(2).has("next_id")).isFalse();
  }

  @Test
  void aBrokenChainFallsBackToTheArrayOrder() {
    ArrayNode items = MAPPER.createArrayNode();
    items.add(rule("a").put("next_id", "b"));
    items.add(rule("b").put("next_id", "a")); // a cycle: no head
    items.add(rule("c"));
    chain.readFrom(items);
    assertThat(ids()).containsExactly("a", "b", "c");
    assertThat(chain.size()).isEqualTo(3);
  }
}
