package io.chatform.plan;

import static io.chatform.plan.Fixtures.live;
import static io.chatform.plan.Fixtures.res;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.kinds.LiveObject;
import io.chatform.model.Kind;
import io.chatform.model.Resource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A plan far too long for a pull-request comment still makes a comment GitHub accepts. */
class LargePlanTest {
  static Plan threeThousand() {
    List<Resource> groups = new ArrayList<>();
    List<Resource> agents = new ArrayList<>();
    List<LiveObject> live = new ArrayList<>();
    for (int i = 0; i < 1500; i++) {
      groups.add(res(Kind.GROUPS, "{'name':'Team " + i + "','language_code':'en'}"));
    }
    for (int i = 0; i < 1497; i++) {
      String id = "agent" + i + "@x.example";
      agents.add(res(Kind.AGENTS, "{'id':'" + id + "','job_title':'Lead " + i + "'}"));
      live.add(live(Kind.AGENTS, id, "{'id':'" + id + "','job_title':'Agent'}"));
    }
    List<Resource> hooks = new ArrayList<>();
    for (String action : List.of("incoming_chat", "chat_deactivated", "incoming_event")) {
      hooks.add(
          res(
              Kind.WEBHOOKS,
              "{'owner_client_id':'c1','type':'license','action':'"
                  + action
                  + "','url':'https://h.example/hook'}"));
    }
    var d =
        new Fixtures.Desired()
            .section(Kind.GROUPS, groups.toArray(Resource[]::new))
            .section(Kind.AGENTS, agents.toArray(Resource[]::new))
            .section(Kind.WEBHOOKS, hooks.toArray(Resource[]::new))
            .build();
    return Fixtures.plan(d, Fixtures.liveState(live.toArray(LiveObject[]::new)));
  }

  @Test
  void markdownStaysUnderTheLimitAndPointsAtTheFullPlan() throws Exception {
    Plan p = threeThousand();
    assertThat(p.actions()).hasSize(3000);
    String md = new MarkdownRenderer(Heading.PLAN, java.util.Optional.of("plan.json")).render(p);
    assertThat(md.length()).isLessThan(MarkdownRenderer.LIMIT);
    assertThat(md)
        .startsWith("### chatform plan\n")
        .contains("| groups | 1500 | 0 | 0 | 0 | 0 |")
        .contains("| agents | 0 | 1497 | 0 | 0 | 0 |")
        .contains("groups (one line per change), agents (1497 changes)")
        .contains("<details><summary>groups (1500 changes, details left out)</summary>")
        .contains("\n+ groups/Team 1499\n")
        .contains("`plan.json`")
        .contains("<details><summary>webhooks (3 changes)</summary>");
    Golden.check("plan-3000.md", md);
    // The text and JSON forms are the full plan: nothing left out there.
    assertThat(new TextRenderer(false).render(p).lines().filter(l -> l.startsWith("  ~ agents/")))
        .hasSize(1497);
    assertThat(PlanJson.write(p).path("actions")).hasSize(3000);
  }

  @Test
  void aSmallPlanIsShownInFull() {
    String md = new MarkdownRenderer().render(RenderersTest.samplePlan());
    assertThat(md).doesNotContain("Details left out").contains("<details><summary>groups");
  }
}
