package io.chatform.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import io.chatform.model.Json;
import io.chatform.plan.Action;
import io.chatform.plan.Plan;
import io.chatform.plan.PlanRefusedException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Canned responses end to end on the emulator's 3.7: from empty to "No changes.", text, tags and
 * privacy changed in place, a response removed with its group (response first), faults converging
 * with each response created once, and 1,200 responses read across pages and applied in parallel.
 */
class CannedResponsesApplyIT {
  @TempDir Path tmp;

  static final String BASE =
      """
      version: 1
      groups:
        - {name: Support}
        - {name: Old}
      canned_responses:
        - {group: Support, key: hello, tags: [greeting], text: "Hi! How can I help?"}
        - {group: Support, tags: [refund, billing], text: "Refunds take 5 days.", is_private: true}
        - {tags: [bye], text: "Thanks for chatting!"}
        - {group: Old, tags: [legacy], text: "We moved."}
      """;

  static final String AFTER =
      """
      version: 1
      groups:
        - {name: Support}
      canned_responses:
        - {group: Support, key: hello, tags: [greeting, welcome], text: "Hello! How can I help?"}
        - {group: Support, tags: [refund], text: "Refunds take 5 days."}
        - {tags: [bye], text: "Thanks for chatting!"}
      """;

  /** The emulator's responses as {@code group-id:tags:text:private}. */
  private static List<String> responses(Harness h) {
    List<String> out = new ArrayList<>();
    for (JsonNode r : h.items("canned_responses", "canned_responses")) {
      out.add(
          r.path("group_id").asLong()
              + ":"
              + r.path("tags")
              + ":"
              + r.path("text").asText()
              + ":"
              + r.path("is_private").asBoolean());
    }
    return out;
  }

  private static long calls(Harness h, String method) {
    return h.emulator.stats().path("calls").path(method).asLong();
  }

  private static long groupId(Harness h, String name) {
    return h.item("groups", "groups", "name", name).path("id").asLong();
  }

  @Test
  void appliesFromEmptyThenPlansNoChanges() {
    try (Harness h = Harness.start(ApiVersion.V3_7, tmp)) {
      DesiredState desired = h.yaml(BASE);
      Plan p = h.plan(desired).plan();
      Action hello =
          p.actions().stream()
              .filter(a -> a.id().equals("canned_responses/Support/hello#create"))
              .findFirst()
              .orElseThrow();
      assertThat(hello.dependsOn()).contains("groups/Support#create");
      assertThat(p.actions())
          .extracting(Action::id)
          .contains(
              "canned_responses/Support/refund#create",
              "canned_responses/General/bye#create",
              "canned_responses/Old/legacy#create");
      h.apply(desired);
      h.assertConverged(desired);
      long support = groupId(h, "Support");
      assertThat(responses(h))
          .containsExactlyInAnyOrder(
              support + ":[\"hello\",\"greeting\"]:Hi! How can I help?:false",
              support + ":[\"refund\",\"billing\"]:Refunds take 5 days.:true",
              "0:[\"bye\"]:Thanks for chatting!:false",
              groupId(h, "Old") + ":[\"legacy\"]:We moved.:false");
    }
  }

  @Test
  void changesUpdateInPlaceAndARemovedResponseGoesBeforeItsGroup() {
    try (Harness h = Harness.start(ApiVersion.V3_7, tmp)) {
      h.apply(h.yaml(BASE));
      long created = calls(h, "create_canned_response");
      DesiredState after = h.yaml(AFTER);
      Plan p = h.plan(after).plan();
      assertThat(p.actions())
          .extracting(Action::id)
          .containsExactly(
              "canned_responses/Support/hello#update",
              "canned_responses/Support/refund#update",
              "canned_responses/Old/legacy#delete",
              "groups/Old#delete");
      assertThat(p.actions().get(3).dependsOn()).contains("canned_responses/Old/legacy#delete");
      h.apply(after);
      h.assertConverged(after);
      assertThat(calls(h, "create_canned_response"))
          .as("updated in place, never re-created")
          .isEqualTo(created);
      assertThat(calls(h, "update_canned_response")).isEqualTo(2);
      long support = groupId(h, "Support");
      assertThat(responses(h))
          .containsExactlyInAnyOrder(
              support + ":[\"hello\",\"greeting\",\"welcome\"]:Hello! How can I help?:false",
              support + ":[\"refund\"]:Refunds take 5 days.:false",
              "0:[\"bye\"]:Thanks for chatting!:false");
    }
  }

  @Test
  void onAReleasedVersionAGroupDeleteDoesNotListCannedResponses() {
    try (Harness h = Harness.start(ApiVersion.V3_6, tmp)) {
      h.apply(h.yaml("version: 1\ngroups:\n  - {name: Keep}\n  - {name: Old}\n"));
      h.apply(h.yaml("version: 1\ngroups:\n  - {name: Keep}\n"));
      assertThat(h.items("groups", "groups")).hasSize(2); // General and Keep
      assertThat(calls(h, "list_canned_responses")).isZero();
    }
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @CsvSource({"reset,31", "reset,32", "fail,33", "ratelimit,34"})
  void faultsConvergeWithEachResponseCreatedOnce(String fault, long seed) {
    StringBuilder many = new StringBuilder("version: 1\ngroups:\n  - {name: Support}\n");
    many.append("canned_responses:\n");
    for (int i = 0; i < 30; i++) {
      many.append("  - {group: Support, tags: [r").append(i).append("], text: \"Answer ");
      many.append(i).append("\"}\n");
    }
    try (Harness h =
        Harness.start(ApiVersion.V3_7, tmp, Reruns.faults(fault, seed), Harness.fastRetry(2))) {
      DesiredState desired = h.yaml(many.toString());
      int plans = Reruns.untilConverged(h, desired);
      List<String> all = responses(h);
      assertThat(all).hasSize(30).doesNotHaveDuplicates();
      assertThat(all).allMatch(r -> r.startsWith(groupId(h, "Support") + ":"));
      Reruns.assertFaultsHappened(h, fault, "list_canned_responses", plans);
    }
  }

  @Test
  void twelveHundredResponsesAreReadAcrossPagesAndApplyInParallel() {
    int n = 1200;
    StringBuilder many = new StringBuilder("version: 1\ngroups:\n  - {name: Support}\n");
    many.append("canned_responses:\n");
    for (int i = 0; i < n; i++) {
      String group = i % 2 == 0 ? "Support" : "General";
      many.append("  - {group: ").append(group).append(", tags: [k").append(i);
      many.append(", common], text: \"Answer number ").append(i).append("\"}\n");
    }
    try (Harness h = Harness.start(ApiVersion.V3_7, tmp)) {
      DesiredState desired = h.yaml(many.toString());
      h.apply(desired);
      assertThat(responses(h)).hasSize(n).doesNotHaveDuplicates();
      long before = calls(h, "list_canned_responses");
      Harness.Planned again = h.plan(desired);
      assertThat(again.plan().hasChanges()).as(again.plan().summary()).isFalse();
      assertThat(again.snapshot().state().of(io.chatform.model.Kind.CANNED_RESPONSES)).hasSize(n);
      int page = io.chatform.kinds.Kinds.of(io.chatform.model.Kind.CANNED_RESPONSES).pageSize();
      assertThat(calls(h, "list_canned_responses") - before)
          .as("one call per page of " + page)
          .isEqualTo((n + page - 1) / page);
      assertThat(calls(h, "create_canned_response")).isEqualTo(n);
    }
  }

  @Test
  void twoLiveResponsesSharingAFirstTagInAGroupAreRefusedNotGuessed() {
    try (Harness h = Harness.start(ApiVersion.V3_7, tmp)) {
      for (String text : List.of("one", "two")) {
        ObjectNode body = Json.object().put("text", text).put("group_id", 0);
        body.putArray("tags").add("hello");
        h.client.call("create_canned_response", body);
      }
      DesiredState desired =
          h.yaml("version: 1\ncanned_responses:\n  - {tags: [hello], text: one}\n");
      assertThatThrownBy(() -> h.plan(desired))
          .isInstanceOf(PlanRefusedException.class)
          .hasMessageContaining("canned_responses/General/hello");
      assertThat(calls(h, "update_canned_response") + calls(h, "delete_canned_response")).isZero();
    }
  }
}
