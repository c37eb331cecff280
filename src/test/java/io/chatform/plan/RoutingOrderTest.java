package io.chatform.plan;

import static io.chatform.plan.Fixtures.live;
import static io.chatform.plan.Fixtures.liveState;
import static io.chatform.plan.Fixtures.res;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.Kind;
import io.chatform.model.Policy;
import io.chatform.model.Resource;
import io.chatform.model.SourceLocation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingOrderTest {
  private static List<String> names(Plan p) {
    return p.routingOrder().stream().map(e -> e.name() + ":" + e.status().word()).toList();
  }

  @Test
  void rulesThePlanDoesNotManageKeepTheirPlace() {
    var d =
        new Fixtures.Desired()
            .policy(new Policy(true, List.of(), List.of("auto_access/Manual*")))
            .section(
                Kind.AUTO_ACCESS,
                res(Kind.AUTO_ACCESS, "{'description':'B','groups':['General']}"),
                res(Kind.AUTO_ACCESS, "{'description':'A','groups':['General']}"),
                res(Kind.AUTO_ACCESS, "{'description':'C','groups':['General']}"))
            .build();
    var l =
        liveState(
            live(Kind.AUTO_ACCESS, "r1", "{'description':'A','groups':['General']}"),
            live(Kind.AUTO_ACCESS, "r2", "{'description':'Manual one','groups':['General']}"),
            live(Kind.AUTO_ACCESS, "r3", "{'description':'B','groups':['General']}"));
    Plan p = Fixtures.plan(d, l);
    assertThat(names(p)).containsExactly("Manual one:kept", "B:kept", "A:moved", "C:new");
    assertThat(p.routingOrder()).extracting(RoutingOrder.Entry::was).containsExactly(2, 3, 1, 0);
  }

  @Test
  void aPlanThatLeavesAutoAccessAloneHasNoOrder() {
    var d =
        new Fixtures.Desired()
            .section(Kind.GROUPS, res(Kind.GROUPS, "{'name':'Support'}"))
            .section(
                Kind.AUTO_ACCESS, res(Kind.AUTO_ACCESS, "{'description':'A','groups':['General']}"))
            .build();
    var l = liveState(live(Kind.AUTO_ACCESS, "r1", "{'description':'A','groups':['General']}"));
    Plan p = Fixtures.plan(d, l);
    assertThat(p.routingOrder()).isEmpty();
    assertThat(PlanJson.write(p).has("routing_order")).isFalse();
    assertThat(new TextRenderer(false).render(p)).doesNotContain("Auto access order");
  }

  @Test
  void aDescriptionFromASecretShowsItsReference() {
    Resource secret =
        new Resource(
            Kind.AUTO_ACCESS,
            Fixtures.json("{'description':'hidden-campaign','groups':['General']}"),
            new SourceLocation("r.yaml", 1, 1),
            Map.of("/description", "${env:CAMPAIGN}"));
    var d =
        new Fixtures.Desired()
            .section(
                Kind.AUTO_ACCESS,
                res(Kind.AUTO_ACCESS, "{'description':'New','groups':['General']}"),
                secret)
            .build();
    var l =
        liveState(
            live(Kind.AUTO_ACCESS, "r1", "{'description':'hidden-campaign','groups':['General']}"));
    Plan p = Fixtures.plan(d, l);
    assertThat(names(p)).containsExactly("New:new", "${env:CAMPAIGN}:kept");
    assertThat(new TextRenderer(false).render(p) + new MarkdownRenderer().render(p))
        .contains("position: 1 of 2, before \"${env:CAMPAIGN}\"")
        .doesNotContain("hidden-campaign");
    // (The JSON's move_before still names that rule by value: the planner's field.)
    assertThat(PlanJson.write(p).get("routing_order").toString()).doesNotContain("hidden-campaign");
  }

  @Test
  void aSavedPlanKeepsItsOrder() {
    Plan p = ReadablePlanTest.ruleReorder();
    Plan back = PlanJson.read(PlanJson.write(p), (address, pointer, ref) -> "?");
    assertThat(back.routingOrder()).isEqualTo(p.routingOrder());
  }
}
