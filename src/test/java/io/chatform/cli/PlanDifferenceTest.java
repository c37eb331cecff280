package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Json;
import org.junit.jupiter.api.Test;

/** The claim-versus-proof difference names actions and fields, and quotes untrusted text safely. */
class PlanDifferenceTest {
  private static ObjectNode plan(String... ids) {
    ObjectNode p = Json.object();
    var actions = p.putArray("actions");
    for (String id : ids) {
      actions.addObject().put("id", id).put("type", "update").putObject("desired").put("n", 1);
    }
    p.putObject("fingerprints");
    return p;
  }

  @Test
  void identicalPlansHaveNoDifference() throws Exception {
    JsonNode back = Json.MAPPER.readTree(plan("a#update", "b#update").toString());
    assertThat(PlanDifference.of(back, plan("a#update", "b#update"))).isEmpty();
  }

  @Test
  void addedRemovedChangedAndReorderedActionsAreNamed() {
    ObjectNode saved = plan("a#update", "x#delete");
    ((ObjectNode) saved.path("actions").get(0).path("desired")).put("n", 2);
    assertThat(PlanDifference.of(saved, plan("a#update", "b#update")))
        .containsExactly(
            "missing from the saved plan: b#update (planned now)",
            "changed in the saved plan: a#update: desired.n is 2 in the saved plan, 1 now",
            "added to the saved plan: x#delete (not planned now)");
    assertThat(PlanDifference.of(plan("b#update", "a#update"), plan("a#update", "b#update")))
        .containsExactly("the saved plan runs its actions in another order than planned now");
    ObjectNode twice = plan("a#update", "a#update");
    assertThat(PlanDifference.of(twice, plan("a#update")))
        .contains("the saved plan's actions are not a list of actions with distinct ids");
  }

  @Test
  void untrustedTextIsEscapedAndCut() {
    ObjectNode saved = plan("a#update");
    String evil = "evil\u001b[2J\nPlan: 0 to create" + "x".repeat(200);
    ((ObjectNode) saved.path("actions").get(0).path("desired")).put("n", evil);
    String line = PlanDifference.of(saved, plan("a#update")).get(0);
    assertThat(line).doesNotContain("\u001b").doesNotContain("\n").contains("…");
    assertThat(line.length()).isLessThan(200);
  }
}
