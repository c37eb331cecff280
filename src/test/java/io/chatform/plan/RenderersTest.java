package io.chatform.plan;

import static io.chatform.plan.Fixtures.live;
import static io.chatform.plan.Fixtures.liveState;
import static io.chatform.plan.Fixtures.res;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.Json;
import io.chatform.model.Kind;
import io.chatform.model.Resource;
import io.chatform.model.SourceLocation;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Golden tests: the three renderings of one plan that has every action type. Set
 * CHATFORM_UPDATE_GOLDEN=1 to rewrite the files after an intended change, then review the diff.
 */
class RenderersTest {
  static Plan samplePlan() {
    Resource webhook =
        new Resource(
            Kind.WEBHOOKS,
            Fixtures.json(
                "{'owner_client_id':'c1','type':'license','action':'incoming_chat','url':'https://h.example/x','secret_key':'s3cr3t-value','description':'new'}"),
            new SourceLocation("w.yaml", 3, 5),
            Map.of("/secret_key", "${env:LC_WEBHOOK_SECRET}"));
    var d =
        new Fixtures.Desired()
            .section(Kind.GROUPS, res(Kind.GROUPS, "{'name':'Support','language_code':'en'}"))
            .section(
                Kind.AGENTS,
                res(
                    Kind.AGENTS,
                    "{'id':'jane@acme.example','job_title':'Lead','groups':[{'group':'Support','priority':'first'}]}"))
            .section(
                Kind.AUTO_ACCESS,
                res(Kind.AUTO_ACCESS, "{'description':'B','groups':['General']}"),
                res(Kind.AUTO_ACCESS, "{'description':'A','groups':['General']}"))
            .section(Kind.WEBHOOKS, webhook)
            .build();
    var l =
        liveState(
            live(Kind.GROUPS, "0", "{'name':'General'}"),
            live(Kind.GROUPS, "7", "{'name':'Old'}"),
            live(
                Kind.AGENTS,
                "jane@acme.example",
                "{'id':'jane@acme.example','job_title':'Agent','groups':[]}"),
            live(Kind.AUTO_ACCESS, "r1", "{'description':'A','groups':['General']}"),
            live(Kind.AUTO_ACCESS, "r2", "{'description':'B','groups':['General']}"),
            live(
                Kind.WEBHOOKS,
                "w1",
                "{'owner_client_id':'c1','type':'license','action':'incoming_chat','url':'https://h.example/x','description':'old'}"));
    return Fixtures.plan(d, l);
  }

  @Test
  void text() throws Exception {
    golden("plan.txt", new TextRenderer(false).render(samplePlan()));
  }

  @Test
  void markdown() throws Exception {
    golden("plan.md", new MarkdownRenderer().render(samplePlan()));
  }

  @Test
  void json() throws Exception {
    golden(
        "plan.json",
        Json.MAPPER
                .writerWithDefaultPrettyPrinter()
                .writeValueAsString(PlanJson.write(samplePlan()))
            + "\n");
  }

  @Test
  void colourOnlyWhenAsked() {
    assertThat(new TextRenderer(true).render(samplePlan())).contains("\u001b[32m+ groups/Support");
    assertThat(new TextRenderer(false).render(samplePlan())).doesNotContain("\u001b[");
  }

  @Test
  void secretsNeverRendered() throws Exception {
    Plan p = samplePlan();
    String all =
        new TextRenderer(false).render(p)
            + new MarkdownRenderer().render(p)
            + Json.MAPPER.writeValueAsString(PlanJson.write(p));
    assertThat(all).doesNotContain("s3cr3t-value").contains("${env:LC_WEBHOOK_SECRET}");
  }

  @Test
  void savedPlanRoundTripsAndResolvesSecretsAgain() {
    Plan p = samplePlan();
    Plan back =
        PlanJson.read(
            PlanJson.write(p),
            (address, pointer, ref) -> ref.equals("${env:LC_WEBHOOK_SECRET}") ? "again" : "?");
    assertThat(back.summary()).isEqualTo(p.summary());
    assertThat(back.fingerprints()).isEqualTo(p.fingerprints());
    assertThat(back.actions())
        .extracting(Action::id)
        .containsExactlyElementsOf(p.actions().stream().map(Action::id).toList());
    Action hook =
        back.actions().stream().filter(a -> a.kind() == Kind.WEBHOOKS).findFirst().orElseThrow();
    assertThat(hook.desired().orElseThrow().get("secret_key").asText()).isEqualTo("again");
  }

  private static void golden(String name, String actual) throws Exception {
    Golden.check(name, actual);
  }

  @Test
  void markdownFencesOutlastBackticksInValues() {
    var d =
        new Fixtures.Desired()
            .section(Kind.GROUPS, Fixtures.res(Kind.GROUPS, "{'name':'Code ```x``` ````y'}"))
            .build();
    String md = new MarkdownRenderer().render(Fixtures.plan(d, Fixtures.liveState()));
    assertThat(md).contains("`````diff\n").contains("\n`````\n");
  }

  @Test
  void driftIsWordedAsDriftWithoutRewritingText() {
    Plan p = samplePlan();
    assertThat(new TextRenderer(false, Heading.DRIFT).render(p))
        .startsWith(
            "What chatform apply would do to undo it (in this order):\n\n  + groups/Support")
        .doesNotContain("chatform will perform");
    assertThat(new MarkdownRenderer(Heading.DRIFT, java.util.Optional.empty()).render(p))
        .startsWith("### chatform drift\n")
        .doesNotContain("chatform plan");
  }
}
