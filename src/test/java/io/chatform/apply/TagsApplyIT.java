package io.chatform.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import io.chatform.model.Json;
import io.chatform.plan.Action;
import io.chatform.plan.ActionType;
import io.chatform.plan.Plan;
import io.chatform.plan.PlanRefusedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tags end to end on the emulator: from empty to "No changes.", groups changed in place, a tag
 * removed with its group (tag first), a live tag differing only in case refused, and faults
 * converging with each tag created once.
 */
class TagsApplyIT {
  @TempDir Path tmp;

  static final String BASE =
      """
      version: 1
      groups:
        - {name: Support}
        - {name: Billing}
        - {name: Old}
      tags:
        - {name: Refund, groups: [Billing, Support]}
        - {name: Legacy, groups: [Old]}
        - {name: Spam}
      """;

  static final String AFTER =
      """
      version: 1
      groups:
        - {name: Support}
        - {name: Billing}
      tags:
        - {name: Refund, groups: [Support]}
        - {name: Spam, groups: [Billing]}
      """;

  /** The emulator's tags by name, each as its group names (sorted). */
  private static List<String> tags(Harness h) {
    List<String> out = new ArrayList<>();
    for (JsonNode t : h.items("tags", "tags")) {
      Set<String> groups = new TreeSet<>();
      for (JsonNode id : t.path("group_ids")) {
        h.items("groups", "groups").stream()
            .filter(g -> g.path("id").asLong() == id.asLong())
            .forEach(g -> groups.add(g.path("name").asText()));
      }
      out.add(t.path("name").asText() + groups);
    }
    return out;
  }

  private static long calls(Harness h, String method) {
    return h.emulator.stats().path("calls").path(method).asLong();
  }

  @ParameterizedTest(name = "v{0}")
  @ValueSource(strings = {"3.5", "3.6"})
  void appliesFromEmptyThenPlansNoChanges(String version) {
    try (Harness h = Harness.start(ApiVersion.fromLabel(version).orElseThrow(), tmp)) {
      DesiredState desired = h.yaml(BASE);
      Plan p = h.plan(desired).plan();
      Action refund =
          p.actions().stream().filter(a -> a.id().equals("tags/Refund#create")).findFirst().get();
      assertThat(refund.dependsOn()).contains("groups/Billing#create", "groups/Support#create");
      h.apply(desired);
      h.assertConverged(desired);
      assertThat(tags(h))
          .containsExactlyInAnyOrder("Refund[Billing, Support]", "Legacy[Old]", "Spam[]");
    }
  }

  @org.junit.jupiter.api.Test
  void changedGroupsUpdateInPlaceAndARemovedTagGoesBeforeItsGroup() {
    try (Harness h = Harness.start(ApiVersion.V3_6, tmp)) {
      h.apply(h.yaml(BASE));
      long created = calls(h, "create_tag");
      DesiredState after = h.yaml(AFTER);
      Plan p = h.plan(after).plan();
      assertThat(p.actions())
          .extracting(Action::id)
          .containsExactly(
              "tags/Refund#update", "tags/Spam#update", "tags/Legacy#delete", "groups/Old#delete");
      Action groupDelete = p.actions().get(3);
      assertThat(groupDelete.type()).isEqualTo(ActionType.DELETE);
      assertThat(groupDelete.dependsOn()).contains("tags/Legacy#delete");
      h.apply(after);
      h.assertConverged(after);
      assertThat(calls(h, "create_tag"))
          .as("updated in place, never re-created")
          .isEqualTo(created);
      assertThat(calls(h, "update_tag")).isEqualTo(2);
      assertThat(tags(h)).containsExactlyInAnyOrder("Refund[Support]", "Spam[Billing]");
    }
  }

  @org.junit.jupiter.api.Test
  void aLiveTagDifferingOnlyInCaseIsRefusedClearly() {
    try (Harness h = Harness.start(ApiVersion.V3_6, tmp)) {
      h.client.call("create_tag", Json.object().put("name", "billing"));
      DesiredState desired = h.yaml("version: 1\ntags:\n  - {name: Billing}\n");
      assertThatThrownBy(() -> h.plan(desired))
          .isInstanceOf(PlanRefusedException.class)
          .hasMessageContaining("tags/Billing")
          .hasMessageContaining("the account has tags/billing, which differs only in letter case");
      assertThat(calls(h, "create_tag")).isEqualTo(1);
    }
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @CsvSource({"reset,21", "reset,22", "fail,23", "ratelimit,24"})
  void faultsConvergeWithEachTagCreatedOnce(String fault, long seed) {
    StringBuilder many = new StringBuilder("version: 1\ngroups:\n  - {name: Support}\ntags:\n");
    for (int i = 0; i < 30; i++) {
      many.append("  - {name: tag").append(i).append(", groups: [Support]}\n");
    }
    try (Harness h =
        Harness.start(ApiVersion.V3_6, tmp, Reruns.faults(fault, seed), Harness.fastRetry(2))) {
      DesiredState desired = h.yaml(many.toString());
      int plans = Reruns.untilConverged(h, desired);
      List<String> names =
          h.items("tags", "tags").stream().map(t -> t.path("name").asText()).toList();
      assertThat(names).hasSize(30).doesNotHaveDuplicates();
      assertThat(tags(h)).allMatch(t -> t.endsWith("[Support]"));
      Reruns.assertFaultsHappened(h, fault, "list_tags", plans);
    }
  }
}
