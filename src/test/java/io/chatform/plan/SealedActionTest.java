package io.chatform.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue #14: the sealed Action's records and typed reasons survive a saved plan. */
class SealedActionTest {
  private static final ObjectNode HOOK = Json.object().put("url", "https://x.example");

  private static ObjectNode written(Action... actions) {
    return PlanJson.write(
        new Plan(
            Plan.FORMAT_VERSION,
            new Target("http://x", "a", "3.6"),
            "h",
            List.of(actions),
            Map.of(),
            List.of()));
  }

  private static Plan saved(Action... actions) {
    return PlanJson.read(written(actions), (address, pointer, ref) -> "v");
  }

  private static Action.Replace requested() {
    return new Action.Replace(
        new Action.Head(
            "webhooks/x#replace",
            Kind.WEBHOOKS,
            "webhooks/x",
            List.of(),
            false,
            Map.of(),
            ReplaceReasons.said(Optional.of(Action.Reason.REQUESTED), List.of("more"))),
        new Action.Write("1", HOOK, HOOK, List.of()),
        Action.Reason.REQUESTED,
        Optional.empty());
  }

  @Test
  void aReasonIsWordedFirstAndReadBackFromASavedPlan() {
    Action.Replace r = requested();
    assertThat(r.notes()).containsExactly(ReplaceReasons.REQUESTED, "more");
    Action back = saved(r).actions().get(0);
    assertThat(back).isInstanceOf(Action.Replace.class);
    assertThat(((Action.Replace) back).why()).isEqualTo(Action.Reason.REQUESTED);
    assertThat(back.notes()).isEqualTo(r.notes());
  }

  @Test
  void aReplaceWithoutTheRequestWordsIsOneItsChangesForce() {
    Action.Replace r = requested().with(List.of(), false, List.of("more"));
    Action.Replace forced =
        new Action.Replace(
            new Action.Head(
                r.id(), r.kind(), r.address(), List.of(), false, Map.of(), List.of("more")),
            new Action.Write("1", HOOK, HOOK, List.of()),
            Action.Reason.CANNOT_UPDATE,
            Optional.empty());
    assertThat(((Action.Replace) saved(forced).actions().get(0)).why())
        .isEqualTo(Action.Reason.CANNOT_UPDATE);
  }

  @Test
  void aCopyKeepsTheRecordAndItsReason() {
    Action marked = requested().marked(List.of("why"));
    assertThat(marked).isInstanceOf(Action.Replace.class);
    assertThat(((Action.Replace) marked).why()).isEqualTo(Action.Reason.REQUESTED);
    assertThat(marked.irreversible()).isTrue();
    assertThat(marked.notes()).containsExactly("why");
  }

  @Test
  void anUpdateIsNotMadeForAReplaceReason() {
    assertThatThrownBy(
            () ->
                new Action.Update(
                    new Action.Head(
                        "x#update",
                        Kind.WEBHOOKS,
                        "webhooks/x",
                        List.of(),
                        false,
                        Map.of(),
                        List.of()),
                    new Action.Write("1", HOOK, HOOK, List.of()),
                    Optional.of(Action.Reason.REQUESTED),
                    Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aSavedDeleteWithoutItsLiveIdIsRefusedWhenRead() {
    Action d =
        new Action.Delete(
            new Action.Head(
                "webhooks/x#delete",
                Kind.WEBHOOKS,
                "webhooks/x",
                List.of(),
                false,
                Map.of(),
                List.of()),
            "1",
            HOOK);
    ObjectNode json = written(d);
    ((ObjectNode) json.path("actions").get(0)).remove("live_id");
    assertThatThrownBy(() -> PlanJson.read(json, (a, p, r) -> "v"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("live_id");
  }
}
