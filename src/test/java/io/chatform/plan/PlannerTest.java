package io.chatform.plan;

import static io.chatform.plan.Fixtures.live;
import static io.chatform.plan.Fixtures.liveState;
import static io.chatform.plan.Fixtures.only;
import static io.chatform.plan.Fixtures.plan;
import static io.chatform.plan.Fixtures.res;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatform.model.ApiVersion;
import io.chatform.model.Kind;
import io.chatform.model.Policy;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PlannerTest {
  private static final String OWNER = "{'id':'boss@x.io','name':'Boss','role':'owner'}";

  @Test
  void createsWhatIsMissingAndIgnoresUndeclaredFields() {
    // Undeclared fields are ignored in the declared field mode (#16: owned, the default, resets
    // the live mobile; see FieldOwnershipTest).
    var d =
        new Fixtures.Desired()
            .section(Kind.GROUPS, res(Kind.GROUPS, "{'name':'Support','language_code':'en'}"))
            .section(Kind.AGENTS, res(Kind.AGENTS, "{'id':'a@x.io','name':'A','job_title':'Lead'}"))
            .policy(new Policy(true, List.of(), List.of(), io.chatform.model.FieldMode.DECLARED))
            .build();
    var l =
        liveState(
            live(Kind.GROUPS, "0", "{'name':'General','language_code':'en'}"),
            live(
                Kind.AGENTS,
                "a@x.io",
                "{'id':'a@x.io','name':'A','job_title':'Lead','mobile':'1'}"),
            live(Kind.AGENTS, "boss@x.io", OWNER));
    Plan p = plan(d, l);
    Action a = only(p);
    assertThat(a.type()).isEqualTo(ActionType.CREATE);
    assertThat(a.address()).isEqualTo("groups/Support");
    assertThat(p.notices()).as("the owner is never deleted, silently").isEmpty();
    assertThat(p.summary())
        .isEqualTo("Plan: 1 to create, 0 to update, 0 to replace, 0 to delete, 0 to move.");
  }

  @Test
  void updateListsOnlyChangedDeclaredFields() {
    var d =
        new Fixtures.Desired()
            .section(
                Kind.AGENTS,
                res(Kind.AGENTS, "{'id':'a@x.io','job_title':'Boss','max_chats_count':6}"))
            .build();
    var l =
        liveState(
            live(
                Kind.AGENTS, "a@x.io", "{'id':'a@x.io','job_title':'Lead','max_chats_count':6.0}"));
    Action a = only(plan(d, l));
    assertThat(a.type()).isEqualTo(ActionType.UPDATE);
    assertThat(a.changes()).extracting(FieldChange::field).containsExactly("job_title");
    assertThat(a.changes().get(0).before().orElseThrow().asText()).isEqualTo("Lead");
  }

  @Test
  void membershipOrderAndImplicitGeneralMakeNoDiff() {
    var d =
        new Fixtures.Desired()
            .section(
                Kind.AGENTS,
                res(
                    Kind.AGENTS,
                    "{'id':'a@x.io','groups':[{'group':'B','priority':'normal'},{'group':'A','priority':'first'}]}"))
            .build();
    var l =
        liveState(
            live(
                Kind.AGENTS,
                "a@x.io",
                "{'id':'a@x.io','groups':[{'group':'General','priority':'normal'},{'group':'A','priority':'first'},{'group':'B','priority':'normal'}]}"));
    assertThat(plan(d, l).hasChanges()).isFalse();
  }

  @Test
  void agentRenameIn36IsANoticeNotALoop() {
    var d =
        new Fixtures.Desired()
            .section(Kind.AGENTS, res(Kind.AGENTS, "{'id':'a@x.io','name':'New'}"))
            .build();
    var l = liveState(live(Kind.AGENTS, "a@x.io", "{'id':'a@x.io','name':'Old'}"));
    Plan p = plan(d, l);
    assertThat(p.hasChanges()).isFalse();
    assertThat(p.notices())
        .singleElement()
        .asString()
        .contains("cannot be changed through API v3.6");
    Plan p35 = new Planner().plan(d, l, PlanOptions.defaults(ApiVersion.V3_5, Fixtures.TARGET));
    assertThat(only(p35).type()).isEqualTo(ActionType.UPDATE);
  }

  @Test
  void neverDeletesOwnerGeneralCallerOrProtected() {
    var d =
        new Fixtures.Desired()
            .section(Kind.GROUPS, res(Kind.GROUPS, "{'name':'Keep'}"))
            .section(Kind.AGENTS, res(Kind.AGENTS, "{'id':'keep@x.io'}"))
            .policy(new Policy(true, List.of("agents/vip@*"), List.of()))
            .build();
    var l =
        liveState(
            Optional.of("me@x.io"),
            live(Kind.GROUPS, "0", "{'name':'General'}"),
            live(Kind.GROUPS, "5", "{'name':'Keep'}"),
            live(Kind.GROUPS, "6", "{'name':'Old'}"),
            live(Kind.AGENTS, "boss@x.io", OWNER),
            live(Kind.AGENTS, "me@x.io", "{'id':'me@x.io','role':'administrator'}"),
            live(Kind.AGENTS, "vip@x.io", "{'id':'vip@x.io','role':'normal'}"),
            live(Kind.AGENTS, "keep@x.io", "{'id':'keep@x.io'}"),
            live(Kind.AGENTS, "gone@x.io", "{'id':'gone@x.io'}"));
    Plan p = plan(d, l);
    assertThat(p.actions())
        .extracting(Action::address)
        .containsExactlyInAnyOrder("agents/gone@x.io", "groups/Old");
    assertThat(p.actions()).allMatch(a -> a.type() == ActionType.DELETE);
    assertThat(p.notices())
        .extracting(Notice::address)
        .containsExactlyInAnyOrder("agents/me@x.io", "agents/vip@x.io");
  }

  @Test
  void anUpdateNeverWritesTheFieldsItsNoticesSayStayAsTheyAre() {
    var d =
        new Fixtures.Desired()
            .section(
                Kind.AGENTS,
                res(
                    Kind.AGENTS,
                    "{'id':'boss@x.io','name':'Boss','role':'normal','job_title':'CEO'}"))
            .build();
    var l = liveState(live(Kind.AGENTS, "boss@x.io", OWNER));
    Plan p = plan(d, l);
    Action update = p.actions().get(0);
    assertThat(update.changes()).extracting(FieldChange::field).containsExactly("job_title");
    assertThat(p.notices()).extracting(Notice::message).anyMatch(m -> m.contains("owner's role"));
    // The writer sends the action's desired spec: the owner's role must not be in it (403).
    assertThat(update.desired().orElseThrow().has("role")).isFalse();
    assertThat(update.desired().orElseThrow().get("job_title").asText()).isEqualTo("CEO");
  }

  @Test
  void anEmptyAppSectionSaysWhichAppsItLeavesAlone() {
    String hook =
        "{'owner_client_id':'c9','type':'license','action':'incoming_chat','url':'https://h/x'}";
    var d = new Fixtures.Desired().section(Kind.WEBHOOKS).build();
    var l = liveState(live(Kind.WEBHOOKS, "w1", hook));
    Plan p = plan(d, l);
    assertThat(p.hasChanges()).isFalse();
    assertThat(p.notices()).extracting(Notice::address).containsExactly("webhooks");
    assertThat(p.notices().get(0).message()).contains("(c9)").contains("left alone");
  }

  @Test
  void ignoreHidesObjectsFromBothSides() {
    var d =
        new Fixtures.Desired()
            .section(Kind.AGENTS, res(Kind.AGENTS, "{'id':'x@contractor.io','job_title':'a'}"))
            .policy(new Policy(true, List.of(), List.of("agents/*@contractor.io")))
            .build();
    var l = liveState(live(Kind.AGENTS, "y@contractor.io", "{'id':'y@contractor.io'}"));
    Plan p = plan(d, l);
    assertThat(p.hasChanges()).isFalse();
    // The declared-but-ignored agent is named, so the user knows why edits to it never apply.
    assertThat(p.notices()).extracting(Notice::address).containsExactly("agents/x@contractor.io");
    assertThat(p.notices().get(0).message()).contains("policy.ignore");
  }

  @Test
  void emptySectionFacingLiveObjectsIsRefusedUnlessAllowed() {
    var d = new Fixtures.Desired().section(Kind.GROUPS).build();
    var l =
        liveState(
            live(Kind.GROUPS, "0", "{'name':'General'}"), live(Kind.GROUPS, "3", "{'name':'X'}"));
    assertThatThrownBy(() -> plan(d, l))
        .isInstanceOf(PlanRefusedException.class)
        .hasMessageContaining("groups: the section is empty")
        .hasMessageContaining("--allow-empty");
    var opts = new PlanOptions(ApiVersion.V3_6, Fixtures.TARGET, true, true, OptionalInt.empty());
    Plan p = new Planner().plan(d, l, opts);
    assertThat(only(p).type()).isEqualTo(ActionType.DELETE);
    assertThat(only(p).liveId()).contains("3");
  }

  @Test
  void maxDeletionsAndNoPrune() {
    var d = new Fixtures.Desired().section(Kind.GROUPS, res(Kind.GROUPS, "{'name':'A'}")).build();
    var l =
        liveState(
            live(Kind.GROUPS, "1", "{'name':'A'}"),
            live(Kind.GROUPS, "2", "{'name':'B'}"),
            live(Kind.GROUPS, "3", "{'name':'C'}"));
    var limited = new PlanOptions(ApiVersion.V3_6, Fixtures.TARGET, true, false, OptionalInt.of(1));
    assertThatThrownBy(() -> new Planner().plan(d, l, limited))
        .hasMessageContaining("deletes or replaces 2 objects, more than --max-deletions 1");
    var noPrune =
        new PlanOptions(ApiVersion.V3_6, Fixtures.TARGET, false, false, OptionalInt.empty());
    assertThat(new Planner().plan(d, l, noPrune).hasChanges()).isFalse();
    var policyNoPrune =
        new Fixtures.Desired()
            .section(Kind.GROUPS, res(Kind.GROUPS, "{'name':'A'}"))
            .policy(new Policy(false, List.of(), List.of()))
            .build();
    assertThat(plan(policyNoPrune, l).hasChanges()).isFalse();
  }

  @Test
  void twoLiveGroupsWithOneNameAreAnErrorNamingBothIds() {
    var d = new Fixtures.Desired().section(Kind.GROUPS, res(Kind.GROUPS, "{'name':'A'}")).build();
    var l =
        liveState(live(Kind.GROUPS, "4", "{'name':'A'}"), live(Kind.GROUPS, "9", "{'name':'A'}"));
    assertThatThrownBy(() -> plan(d, l))
        .isInstanceOf(PlanRefusedException.class)
        .hasMessageContaining("groups/A")
        .hasMessageContaining("ids 4, 9")
        .hasMessageContaining("m.yaml:1:1");
  }

  @Test
  void anAmbiguityPointsToRepairOnlyWhereRepairCanMergeTheKind() {
    var groups = new Fixtures.Desired().section(Kind.GROUPS, res(Kind.GROUPS, "{'name':'A'}"));
    var twoGroups =
        liveState(live(Kind.GROUPS, "4", "{'name':'A'}"), live(Kind.GROUPS, "9", "{'name':'A'}"));
    assertThatThrownBy(() -> plan(groups.build(), twoGroups))
        .hasMessageContaining("Run chatform repair with the same -f")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("does not merge"));
    String template = "{'name':'T','owner_client_id':'c1'}";
    var d = new Fixtures.Desired().section(Kind.BOT_TEMPLATES, res(Kind.BOT_TEMPLATES, template));
    var twoTemplates =
        liveState(
            live(Kind.BOT_TEMPLATES, "t1", template), live(Kind.BOT_TEMPLATES, "t2", template));
    assertThatThrownBy(() -> plan(d.build(), twoTemplates))
        .hasMessageContaining("ids t1, t2")
        .hasMessageContaining("chatform repair does not merge bot_templates")
        .hasMessageContaining("rename or delete the extra ones in LiveChat")
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .doesNotContain("Run chatform repair")
                    .doesNotContain("id: <live id>"));
  }

  /** Only agents managed: the account's groups are read as unmanaged, to name references. */
  private static io.chatform.kinds.LiveState agentsWithGroups(String... groups) {
    List<io.chatform.kinds.LiveObject> live = new java.util.ArrayList<>();
    for (int i = 0; i < groups.length; i++) {
      live.add(live(Kind.GROUPS, "" + i, "{'name':'" + groups[i] + "'}"));
    }
    return new io.chatform.kinds.LiveState(
        java.util.Map.of(Kind.AGENTS, List.of()),
        Optional.empty(),
        java.util.Map.of(Kind.GROUPS, live));
  }

  @Test
  void aGroupTheManifestsDoNotManageMustBeLiveBeforeAnythingIsWritten() {
    var d =
        new Fixtures.Desired()
            .section(
                Kind.AGENTS,
                res(Kind.AGENTS, "{'id':'a@x','groups':[{'group':'Support'},{'group':'Nope'}]}"),
                res(Kind.AGENTS, "{'id':'b@x','groups':[{'group':'General'}]}"))
            .build();
    assertThatThrownBy(() -> plan(d, agentsWithGroups("General", "Support")))
        .isInstanceOf(PlanRefusedException.class)
        .hasMessageContaining(
            "agents/a@x (m.yaml:1:1): group 'Nope' does not exist in the account, and the"
                + " manifests do not manage groups")
        .satisfies(
            e -> assertThat(e.getMessage()).doesNotContain("'Support'").doesNotContain("b@x"));
    assertThat(plan(d, agentsWithGroups("General", "Support", "Nope")).actions())
        .extracting(Action::address)
        .containsExactlyInAnyOrder("agents/a@x", "agents/b@x");
    // General is every account's, even where a listing left it out
    var general =
        new Fixtures.Desired()
            .section(Kind.AGENTS, res(Kind.AGENTS, "{'id':'b@x','groups':[{'group':'General'}]}"))
            .build();
    assertThat(plan(general, agentsWithGroups()).actions()).hasSize(1);
  }

  @Test
  void aMissingGroupNameFromASecretIsShownByItsReferenceNeverItsValue() {
    var secret =
        new io.chatform.model.Resource(
            Kind.AGENTS,
            Fixtures.json("{'id':'a@x','groups':[{'group':'Support'},{'group':'s3cr3t-group'}]}"),
            new io.chatform.model.SourceLocation("m.yaml", 1, 1),
            java.util.Map.of("/groups/1/group", "${env:TEAM}"));
    var d = new Fixtures.Desired().section(Kind.AGENTS, secret).build();
    assertThatThrownBy(() -> plan(d, agentsWithGroups("General", "Support")))
        .hasMessageContaining("group '(the value of ${env:TEAM})' does not exist in the account")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("s3cr3t"));
  }

  @Test
  void aValuesDefinitionTheManifestsDoNotManageMustBeLive() {
    String ns = "c0ffee00c0ffee00c0ffee00c0ffee00";
    var d =
        new Fixtures.Desired()
            .section(
                Kind.LICENSE_PROPERTIES,
                res(
                    Kind.LICENSE_PROPERTIES,
                    "{'namespace':'" + ns + "','name':'tier','value':'x'}"),
                res(Kind.LICENSE_PROPERTIES, "{'namespace':'" + ns + "','name':'nope','value':1}"))
            .build();
    var defs =
        new io.chatform.kinds.LiveState(
            java.util.Map.of(Kind.LICENSE_PROPERTIES, List.of()),
            Optional.empty(),
            java.util.Map.of(
                Kind.PROPERTIES,
                List.of(
                    live(
                        Kind.PROPERTIES,
                        ns + "/tier",
                        "{'owner_client_id':'" + ns + "','name':'tier','type':'string'}"))));
    assertThatThrownBy(() -> plan(d, defs))
        .hasMessageContaining(
            "property '"
                + ns
                + "/nope' does not exist in the account, and the manifests do not"
                + " manage properties")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("/tier'"));
  }

  @Test
  void aCapacitySlotMustHoldWhatThePlanKeepsPlusWhatItCreates() {
    String hook =
        "{'owner_client_id':'c1','type':'license','action':'incoming_chat','url':'https://h/%s'}";
    var d =
        new Fixtures.Desired()
            .section(
                Kind.WEBHOOKS,
                res(Kind.WEBHOOKS, String.format(hook, "b")),
                res(Kind.WEBHOOKS, String.format(hook, "c")),
                res(Kind.WEBHOOKS, String.format(hook, "d")))
            .build();
    var l =
        liveState(
            live(Kind.WEBHOOKS, "w1", String.format(hook, "a")),
            live(
                Kind.WEBHOOKS,
                "w9",
                String.format(hook, "x").replace("incoming_chat", "chat_deactivated")));
    var noPrune =
        new PlanOptions(ApiVersion.V3_6, Fixtures.TARGET, false, false, OptionalInt.empty());
    assertThatThrownBy(() -> new Planner().plan(d, l, noPrune))
        .isInstanceOf(PlanRefusedException.class)
        .hasMessageContaining(
            "webhooks c1/incoming_chat: the plan creates 3 and keeps 1 live (ids w1), 4 in all, but"
                + " the API allows at most 3 webhooks per action per Client ID")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("https://h/a"));
    // pruned, the live one goes first: 3 in the slot
    assertThat(plan(d, l).actions()).extracting(Action::type).contains(ActionType.DELETE);
  }

  @Test
  void twoLiveBotsWithOneOwnerAndNameAreAnError() {
    String bot = "{'name':'T','owner_client_id':'c1'}";
    var d = new Fixtures.Desired().section(Kind.BOTS, res(Kind.BOTS, bot)).build();
    var l = liveState(live(Kind.BOTS, "b1", bot), live(Kind.BOTS, "b2", bot));
    assertThatThrownBy(() -> plan(d, l)).hasMessageContaining("ids b1, b2");
  }

  @Test
  void otherAppsObjectsAreNeverPruned() {
    var d =
        new Fixtures.Desired()
            .section(Kind.BOTS, res(Kind.BOTS, "{'name':'Mine','owner_client_id':'c1'}"))
            .build();
    var l =
        liveState(
            live(Kind.BOTS, "b1", "{'name':'Mine','owner_client_id':'c1'}"),
            live(Kind.BOTS, "b2", "{'name':'Old','owner_client_id':'c1'}"),
            live(Kind.BOTS, "b3", "{'name':'Theirs','owner_client_id':'c2'}"));
    Action a = only(plan(d, l));
    assertThat(a.type()).isEqualTo(ActionType.DELETE);
    assertThat(a.liveId()).contains("b2");
  }

  @Test
  void listedDefaultValuesAreNeverPruned() {
    var d =
        new Fixtures.Desired()
            .section(
                Kind.LICENSE_PROPERTIES,
                res(Kind.LICENSE_PROPERTIES, "{'namespace':'c','name':'a','value':1}"))
            .build();
    var l =
        liveState(
            live(Kind.LICENSE_PROPERTIES, "c/a", "{'namespace':'c','name':'a','value':1}"),
            live(
                Kind.LICENSE_PROPERTIES,
                "c/b",
                "{'namespace':'c','name':'b','value':'x','_api_default':true}"),
            live(Kind.LICENSE_PROPERTIES, "c/z", "{'namespace':'c','name':'z','value':'set'}"));
    Action a = only(plan(d, l));
    assertThat(a.type()).isEqualTo(ActionType.DELETE);
    assertThat(a.address()).isEqualTo("license_properties/c/z");
  }
}
