package io.chatform.plan;

import static io.chatform.plan.Fixtures.live;
import static io.chatform.plan.Fixtures.liveState;
import static io.chatform.plan.Fixtures.res;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.kinds.LiveObject;
import io.chatform.model.Kind;
import io.chatform.model.Resource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Golden plans (text, Markdown, JSON) for the changes a reviewer must be able to read: a schedule,
 * memberships, a rule reorder, a replace and its reason, deletes, and a plan too big for a comment.
 */
class ReadablePlanTest {
  private static final String WEEK =
      "'schedule':[{'day':'monday','enabled':true,'start':'09:00','end':'17:00'},"
          + "{'day':'tuesday','enabled':true,'start':'09:00','end':'17:00'},"
          + "{'day':'wednesday','enabled':true,'start':'09:00','end':'17:00'},"
          + "{'day':'thursday','enabled':true,'start':'09:00','end':'17:00'},"
          + "{'day':'friday','enabled':true,'start':'09:00','end':'%s'}]";

  private static String agent(String id, String fridayEnd) {
    return "{'id':'"
        + id
        + "','name':'N','groups':[{'group':'Support','priority':'normal'}],"
        + "'work_scheduler':{'timezone':'Europe/Berlin',"
        + String.format(WEEK, fridayEnd)
        + "}}";
  }

  static Plan scheduleChange() {
    List<Resource> want = new ArrayList<>();
    List<LiveObject> have = new ArrayList<>();
    for (String id : List.of("ann@x.example", "bob@x.example", "cy@x.example")) {
      want.add(res(Kind.AGENTS, agent(id, "16:00")));
      have.add(live(Kind.AGENTS, id, agent(id, "15:00")));
    }
    // One agent also works on Saturdays now: its change differs, so it is shown on its own.
    String dee = agent("dee@x.example", "15:00");
    want.add(
        res(
            Kind.AGENTS,
            dee.replace(
                "]}}", ",{'day':'saturday','enabled':true,'start':'10:00','end':'14:00'}]}}")));
    have.add(live(Kind.AGENTS, "dee@x.example", dee));
    var d = new Fixtures.Desired().section(Kind.AGENTS, want.toArray(Resource[]::new)).build();
    return Fixtures.plan(d, liveState(have.toArray(LiveObject[]::new)));
  }

  @Test
  void scheduleChange_showsTheSlotThatChangedInWeekOrder() throws Exception {
    Plan p = scheduleChange();
    String text = new TextRenderer(false).render(p);
    assertThat(text)
        .contains("work_scheduler.schedule[friday 09:00].end: \"15:00\" → \"16:00\"")
        .contains("work_scheduler.schedule[saturday 10:00]: (not set) → {enabled: true, end:")
        .doesNotContain("monday");
    assertThat(new MarkdownRenderer().render(p)).contains("~ the same change on 3 agents:");
    Golden.all("schedule-change", p);
  }

  @Test
  void membershipChange_isShownGroupByGroup() throws Exception {
    var d =
        new Fixtures.Desired()
            .section(
                Kind.AGENTS,
                res(
                    Kind.AGENTS,
                    "{'id':'ann@x.example','groups':[{'group':'Sales','priority':'first'},"
                        + "{'group':'Billing','priority':'normal'}]}"))
            .build();
    var l =
        liveState(
            live(
                Kind.AGENTS,
                "ann@x.example",
                "{'id':'ann@x.example','groups':[{'group':'Support','priority':'normal'},"
                    + "{'group':'Sales','priority':'normal'}]}"));
    Plan p = Fixtures.plan(d, l);
    assertThat(new TextRenderer(false).render(p))
        .contains("groups[Billing]: (not set) → {priority: \"normal\"}")
        .contains("groups[Sales].priority: \"normal\" → \"first\"")
        .contains("groups[Support]: {priority: \"normal\"} → (not set)");
    Golden.all("membership-change", p);
  }

  static Plan ruleReorder() {
    var d =
        new Fixtures.Desired()
            .section(
                Kind.AUTO_ACCESS,
                res(Kind.AUTO_ACCESS, "{'description':'VIP','groups':['Sales']}"),
                res(Kind.AUTO_ACCESS, "{'description':'German','groups':['Vertrieb']}"),
                res(Kind.AUTO_ACCESS, "{'description':'Billing','groups':['Billing']}"),
                res(Kind.AUTO_ACCESS, "{'description':'Everyone','groups':['Support']}"))
            .build();
    var l =
        liveState(
            live(Kind.AUTO_ACCESS, "r1", "{'description':'German','groups':['Vertrieb']}"),
            live(Kind.AUTO_ACCESS, "r2", "{'description':'Old promo','groups':['Sales']}"),
            live(Kind.AUTO_ACCESS, "r3", "{'description':'Everyone','groups':['Support']}"),
            live(Kind.AUTO_ACCESS, "r4", "{'description':'VIP','groups':['Sales']}"));
    return Fixtures.plan(d, l);
  }

  @Test
  void ruleReorder_printsTheWholeOrderAfterApply() throws Exception {
    Plan p = ruleReorder();
    assertThat(p.routingOrder())
        .extracting(RoutingOrder.Entry::name, RoutingOrder.Entry::status)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("VIP", RoutingOrder.Status.MOVED),
            org.assertj.core.groups.Tuple.tuple("German", RoutingOrder.Status.KEPT),
            org.assertj.core.groups.Tuple.tuple("Billing", RoutingOrder.Status.NEW),
            org.assertj.core.groups.Tuple.tuple("Everyone", RoutingOrder.Status.KEPT),
            org.assertj.core.groups.Tuple.tuple("Old promo", RoutingOrder.Status.DELETED));
    assertThat(new TextRenderer(false).render(p))
        .contains("  1. VIP  (moved from 4)\n  2. German\n  3. Billing  (new)\n  4. Everyone\n")
        .contains("  -  Old promo  (deleted, was 2)");
    Golden.all("rule-reorder", p);
  }

  static Plan replaceReason() {
    String hook =
        "{'owner_client_id':'c1','type':'license','action':'incoming_chat',"
            + "'url':'https://h.example/x','description':'%s','filters':{'only_my_chats':%s}}";
    String prop =
        "{'owner_client_id':'c1','name':'tier','type':'string','description':'%s',"
            + "'access':{'license':{'agent':['read']}}}";
    var d =
        new Fixtures.Desired()
            .section(Kind.PROPERTIES, res(Kind.PROPERTIES, String.format(prop, "Tier")))
            .section(Kind.WEBHOOKS, res(Kind.WEBHOOKS, String.format(hook, "same", "true")))
            .build();
    var l =
        liveState(
            live(Kind.PROPERTIES, "c1/tier", String.format(prop, "Customer tier")),
            live(Kind.WEBHOOKS, "w1", String.format(hook, "same", "false")));
    return Fixtures.plan(d, l);
  }

  @Test
  void replace_namesTheFieldThatForcesIt() throws Exception {
    Plan p = replaceReason();
    String text = new TextRenderer(false).render(p);
    assertThat(text)
        .contains("filters.only_my_chats: false → true  # forces replacement")
        .contains("⚠ irreversible: replacing a property deletes its values");
    assertThat(PlanJson.write(p).toString()).contains("\"forces_replacement\":[\"filters\"]");
    Golden.all("replace-reason", p);
  }

  @Test
  void delete_showsWhatIsLost() throws Exception {
    var d =
        new Fixtures.Desired()
            .section(Kind.AGENTS)
            .section(Kind.GROUPS, res(Kind.GROUPS, "{'name':'General'}"))
            .build();
    var l =
        liveState(
            live(Kind.GROUPS, "0", "{'name':'General'}"),
            live(Kind.GROUPS, "7", "{'name':'Night shift','language_code':'de'}"),
            live(Kind.AGENTS, "zed@x.example", agent("zed@x.example", "15:00")));
    var opts =
        new PlanOptions(
            io.chatform.model.ApiVersion.V3_6,
            Fixtures.TARGET,
            true,
            true,
            java.util.OptionalInt.empty(),
            java.util.Set.of());
    Plan p = new Planner().plan(d, l, opts);
    assertThat(new TextRenderer(false).render(p))
        .contains(
            "- groups/Night shift  (id 7)  ⚠ irreversible: the group's id is gone for good"
                + " (chat widget code, reports and integrations use it)\n"
                + "      language_code: \"de\"\n")
        .contains("- agents/zed@x.example  (id zed@x.example)  ⚠ irreversible: deletes a person's")
        .contains("  - {group: \"Support\", priority: \"normal\"}")
        .contains("    timezone: \"Europe/Berlin\"");
    Golden.all("delete", p);
  }
}
