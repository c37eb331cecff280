package io.chatform.plan;

import static io.chatform.plan.Fixtures.json;
import static io.chatform.plan.Fixtures.live;
import static io.chatform.plan.Fixtures.liveState;
import static io.chatform.plan.Fixtures.only;
import static io.chatform.plan.Fixtures.plan;
import static io.chatform.plan.Fixtures.res;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.kinds.LiveObject;
import io.chatform.kinds.LiveState;
import io.chatform.model.Kind;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Each destructive step carries ⚠ and a worded reason; a group's also what still names it. */
class DestructiveTest {
  private static final String BOT = "{'owner_client_id':'c1','name':'%s'}";

  private static Action delete(Kind kind, String address, String id, String spec) {
    return new Action.Delete(
        new Action.Head(address + "#delete", kind, address, List.of(), false, Map.of(), List.of()),
        id,
        json(spec));
  }

  private static Action replace(Kind kind, String address, String spec, boolean marked) {
    return new Action.Replace(
        new Action.Head(
            address + "#replace",
            kind,
            address,
            List.of(),
            marked,
            Map.of(),
            marked ? List.of("already said why") : List.of()),
        new Action.Write("1", json(spec), json(spec), List.of()),
        Action.Reason.CANNOT_UPDATE,
        Optional.empty());
  }

  @Test
  void deletingAnAgentIsMarked() {
    var d =
        new Fixtures.Desired()
            .section(Kind.AGENTS, res(Kind.AGENTS, "{'id':'ann@x.example'}"))
            .build();
    var l =
        liveState(
            live(Kind.AGENTS, "ann@x.example", "{'id':'ann@x.example'}"),
            live(Kind.AGENTS, "zed@x.example", "{'id':'zed@x.example'}"));
    Action a = only(plan(d, l));
    assertThat(a.irreversible()).isTrue();
    assertThat(ReplaceReasons.warning(a))
        .contains("deletes a person's LiveChat account, which cannot be restored");
  }

  @Test
  void deletingABotIsMarked() {
    var d =
        new Fixtures.Desired()
            .section(Kind.BOTS, res(Kind.BOTS, String.format(BOT, "Keeper")))
            .build();
    var l =
        liveState(
            live(Kind.BOTS, "b1", String.format(BOT, "Keeper")),
            live(Kind.BOTS, "b2", String.format(BOT, "Old")));
    Action a = only(plan(d, l));
    assertThat(a.type()).isEqualTo(ActionType.DELETE);
    assertThat(a.irreversible()).isTrue();
    assertThat(ReplaceReasons.warning(a).orElseThrow()).contains("id and secret are gone");
  }

  @Test
  void replacingAWebhookIsMarked() {
    Plan p = ReadablePlanTest.replaceReason();
    Action hook =
        p.actions().stream().filter(a -> a.kind() == Kind.WEBHOOKS).findFirst().orElseThrow();
    assertThat(hook.type()).isEqualTo(ActionType.REPLACE);
    assertThat(hook.irreversible()).isTrue();
    assertThat(ReplaceReasons.warning(hook).orElseThrow()).contains("are not delivered");
  }

  @Test
  void replacingABotOrAGroupIsMarked() {
    var d = new Fixtures.Desired().build();
    Action bot =
        Destructive.mark(
                List.of(replace(Kind.BOTS, "bots/c1/B", String.format(BOT, "B"), false)),
                d,
                liveState())
            .get(0);
    assertThat(ReplaceReasons.warning(bot).orElseThrow()).contains("new id and a new secret");
    Action group =
        Destructive.mark(
                List.of(replace(Kind.GROUPS, "groups/G", "{'name':'G'}", false)), d, liveState())
            .get(0);
    assertThat(group.irreversible()).isTrue();
    assertThat(ReplaceReasons.warning(group).orElseThrow()).contains("the group gets a new id");
  }

  @Test
  void aStepAlreadyMarkedKeepsItsReasonAndGainsTheReferrers() {
    var d = new Fixtures.Desired().build();
    var l = liveState(live(Kind.AUTO_ACCESS, "r1", "{'description':'Rule','groups':['G']}"));
    Action a =
        Destructive.mark(List.of(replace(Kind.GROUPS, "groups/G", "{'name':'G'}", true)), d, l)
            .get(0);
    assertThat(a.irreversible()).isTrue();
    assertThat(ReplaceReasons.warning(a)).contains("already said why");
    assertThat(a.notes())
        .containsExactly(
            "still pointed at by 1 object: auto_access/Rule (section not managed by the"
                + " manifests)",
            "already said why");
  }

  /** A group's greetings go with it: its delete says so, unmanaged greetings included. */
  @Test
  void aGroupDeleteListsTheGreetingsOfTheGroup() {
    var d = new Fixtures.Desired().build();
    var l =
        liveState(
            live(Kind.GREETINGS, "5", "{'name':'Hello','group':'G'}"),
            live(Kind.GREETINGS, "6", "{'name':'Hello','group':'Other'}"));
    Action a =
        Destructive.mark(List.of(delete(Kind.GROUPS, "groups/G", "1", "{'name':'G'}")), d, l)
            .get(0);
    assertThat(a.irreversible()).isTrue();
    assertThat(a.notes())
        .contains(
            "still pointed at by 1 object: greetings/G/Hello (section not managed by the"
                + " manifests)");
  }

  @Test
  void updatesAndCreatesAreLeftAlone() {
    var d =
        new Fixtures.Desired()
            .section(Kind.GROUPS, res(Kind.GROUPS, "{'name':'G','language_code':'de'}"))
            .build();
    var l = liveState(live(Kind.GROUPS, "3", "{'name':'G','language_code':'en'}"));
    Action a = only(plan(d, l));
    assertThat(a.type()).isEqualTo(ActionType.UPDATE);
    assertThat(a.irreversible()).isFalse();
  }

  /**
   * Night shift goes: Ann moves off it (so she no longer names it), the protected boss stays in it,
   * and an unmanaged rule and bot still name it.
   */
  static Plan groupDelete() {
    var d =
        new Fixtures.Desired()
            .policy(new io.chatform.model.Policy(true, List.of("agents/boss@x.example"), List.of()))
            .section(
                Kind.GROUPS,
                res(Kind.GROUPS, "{'name':'General'}"),
                res(Kind.GROUPS, "{'name':'Support'}"))
            .section(
                Kind.AGENTS,
                res(
                    Kind.AGENTS,
                    "{'id':'ann@x.example','groups':[{'group':'Support','priority':'normal'}]}"))
            .build();
    Map<Kind, List<LiveObject>> managed = new java.util.EnumMap<>(Kind.class);
    managed.put(
        Kind.GROUPS,
        List.of(
            live(Kind.GROUPS, "0", "{'name':'General'}"),
            live(Kind.GROUPS, "1", "{'name':'Support'}"),
            live(Kind.GROUPS, "7", "{'name':'Night shift'}")));
    managed.put(
        Kind.AGENTS,
        List.of(
            live(
                Kind.AGENTS,
                "ann@x.example",
                "{'id':'ann@x.example','groups':[{'group':'Support','priority':'normal'},"
                    + "{'group':'Night shift','priority':'normal'}]}"),
            live(
                Kind.AGENTS,
                "boss@x.example",
                "{'id':'boss@x.example','groups':[{'group':'Night shift','priority':'first'}]}")));
    Map<Kind, List<LiveObject>> unmanaged = new java.util.EnumMap<>(Kind.class);
    unmanaged.put(
        Kind.AUTO_ACCESS,
        List.of(
            live(Kind.AUTO_ACCESS, "r1", "{'description':'Nights','groups':['Night shift']}"),
            live(Kind.AUTO_ACCESS, "r2", "{'description':'Days','groups':['Support']}")));
    return plan(d, new LiveState(managed, Optional.empty(), unmanaged));
  }

  @Test
  void deletingAGroupNamesWhatStillPointsAtIt() {
    Plan p = groupDelete();
    Action g =
        p.actions().stream()
            .filter(a -> a.address().equals("groups/Night shift"))
            .findFirst()
            .orElseThrow();
    assertThat(g.irreversible()).isTrue();
    assertThat(ReplaceReasons.warning(g).orElseThrow()).contains("id is gone for good");
    assertThat(g.notes())
        .contains(
            "still pointed at by 2 objects: agents/boss@x.example, auto_access/Nights (section"
                + " not managed by the manifests)");
    String text = new TextRenderer(false).render(p);
    assertThat(text).contains("# still pointed at by 2 objects").doesNotContain("ann@x.example,");
  }

  @Test
  void aLongListOfReferrersIsCut() {
    List<String> many =
        java.util.stream.IntStream.range(0, 12).mapToObj(i -> "agents/a" + i).toList();
    assertThat(Destructive.pointedAtBy(many))
        .startsWith("still pointed at by 12 objects: agents/a0, ")
        .endsWith("agents/a9, … and 2 more");
  }

  @Test
  void aReferrerWithASecretIdentityIsNamedByItsReference() {
    String rule = "{'description':'s3cret rule','groups':['Support']}";
    var d =
        new Fixtures.Desired()
            .section(Kind.GROUPS, res(Kind.GROUPS, "{'name':'General'}"))
            .section(
                Kind.AUTO_ACCESS,
                new io.chatform.model.Resource(
                    Kind.AUTO_ACCESS,
                    json(rule),
                    new io.chatform.model.SourceLocation("m.yaml", 1, 1),
                    Map.of("/description", "${env:RULE}")))
            .build();
    var l =
        liveState(
            live(Kind.GROUPS, "0", "{'name':'General'}"),
            live(Kind.GROUPS, "2", "{'name':'Support'}"),
            live(Kind.AUTO_ACCESS, "r1", rule));
    Action g = only(plan(d, l));
    assertThat(g.notes())
        .contains("still pointed at by 1 object: auto_access/${env:RULE}")
        .noneMatch(n -> n.contains("s3cret"));
  }

  /**
   * A kind others name as members says why its delete is destructive: so a plan is ⚠ (and counted
   * by --max-destructive) whether or not the unmanaged referrers were read yet.
   */
  @Test
  void everyKindNamedAsAMemberHasADeleteWarning() {
    for (var k : io.chatform.kinds.Kinds.all()) {
      if (!io.chatform.kinds.Kinds.referrers(java.util.Set.of(k.kind())).isEmpty()) {
        assertThat(k.deleteWarning()).as(k.section()).isPresent();
        assertThat(k.replaceWarning()).as(k.section()).isPresent();
      }
    }
  }

  @Test
  void onlyAPlanThatDeletesANamedKindNeedsUnmanagedReads() {
    LiveState groupsOnly =
        new LiveState(
            Map.of(Kind.GROUPS, List.of(live(Kind.GROUPS, "7", "{'name':'Night shift'}"))),
            Optional.empty());
    var d = new Fixtures.Desired().section(Kind.GROUPS).build();
    var opts =
        new PlanOptions(
            io.chatform.model.ApiVersion.V3_6,
            Fixtures.TARGET,
            true,
            true,
            java.util.OptionalInt.empty(),
            java.util.Set.of());
    Plan deletes = new Planner().plan(d, groupsOnly, opts);
    assertThat(Destructive.unread(deletes, groupsOnly))
        .containsExactlyInAnyOrder(
            // canned responses name their group too (LiveReader skips them below 3.7)
            Kind.AGENTS,
            Kind.BOTS,
            Kind.AUTO_ACCESS,
            Kind.GROUP_PROPERTIES,
            Kind.TAGS,
            Kind.GREETINGS,
            Kind.CANNED_RESPONSES);
    var keep =
        new Fixtures.Desired()
            .section(Kind.GROUPS, res(Kind.GROUPS, "{'name':'Night shift'}"))
            .build();
    assertThat(Destructive.unread(new Planner().plan(keep, groupsOnly, opts), groupsOnly))
        .isEmpty();
  }
}
