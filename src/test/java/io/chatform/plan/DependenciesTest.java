package io.chatform.plan;

import static io.chatform.plan.Fixtures.live;
import static io.chatform.plan.Fixtures.liveState;
import static io.chatform.plan.Fixtures.plan;
import static io.chatform.plan.Fixtures.res;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class DependenciesTest {
  private static Action find(Plan p, String id) {
    return p.actions().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
  }

  private static void assertBefore(Plan p, String first, String then) {
    List<String> ids = p.actions().stream().map(Action::id).toList();
    assertThat(ids.indexOf(first)).as(first + " before " + then).isLessThan(ids.indexOf(then));
    assertThat(find(p, then).dependsOn()).contains(first);
  }

  @Test
  void newGroupsComeBeforeWhatNamesThem() {
    var d =
        new Fixtures.Desired()
            .section(Kind.GROUPS, res(Kind.GROUPS, "{'name':'S'}"))
            .section(
                Kind.AGENTS,
                res(Kind.AGENTS, "{'id':'a@x.io','groups':[{'group':'S','priority':'first'}]}"))
            .section(
                Kind.BOTS,
                res(
                    Kind.BOTS,
                    "{'name':'B','owner_client_id':'c','groups':[{'group':'S','priority':'normal'}]}"))
            .section(Kind.AUTO_ACCESS, res(Kind.AUTO_ACCESS, "{'description':'R','groups':['S']}"))
            .section(
                Kind.PROPERTIES,
                res(Kind.PROPERTIES, "{'owner_client_id':'c','name':'tier','type':'string'}"))
            .section(
                Kind.GROUP_PROPERTIES,
                res(
                    Kind.GROUP_PROPERTIES,
                    "{'group':'S','namespace':'c','name':'tier','value':'gold'}"))
            .build();
    Plan p = plan(d, liveState());
    assertBefore(p, "groups/S#create", "agents/a@x.io#create");
    assertBefore(p, "groups/S#create", "bots/c/B#create");
    assertBefore(p, "groups/S#create", "auto_access/R#create");
    assertBefore(p, "groups/S#create", "group_properties/S/c/tier#create");
    assertBefore(p, "properties/c/tier#create", "group_properties/S/c/tier#create");
  }

  @Test
  void groupDeletionWaitsForMembersAndRulesToLetGo() {
    var d =
        new Fixtures.Desired()
            .section(Kind.GROUPS)
            .section(Kind.AGENTS, res(Kind.AGENTS, "{'id':'a@x.io','groups':[]}"))
            .section(Kind.AUTO_ACCESS)
            .build();
    var l =
        liveState(
            live(Kind.GROUPS, "0", "{'name':'General'}"),
            live(Kind.GROUPS, "4", "{'name':'Old'}"),
            live(
                Kind.AGENTS,
                "a@x.io",
                "{'id':'a@x.io','groups':[{'group':'Old','priority':'normal'}]}"),
            live(Kind.AUTO_ACCESS, "r1", "{'description':'R','groups':['Old']}"));
    Plan p =
        new Planner()
            .plan(
                d,
                l,
                new PlanOptions(
                    io.chatform.model.ApiVersion.V3_6,
                    Fixtures.TARGET,
                    true,
                    true,
                    java.util.OptionalInt.empty()));
    assertBefore(p, "agents/a@x.io#update", "groups/Old#delete");
    assertBefore(p, "auto_access/R#delete", "groups/Old#delete");
  }

  @Test
  void webhookSlotsAreFreedBeforeTakenAndPropertyValuesGoBeforeTheirDefinition() {
    var d =
        new Fixtures.Desired()
            .section(
                Kind.WEBHOOKS,
                res(
                    Kind.WEBHOOKS,
                    "{'owner_client_id':'c','type':'license','action':'incoming_chat','url':'https://n.example'}"))
            .section(Kind.PROPERTIES)
            .section(Kind.LICENSE_PROPERTIES)
            .build();
    var l =
        liveState(
            live(
                Kind.WEBHOOKS,
                "w1",
                "{'owner_client_id':'c','type':'license','action':'incoming_chat','url':'https://o.example'}"),
            live(
                Kind.PROPERTIES, "c/tier", "{'owner_client_id':'c','name':'tier','type':'string'}"),
            live(Kind.LICENSE_PROPERTIES, "c/tier", "{'namespace':'c','name':'tier','value':'x'}"));
    Plan p =
        new Planner()
            .plan(
                d,
                l,
                new PlanOptions(
                    io.chatform.model.ApiVersion.V3_6,
                    Fixtures.TARGET,
                    true,
                    true,
                    java.util.OptionalInt.empty()));
    assertBefore(
        p,
        "webhooks/c/license/incoming_chat/https://o.example#delete",
        "webhooks/c/license/incoming_chat/https://n.example#create");
    assertBefore(p, "license_properties/c/tier#delete", "properties/c/tier#delete");
  }
}
