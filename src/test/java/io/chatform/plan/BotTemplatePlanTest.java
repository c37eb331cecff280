package io.chatform.plan;

import static io.chatform.plan.Fixtures.live;
import static io.chatform.plan.Fixtures.liveState;
import static io.chatform.plan.Fixtures.only;
import static io.chatform.plan.Fixtures.plan;
import static io.chatform.plan.Fixtures.res;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.Kind;
import org.junit.jupiter.api.Test;

/** Bot templates in the plan: the option never diffs but is shown; slots freed before taken. */
class BotTemplatePlanTest {
  private static final String CID = "c0ffee00c0ffee00c0ffee00c0ffee00";
  private static final String LIVE =
      "{'owner_client_id':'"
          + CID
          + "','name':'T','max_chats_count':6,"
          + "'default_group_priority':'normal'}";

  private static String spec(String extra) {
    return "{'owner_client_id':'" + CID + "','name':'T'" + extra + "}";
  }

  @Test
  void theOptionAloneNeverMakesADiff() {
    var d =
        new Fixtures.Desired()
            .section(
                Kind.BOT_TEMPLATES,
                res(Kind.BOT_TEMPLATES, spec(",'affect_existing_installations':true")))
            .build();
    assertThat(plan(d, liveState(live(Kind.BOT_TEMPLATES, "id1", LIVE))).actions()).isEmpty();
  }

  @Test
  void anUpdateIsInPlaceAndSaysWhatItDoesToInstalledBots() {
    var d =
        new Fixtures.Desired()
            .section(
                Kind.BOT_TEMPLATES,
                res(
                    Kind.BOT_TEMPLATES,
                    spec(",'max_chats_count':9,'affect_existing_installations':true")))
            .build();
    Action a = only(plan(d, liveState(live(Kind.BOT_TEMPLATES, "id1", LIVE))));
    assertThat(a.type()).isEqualTo(ActionType.UPDATE);
    assertThat(a.changes()).extracting(FieldChange::field).containsExactly("max_chats_count");
    assertThat(a.notes())
        .containsExactly(
            "affect_existing_installations: true (bots already installed from this template"
                + " change too)");
  }

  @Test
  void aDeletionSaysItLeavesInstalledBotsAndGoesBeforeACreateOfTheSameApp() {
    var d =
        new Fixtures.Desired()
            .section(Kind.BOT_TEMPLATES, res(Kind.BOT_TEMPLATES, spec("").replace("'T'", "'New'")))
            .build();
    Plan p = plan(d, liveState(live(Kind.BOT_TEMPLATES, "id1", LIVE)));
    Action delete =
        p.actions().stream().filter(a -> a.type() == ActionType.DELETE).findFirst().orElseThrow();
    Action create =
        p.actions().stream().filter(a -> a.type() == ActionType.CREATE).findFirst().orElseThrow();
    assertThat(delete.notes())
        .singleElement()
        .asString()
        .startsWith("affect_existing_installations: false");
    assertThat(create.dependsOn()).contains(delete.id());
  }
}
