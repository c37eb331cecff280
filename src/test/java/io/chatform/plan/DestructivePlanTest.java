package io.chatform.plan;

import static io.chatform.plan.Fixtures.live;
import static io.chatform.plan.Fixtures.liveState;
import static io.chatform.plan.Fixtures.res;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.Kind;
import org.junit.jupiter.api.Test;

/**
 * Golden plans (text, Markdown, JSON) of destructive steps: a group delete that leaves references
 * behind (one in a managed section, one in a section the manifests do not manage), a bot delete and
 * a webhook replace.
 */
class DestructivePlanTest {
  @Test
  void groupDeleteWithDanglingReferences() throws Exception {
    Plan p = DestructiveTest.groupDelete();
    assertThat(new TextRenderer(false).render(p))
        .contains("- groups/Night shift  (id 7)  ⚠ irreversible: the group's id is gone for good")
        .contains("agents/boss@x.example, auto_access/Nights (section not managed");
    assertThat(new MarkdownRenderer().render(p)).contains("# still pointed at by 2 objects");
    assertThat(PlanJson.write(p).toString()).contains("\"warning\":\"the group's id is gone");
    Golden.all("group-delete-referrers", p);
  }

  @Test
  void botDelete() throws Exception {
    String bot = "{'owner_client_id':'c1','name':'%s','groups':[{'group':'Support'}]}";
    var d =
        new Fixtures.Desired()
            .section(Kind.BOTS, res(Kind.BOTS, String.format(bot, "Keeper")))
            .build();
    var l =
        liveState(
            live(Kind.BOTS, "b1", String.format(bot, "Keeper")),
            live(Kind.BOTS, "b2", String.format(bot, "Old helper")));
    Plan p = Fixtures.plan(d, l);
    assertThat(new TextRenderer(false).render(p))
        .contains("- bots/c1/Old helper  (id b2)  ⚠ irreversible: the bot's id and secret");
    Golden.all("bot-delete", p);
  }

  @Test
  void webhookReplace() throws Exception {
    String hook =
        "{'owner_client_id':'c1','type':'license','action':'incoming_chat',"
            + "'url':'https://h.example/x','description':'%s'}";
    var d =
        new Fixtures.Desired()
            .section(Kind.WEBHOOKS, res(Kind.WEBHOOKS, String.format(hook, "new")))
            .build();
    var l = liveState(live(Kind.WEBHOOKS, "w1", String.format(hook, "old")));
    Plan p = Fixtures.plan(d, l);
    assertThat(new TextRenderer(false).render(p))
        .contains("⚠ irreversible: events between the delete and the create are not delivered")
        .contains("description: \"old\" → \"new\"  # forces replacement");
    Golden.all("webhook-replace", p);
  }
}
