package io.chatform.plan;

import static io.chatform.plan.Fixtures.live;
import static io.chatform.plan.Fixtures.liveState;
import static io.chatform.plan.Fixtures.res;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatform.kinds.LiveState;
import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import io.chatform.model.Kind;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The plan-wide limits: {@code --max-destructive} and {@code --max-deletions}. */
class PlanLimitsTest {
  private static final String HOOK =
      "{'owner_client_id':'c1','type':'license','action':'incoming_chat',"
          + "'url':'https://h.example/x','description':'%s'}";

  /** Two ⚠ deletes (an agent and a group) and one plain update. */
  private static final DesiredState TWO_DESTRUCTIVE =
      new Fixtures.Desired()
          .section(Kind.GROUPS, res(Kind.GROUPS, "{'name':'Support','language_code':'de'}"))
          .section(Kind.AGENTS)
          .build();

  private static final LiveState LIVE =
      liveState(
          live(Kind.GROUPS, "1", "{'name':'Support','language_code':'en'}"),
          live(Kind.GROUPS, "7", "{'name':'Night shift'}"),
          live(Kind.AGENTS, "zed@x.example", "{'id':'zed@x.example'}"));

  private static PlanOptions opts(OptionalInt maxDeletions, OptionalInt maxDestructive) {
    return new PlanOptions(
        ApiVersion.V3_6, Fixtures.TARGET, true, true, maxDeletions, Set.of(), maxDestructive);
  }

  @Test
  void moreDestructiveActionsThanTheLimitAreRefused() {
    assertThatThrownBy(
            () ->
                new Planner()
                    .plan(TWO_DESTRUCTIVE, LIVE, opts(OptionalInt.empty(), OptionalInt.of(1))))
        .isInstanceOf(PlanRefusedException.class)
        .hasMessageContaining(
            "the plan has 2 destructive (⚠) actions, more than --max-destructive 1: delete"
                + " groups/Night shift, delete agents/zed@x.example.")
        .hasMessageNotContaining("groups/Support");
  }

  @Test
  void asManyDestructiveActionsAsTheLimitAreAllowed() {
    Plan p =
        new Planner().plan(TWO_DESTRUCTIVE, LIVE, opts(OptionalInt.empty(), OptionalInt.of(2)));
    assertThat(p.actions()).filteredOn(Action::irreversible).hasSize(2);
    assertThat(p.actions()).hasSize(3);
  }

  @Test
  void noLimitByDefault() {
    Plan p =
        new Planner().plan(TWO_DESTRUCTIVE, LIVE, opts(OptionalInt.empty(), OptionalInt.empty()));
    assertThat(p.actions()).filteredOn(Action::irreversible).hasSize(2);
  }

  @Test
  void maxDeletionsCountsAReplace() {
    var d =
        new Fixtures.Desired()
            .section(Kind.WEBHOOKS, res(Kind.WEBHOOKS, String.format(HOOK, "new")))
            .build();
    var l = liveState(live(Kind.WEBHOOKS, "w1", String.format(HOOK, "old")));
    assertThatThrownBy(() -> new Planner().plan(d, l, opts(OptionalInt.of(0), OptionalInt.empty())))
        .isInstanceOf(PlanRefusedException.class)
        .hasMessageContaining("the plan deletes or replaces 1 objects, more than --max-deletions 0")
        .hasMessageContaining("a replace is a delete + create, so it counts");
    Plan p = new Planner().plan(d, l, opts(OptionalInt.of(1), OptionalInt.empty()));
    assertThat(p.actions()).extracting(Action::type).containsExactly(ActionType.REPLACE);
  }
}
