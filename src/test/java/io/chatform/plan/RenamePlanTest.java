package io.chatform.plan;

import static io.chatform.plan.Fixtures.live;
import static io.chatform.plan.Fixtures.liveState;
import static io.chatform.plan.Fixtures.res;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatform.kinds.LiveState;
import io.chatform.model.DesiredState;
import io.chatform.model.Kind;
import org.junit.jupiter.api.Test;

/** Matching by previous names and id pins: renames are updates in place; ambiguity is refused. */
class RenamePlanTest {
  private static final LiveState ACCOUNT =
      liveState(
          live(Kind.GROUPS, "2", "{'name':'Tech Support','language_code':'en'}"),
          live(
              Kind.AGENTS,
              "a@x.io",
              "{'id':'a@x.io','groups':[{'group':'Tech Support','priority':'normal'}]}"),
          live(Kind.AUTO_ACCESS, "r1", "{'description':'Old rule','groups':['Tech Support']}"),
          live(Kind.AUTO_ACCESS, "r2", "{'description':'Other','groups':[]}"));

  private static DesiredState renamed() {
    return new Fixtures.Desired()
        .section(
            Kind.GROUPS,
            res(
                Kind.GROUPS,
                "{'name':'Technical Support','language_code':'en',"
                    + "'previous_names':['Tech Support']}"))
        .section(
            Kind.AGENTS,
            res(
                Kind.AGENTS,
                "{'id':'a@x.io','groups':[{'group':'Technical Support','priority':'normal'}]}"))
        .section(
            Kind.AUTO_ACCESS,
            res(
                Kind.AUTO_ACCESS,
                "{'description':'New rule','groups':['Technical Support'],"
                    + "'previous_names':['Old rule']}"),
            res(Kind.AUTO_ACCESS, "{'description':'Other','groups':[]}"))
        .build();
  }

  @Test
  void aPreviousNameRenamesInPlaceAndReferencesFollow() {
    Plan p = Fixtures.plan(renamed(), ACCOUNT);

    assertThat(p.actions())
        .extracting(a -> a.type() + " " + a.address() + " " + a.liveId().orElse("-"))
        .containsExactly("UPDATE groups/Technical Support 2", "UPDATE auto_access/New rule r1");
    Action group = p.actions().get(0);
    assertThat(group.renamedFrom()).contains("Tech Support");
    assertThat(group.changes()).extracting(FieldChange::field).containsExactly("name");
    assertThat(group.desired().orElseThrow().has("previous_names")).isFalse();
    Action rule = p.actions().get(1);
    assertThat(rule.renamedFrom()).contains("Old rule");
    assertThat(rule.dependsOn()).contains(group.id());
    assertThat(rule.moves()).isFalse();
    // The saved plan proves the live object under its old address; the new one must stay free.
    assertThat(p.fingerprints()).containsKey("groups/Tech Support");
    assertThat(p.fingerprints()).containsEntry("groups/Technical Support", Fingerprints.ABSENT);
  }

  @Test
  void onceAppliedTheOldNameIsHarmless() {
    LiveState after =
        liveState(
            live(Kind.GROUPS, "2", "{'name':'Technical Support','language_code':'en'}"),
            live(
                Kind.AGENTS,
                "a@x.io",
                "{'id':'a@x.io','groups':[{'group':'Technical Support','priority':'normal'}]}"),
            live(
                Kind.AUTO_ACCESS,
                "r1",
                "{'description':'New rule','groups':['Technical Support']}"),
            live(Kind.AUTO_ACCESS, "r2", "{'description':'Other','groups':[]}"));
    assertThat(Fixtures.plan(renamed(), after).actions()).isEmpty();
  }

  @Test
  void bothTheNewAndAnOldNameLiveIsRefusedNamingBothIds() {
    LiveState both =
        liveState(
            live(Kind.GROUPS, "2", "{'name':'Tech Support'}"),
            live(Kind.GROUPS, "5", "{'name':'Technical Support'}"));
    DesiredState d =
        new Fixtures.Desired()
            .section(
                Kind.GROUPS,
                res(Kind.GROUPS, "{'name':'Technical Support','previous_names':['Tech Support']}"))
            .build();
    assertThatThrownBy(() -> Fixtures.plan(d, both))
        .isInstanceOf(PlanRefusedException.class)
        .hasMessageContaining("groups/Technical Support")
        .hasMessageContaining("ids 5, 2");
  }

  @Test
  void pinsAdoptGroupsThatShareAName() {
    LiveState twins =
        liveState(
            live(Kind.GROUPS, "2", "{'name':'Sales','language_code':'en'}"),
            live(Kind.GROUPS, "3", "{'name':'Sales','language_code':'en'}"));
    DesiredState d =
        new Fixtures.Desired()
            .section(
                Kind.GROUPS,
                res(Kind.GROUPS, "{'name':'Sales','id':2,'language_code':'en'}"),
                res(Kind.GROUPS, "{'name':'Sales','id':3,'language_code':'de'}"))
            .build();
    Plan p = Fixtures.plan(d, twins);
    assertThat(p.actions()).hasSize(1);
    assertThat(p.actions().get(0).liveId()).contains("3");
    assertThat(p.actions().get(0).changes())
        .extracting(FieldChange::field)
        .containsExactly("language_code");
    assertThat(p.actions().get(0).desired().orElseThrow().has("id")).isFalse();
  }

  @Test
  void aPinRenamesWhenOnlyTheNameDiffers() {
    LiveState l = liveState(live(Kind.GROUPS, "2", "{'name':'Sales'}"));
    DesiredState d =
        new Fixtures.Desired()
            .section(Kind.GROUPS, res(Kind.GROUPS, "{'name':'Sales EU','id':2}"))
            .build();
    Plan p = Fixtures.plan(d, l);
    assertThat(p.actions())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.type()).isEqualTo(ActionType.UPDATE);
              assertThat(a.renamedFrom()).contains("Sales");
            });
  }

  @Test
  void aPinThatDisagreesWithTheAccountIsRefusedNamingBoth() {
    LiveState l =
        liveState(
            live(Kind.GROUPS, "2", "{'name':'Sales'}"),
            live(Kind.GROUPS, "3", "{'name':'Support'}"));
    DesiredState taken =
        new Fixtures.Desired()
            .section(Kind.GROUPS, res(Kind.GROUPS, "{'name':'Support','id':2}"))
            .build();
    assertThatThrownBy(() -> Fixtures.plan(taken, l))
        .isInstanceOf(PlanRefusedException.class)
        .hasMessageContaining("pinned to id 2")
        .hasMessageContaining("belongs to id 3");
    DesiredState absent =
        new Fixtures.Desired()
            .section(Kind.GROUPS, res(Kind.GROUPS, "{'name':'Support','id':9}"))
            .build();
    assertThatThrownBy(() -> Fixtures.plan(absent, l))
        .isInstanceOf(PlanRefusedException.class)
        .hasMessageContaining("pinned to id 9")
        .hasMessageContaining("no groups with that id")
        .hasMessageContaining("belongs to id 3");
  }

  @Test
  void aBotIsRenamedWithinItsApp() {
    LiveState l =
        liveState(
            live(Kind.BOTS, "b1", "{'owner_client_id':'app','name':'Helper'}"),
            live(Kind.BOTS, "b2", "{'owner_client_id':'other','name':'Helper'}"));
    DesiredState d =
        new Fixtures.Desired()
            .section(
                Kind.BOTS,
                res(
                    Kind.BOTS,
                    "{'owner_client_id':'app','name':'Aide','previous_names':['Helper']}"))
            .build();
    Plan p = Fixtures.plan(d, l);
    assertThat(p.actions())
        .singleElement()
        .satisfies(
            a -> {
              assertThat(a.liveId()).contains("b1");
              assertThat(a.renamedFrom()).contains("Helper");
            });
  }

  @Test
  void goldenRename() throws Exception {
    Plan p = Fixtures.plan(renamed(), ACCOUNT);
    assertThat(new TextRenderer(false).render(p))
        .contains("~ groups/Technical Support  (renamed from \"Tech Support\", id 2)");
    assertThat(PlanJson.write(p).path("actions").get(0).path("renamed_from").asText())
        .isEqualTo("Tech Support");
    Golden.all("rename", p);
  }
}
