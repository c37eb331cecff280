package io.chatform.plan;

import static io.chatform.plan.Fixtures.live;
import static io.chatform.plan.Fixtures.liveState;
import static io.chatform.plan.Fixtures.only;
import static io.chatform.plan.Fixtures.plan;
import static io.chatform.plan.Fixtures.res;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.Kind;
import org.junit.jupiter.api.Test;

/** Irreversible actions are marked, and the ones the API cannot do are not planned at all. */
class IrreversibleTest {
  private static final String DEF = "{'owner_client_id':'c','name':'tier','type':'string'";

  @Test
  void publishingIsAnIrreversibleUpdate() {
    var d =
        new Fixtures.Desired()
            .section(Kind.PROPERTIES, res(Kind.PROPERTIES, DEF + ",'publish':['read']}"))
            .build();
    var l = liveState(live(Kind.PROPERTIES, "c/tier", DEF + ",'publish':false}"));
    Action a = only(plan(d, l));
    assertThat(a.type()).isEqualTo(ActionType.UPDATE);
    assertThat(a.irreversible()).isTrue();
    assertThat(new TextRenderer(false).render(plan(d, l))).contains("⚠ irreversible");
  }

  @Test
  void changingADefinitionIsAnIrreversibleReplace() {
    var d =
        new Fixtures.Desired()
            .section(Kind.PROPERTIES, res(Kind.PROPERTIES, DEF + ",'description':'new'}"))
            .build();
    var l =
        liveState(live(Kind.PROPERTIES, "c/tier", DEF + ",'description':'old','publish':false}"));
    Action a = only(plan(d, l));
    assertThat(a.type()).isEqualTo(ActionType.REPLACE);
    assertThat(a.irreversible()).isTrue();
    assertThat(a.notes()).anyMatch(n -> n.contains("deletes its values"));
  }

  @Test
  void publishedPropertiesAreNeitherReplacedNorUnpublishedNorDeleted() {
    var d =
        new Fixtures.Desired()
            .section(
                Kind.PROPERTIES,
                res(Kind.PROPERTIES, DEF + ",'description':'new','publish':false}"))
            .build();
    var l =
        liveState(
            live(Kind.PROPERTIES, "c/tier", DEF + ",'description':'old','publish':['read']}"),
            live(
                Kind.PROPERTIES,
                "c/old",
                "{'owner_client_id':'c','name':'old','type':'int','publish':['read']}"));
    Plan p = plan(d, l);
    assertThat(p.hasChanges()).isFalse();
    assertThat(p.notices())
        .extracting(Notice::message)
        .anyMatch(m -> m.contains("publishing cannot be undone"))
        .anyMatch(m -> m.contains("never be unregistered"));
  }

  @Test
  void webhookChangesAreReplacesAndSecretChangesAreInvisible() {
    String hook =
        "{'owner_client_id':'c','type':'license','action':'incoming_chat','url':'https://h.example'";
    var d =
        new Fixtures.Desired()
            .section(
                Kind.WEBHOOKS, res(Kind.WEBHOOKS, hook + ",'secret_key':'s','description':'b'}"))
            .build();
    Action a = only(plan(d, liveState(live(Kind.WEBHOOKS, "w1", hook + ",'description':'a'}"))));
    assertThat(a.type()).isEqualTo(ActionType.REPLACE);
    assertThat(a.sensitive()).containsKey("/secret_key");
    var same =
        new Fixtures.Desired()
            .section(
                Kind.WEBHOOKS, res(Kind.WEBHOOKS, hook + ",'secret_key':'s','description':'a'}"))
            .build();
    assertThat(
            plan(same, liveState(live(Kind.WEBHOOKS, "w1", hook + ",'description':'a'}")))
                .hasChanges())
        .isFalse();
  }

  @Test
  void replaceOnRequestRotatesAWebhookThatDoesNotDiffAndRefusesOtherKinds() {
    String hook =
        "{'owner_client_id':'c','type':'license','action':'incoming_chat','url':'https://h.example'";
    var d =
        new Fixtures.Desired()
            .section(Kind.WEBHOOKS, res(Kind.WEBHOOKS, hook + ",'secret_key':'new'}"))
            .section(Kind.GROUPS, res(Kind.GROUPS, "{'name':'S'}"))
            .build();
    var l =
        liveState(live(Kind.WEBHOOKS, "w1", hook + "}"), live(Kind.GROUPS, "3", "{'name':'S'}"));
    String address = "webhooks/c/license/incoming_chat/https://h.example";
    assertThat(plan(d, l).hasChanges()).as("a secret change alone is invisible").isFalse();
    Plan p =
        new Planner()
            .plan(
                d,
                l,
                new PlanOptions(
                    io.chatform.model.ApiVersion.V3_6,
                    Fixtures.TARGET,
                    true,
                    false,
                    java.util.OptionalInt.empty(),
                    java.util.Set.of(address)));
    Action a = only(p);
    assertThat(a.type()).isEqualTo(ActionType.REPLACE);
    assertThat(a.notes()).contains("replaced on request (--replace)");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                new Planner()
                    .plan(
                        d,
                        l,
                        new PlanOptions(
                            io.chatform.model.ApiVersion.V3_6,
                            Fixtures.TARGET,
                            true,
                            false,
                            java.util.OptionalInt.empty(),
                            java.util.Set.of("groups/S"))))
        .isInstanceOf(PlanRefusedException.class)
        .hasMessageContaining("--replace groups/S");
  }
}
