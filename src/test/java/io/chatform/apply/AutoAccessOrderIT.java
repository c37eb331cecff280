package io.chatform.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import io.chatform.plan.ActionType;
import io.chatform.plan.Plan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reordering auto access rules in the manifest reorders the account's chain, with few moves. */
class AutoAccessOrderIT {
  @TempDir Path tmp;

  private static String manifest(List<String> rules) {
    StringBuilder sb =
        new StringBuilder("version: 1\ngroups:\n  - {name: Support}\nauto_access:\n");
    for (String r : rules) {
      sb.append("  - description: ")
          .append(r)
          .append("\n    groups: [Support]\n    conditions: {url: {values: [{value: /")
          .append(r.toLowerCase())
          .append("}]}}\n");
    }
    return sb.toString();
  }

  /** The chain as the emulator holds it, followed from the head through next_id. */
  static List<String> chain(Harness h) {
    Map<String, JsonNode> byId = new HashMap<>();
    Map<String, Integer> pointedAt = new HashMap<>();
    for (JsonNode r : h.items("auto_access", "rules")) {
      byId.put(r.path("id").asText(), r);
      String next = r.path("next_id").asText("");
      if (!next.isEmpty()) {
        pointedAt.merge(next, 1, Integer::sum);
      }
    }
    List<JsonNode> heads =
        byId.values().stream().filter(r -> !pointedAt.containsKey(r.path("id").asText())).toList();
    assertThat(heads).as("one head of the chain").hasSize(byId.isEmpty() ? 0 : 1);
    List<String> out = new ArrayList<>();
    JsonNode at = heads.isEmpty() ? null : heads.get(0);
    while (at != null && out.size() <= byId.size()) {
      out.add(at.path("description").asText());
      at = byId.get(at.path("next_id").asText(""));
    }
    assertThat(out).as("chain covers every rule once").hasSize(byId.size());
    return out;
  }

  private Plan reorder(Harness h, List<String> to) {
    DesiredState want = h.yaml(manifest(to));
    Harness.Planned p = h.plan(want);
    ApplyReport report = h.execute(p);
    assertThat(report.incomplete()).as(report.text()).isFalse();
    assertThat(chain(h)).isEqualTo(to);
    h.assertConverged(want);
    return p.plan();
  }

  @Test
  void lastToFrontIsOneMove() {
    try (Harness h = Harness.start(ApiVersion.V3_6, tmp)) {
      h.apply(h.yaml(manifest(List.of("A", "B", "C", "D", "E"))));
      assertThat(chain(h)).containsExactly("A", "B", "C", "D", "E");
      Map<String, String> ids = ids(h);
      Plan p = reorder(h, List.of("E", "A", "B", "C", "D"));
      assertThat(p.moveCount()).isEqualTo(1);
      assertThat(p.actions())
          .singleElement()
          .satisfies(
              a -> {
                assertThat(a.type()).isEqualTo(ActionType.MOVE);
                assertThat(a.address()).isEqualTo("auto_access/E");
              });
      assertThat(ids(h)).isEqualTo(ids);
    }
  }

  @Test
  void firstToLastAndASwapAreMinimal() {
    try (Harness h = Harness.start(ApiVersion.V3_6, tmp)) {
      h.apply(h.yaml(manifest(List.of("A", "B", "C", "D", "E"))));
      assertThat(reorder(h, List.of("B", "C", "D", "E", "A")).moveCount()).isEqualTo(1);
      assertThat(reorder(h, List.of("B", "D", "C", "E", "A")).moveCount()).isEqualTo(1);
      assertThat(reorder(h, List.of("A", "E", "D", "C", "B")).moveCount()).isEqualTo(3);
    }
  }

  @Test
  void reversalWithNewAndDeletedRulesEndsInManifestOrder() {
    try (Harness h = Harness.start(ApiVersion.V3_5, tmp)) {
      h.apply(h.yaml(manifest(List.of("A", "B", "C", "D", "E", "F"))));
      Map<String, String> before = ids(h);
      Plan p = reorder(h, List.of("F", "N1", "D", "C", "N2", "B", "A"));
      assertThat(p.count(ActionType.CREATE)).isEqualTo(2);
      assertThat(p.count(ActionType.DELETE)).isEqualTo(1);
      assertThat(p.moveCount()).isEqualTo(4); // F D C B A: longest kept run has length 1
      Map<String, String> after = ids(h);
      for (String kept : List.of("A", "B", "C", "D", "F")) {
        assertThat(after.get(kept)).isEqualTo(before.get(kept));
      }
    }
  }

  private static Map<String, String> ids(Harness h) {
    return h.items("auto_access", "rules").stream()
        .collect(Collectors.toMap(r -> r.path("description").asText(), r -> r.path("id").asText()));
  }
}
