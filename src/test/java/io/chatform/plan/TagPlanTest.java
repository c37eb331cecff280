package io.chatform.plan;

import static io.chatform.plan.Fixtures.live;
import static io.chatform.plan.Fixtures.liveState;
import static io.chatform.plan.Fixtures.only;
import static io.chatform.plan.Fixtures.plan;
import static io.chatform.plan.Fixtures.res;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatform.model.Kind;
import org.junit.jupiter.api.Test;

/** Tags in the plan: set-like groups, update in place, the case clash, dependency order. */
class TagPlanTest {
  private static final String SALES = "{'name':'Sales'}";

  private static Action find(Plan p, String id) {
    return p.actions().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void groupOrderNeverMakesADiff() {
    var d =
        new Fixtures.Desired()
            .section(Kind.TAGS, res(Kind.TAGS, "{'name':'vip','groups':['Sales','Billing']}"))
            .build();
    var l = liveState(live(Kind.TAGS, "vip", "{'name':'vip','groups':['Billing','Sales']}"));
    assertThat(plan(d, l).actions()).isEmpty();
  }

  @Test
  void changedGroupsAreAnUpdateInPlace() {
    var d =
        new Fixtures.Desired()
            .section(Kind.TAGS, res(Kind.TAGS, "{'name':'vip','groups':['Sales']}"))
            .build();
    var l = liveState(live(Kind.TAGS, "vip", "{'name':'vip','groups':['Billing','Sales']}"));
    Action a = only(plan(d, l));
    assertThat(a.type()).isEqualTo(ActionType.UPDATE);
    assertThat(a.address()).isEqualTo("tags/vip");
    assertThat(a.changes()).extracting(FieldChange::field).containsExactly("groups");
  }

  @Test
  void aLiveTagDifferingOnlyInCaseIsRefusedNotCreated() {
    var d =
        new Fixtures.Desired()
            .section(Kind.TAGS, res(Kind.TAGS, "{'name':'billing','groups':[]}"))
            .build();
    var l = liveState(live(Kind.TAGS, "Billing", "{'name':'Billing','groups':[]}"));
    assertThatThrownBy(() -> plan(d, l))
        .isInstanceOf(PlanRefusedException.class)
        .hasMessageContaining("tags/billing (m.yaml:1:1)")
        .hasMessageContaining("the account has tags/Billing, which differs only in letter case")
        .hasMessageContaining("Spell it 'Billing'");
  }

  @Test
  void anExactMatchBesideAnotherCaseIsNoConflict() {
    var d =
        new Fixtures.Desired()
            .section(Kind.TAGS, res(Kind.TAGS, "{'name':'Billing','groups':[]}"))
            .build();
    var l = liveState(live(Kind.TAGS, "Billing", "{'name':'Billing','groups':[]}"));
    assertThat(plan(d, l).actions()).isEmpty();
  }

  @Test
  void aTagIsCreatedAfterItsGroupAndDeletedBeforeIt() {
    var created =
        new Fixtures.Desired()
            .section(Kind.GROUPS, res(Kind.GROUPS, SALES))
            .section(Kind.TAGS, res(Kind.TAGS, "{'name':'vip','groups':['Sales']}"))
            .build();
    Plan p = plan(created, liveState());
    assertThat(find(p, "tags/vip#create").dependsOn()).contains("groups/Sales#create");

    var removed =
        new Fixtures.Desired()
            .section(Kind.GROUPS, res(Kind.GROUPS, "{'name':'Support'}"))
            .section(Kind.TAGS, res(Kind.TAGS, "{'name':'spam','groups':['Support']}"))
            .build();
    Plan q =
        plan(
            removed,
            liveState(
                live(Kind.GROUPS, "0", "{'name':'General'}"),
                live(Kind.GROUPS, "7", SALES),
                live(Kind.GROUPS, "8", "{'name':'Support'}"),
                live(Kind.TAGS, "spam", "{'name':'spam','groups':['Support']}"),
                live(Kind.TAGS, "vip", "{'name':'vip','groups':['Sales']}")));
    assertThat(q.actions())
        .extracting(Action::id)
        .containsExactly("tags/vip#delete", "groups/Sales#delete");
    assertThat(find(q, "groups/Sales#delete").dependsOn()).contains("tags/vip#delete");
  }
}
