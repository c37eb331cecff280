package io.chatform.repair;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.kinds.RepairStep;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which duplicate is kept, and which calls move references to it, from raw account data. */
class DuplicateFinderTest {
  static ObjectNode group(long id, String name) {
    return Json.object().put("id", id).put("name", name);
  }

  static ObjectNode agent(String id, long... groups) {
    ObjectNode a = Json.object().put("id", id);
    var gs = a.putArray("groups");
    for (long g : groups) {
      gs.addObject().put("id", g).put("priority", g == groups[0] ? "first" : "normal");
    }
    return a;
  }

  static ObjectNode rule(String id, String description, long... groups) {
    ObjectNode r = Json.object().put("id", id).put("description", description);
    var gs = r.putObject("access").putArray("groups");
    for (long g : groups) {
      gs.add(g);
    }
    return r;
  }

  static RawAccount account(
      List<ObjectNode> groups,
      List<ObjectNode> agents,
      List<ObjectNode> rules,
      List<ObjectNode> values) {
    return new RawAccount(
        Map.of(
            Kind.GROUPS, groups,
            Kind.AGENTS, agents,
            Kind.AUTO_ACCESS, rules,
            Kind.GROUP_PROPERTIES, values));
  }

  @Test
  void theMostReferencedGroupIsKeptAndEveryReferenceMovesToIt() {
    ObjectNode values = Json.object().put("id", 7);
    values.putObject("properties").putObject("ns").put("sla", 30);
    RawAccount raw =
        account(
            List.of(group(0, "General"), group(3, "Support"), group(7, "Support")),
            List.of(agent("a@x", 7, 3), agent("b@x", 7)),
            List.of(rule("r1", "one", 3), rule("r2", "two", 7, 3)),
            List.of(values));
    List<DuplicateSet> sets = new DuplicateFinder(raw).find(Set.of(Kind.GROUPS));
    assertThat(sets).hasSize(1);
    DuplicateSet d = sets.get(0);
    assertThat(d.keeperId())
        .isEqualTo("7"); // 2 members + 1 rule + 1 value against 1 member + 2 rules
    assertThat(d.extraIds()).containsExactly("3");
    assertThat(d.explanation())
        .anyMatch(l -> l.startsWith("keep 7: referenced most (4 reference(s))"));
    assertThat(d.steps())
        .extracting(RepairStep::method)
        .containsExactly(
            "update_auto_access", "update_auto_access", "update_agent", "delete_group");
    assertThat(d.steps().get(0).body().toString())
        .isEqualTo("{\"id\":\"r1\",\"access\":{\"groups\":[7]}}");
    assertThat(d.steps().get(1).body().toString())
        .isEqualTo("{\"id\":\"r2\",\"access\":{\"groups\":[7]}}");
    // a@x was in both: it keeps its membership of 7 and drops 3
    assertThat(d.steps().get(2).body().toString())
        .isEqualTo("{\"id\":\"a@x\",\"groups\":[{\"id\":7,\"priority\":\"first\"}]}");
    assertThat(d.steps().get(3).body().toString()).isEqualTo("{\"id\":3}");
  }

  @Test
  void aTieIsBrokenByTheLowestGroupIdAndSaysSo() {
    RawAccount raw =
        account(
            List.of(group(5, "Sales"), group(2, "Sales")),
            List.of(agent("a@x", 5), agent("b@x", 2)),
            List.of(),
            List.of());
    DuplicateSet d = new DuplicateFinder(raw).find(Set.of(Kind.GROUPS)).get(0);
    assertThat(d.keeperId()).isEqualTo("2");
    assertThat(d.explanation())
        .anyMatch(
            l ->
                l.contains(
                    "tie at 1 reference(s); kept by rule: the lowest id (the oldest group)"));
    assertThat(d.steps().get(0).body().toString())
        .isEqualTo("{\"id\":\"a@x\",\"groups\":[{\"id\":2,\"priority\":\"first\"}]}");
  }

  @Test
  void groupValuesMoveUnlessTheKeeperHasTheirOwn() {
    ObjectNode kept = Json.object().put("id", 1);
    kept.putObject("properties").putObject("ns").put("sla", 10);
    ObjectNode extra = Json.object().put("id", 9);
    extra.putObject("properties").putObject("ns").put("sla", 99).put("tier", "gold");
    RawAccount raw =
        account(
            List.of(group(1, "X"), group(9, "X")),
            List.of(agent("a@x", 1)),
            List.of(),
            List.of(kept, extra));
    DuplicateSet d = new DuplicateFinder(raw).find(Set.of(Kind.GROUPS)).get(0);
    assertThat(d.keeperId()).isEqualTo("1"); // 1 member + 1 value against 2 values: tie, lowest id
    assertThat(d.steps().get(0).method()).isEqualTo("update_group_properties");
    assertThat(d.steps().get(0).body().toString())
        .isEqualTo("{\"group_id\":1,\"properties\":{\"ns\":{\"tier\":\"gold\"}}}");
  }

  @Test
  void generalIsAlwaysTheKeeperAndNoDuplicatesMeansNoSets() {
    RawAccount raw =
        account(
            List.of(group(0, "General"), group(4, "General")),
            List.of(agent("a@x", 4), agent("b@x", 4)),
            List.of(),
            List.of());
    DuplicateSet d = new DuplicateFinder(raw).find(Set.of(Kind.GROUPS)).get(0);
    assertThat(d.keeperId()).isEqualTo("0");
    assertThat(d.explanation()).anyMatch(l -> l.contains("group 0 (General) can never be deleted"));
    RawAccount clean =
        account(List.of(group(0, "General"), group(1, "A")), List.of(), List.of(), List.of());
    assertThat(new DuplicateFinder(clean).find(Set.of(Kind.GROUPS, Kind.AUTO_ACCESS))).isEmpty();
  }

  @Test
  void duplicateRulesKeepTheEarliestInTheOrder() {
    RawAccount raw =
        account(
            List.of(group(1, "A")),
            List.of(),
            List.of(rule("z9", "Shop", 1), rule("mid", "Other", 1), rule("a1", "Shop", 1)),
            List.of());
    DuplicateSet d = new DuplicateFinder(raw).find(Set.of(Kind.AUTO_ACCESS)).get(0);
    assertThat(d.keeperId()).isEqualTo("z9");
    assertThat(d.steps()).extracting(s -> s.body().toString()).containsExactly("{\"id\":\"a1\"}");
  }

  static ObjectNode bot(String id, String name, long... groups) {
    ObjectNode b = agent(id, groups).put("name", name).put("owner_client_id", "cid");
    return b;
  }

  @Test
  void aGroupsExplanationNamesEveryReferenceByStageRulesMembersThenValues() {
    ObjectNode values = Json.object().put("id", 7);
    values.putObject("properties").putObject("ns").put("sla", 30);
    RawAccount raw =
        new RawAccount(
            Map.of(
                Kind.GROUPS, List.of(group(3, "Support"), group(7, "Support")),
                Kind.AGENTS, List.of(agent("a@x", 7, 3), agent("b@x", 7)),
                Kind.BOTS, List.of(bot("b1", "Triage", 3, 7)),
                Kind.AUTO_ACCESS, List.of(rule("r1", "one", 3), rule("r2", "two", 7)),
                Kind.GROUP_PROPERTIES, List.of(values)));
    DuplicateSet d = new DuplicateFinder(raw).find(Set.of(Kind.GROUPS)).get(0);
    assertThat(d.explanation())
        .containsExactly(
            "group 3: routed to by 1 rule(s) [r1], 2 member(s) [a@x, bot b1], 0 property value(s)"
                + " []",
            "group 7: routed to by 1 rule(s) [r2], 3 member(s) [a@x, b@x, bot b1], 1 property"
                + " value(s) [ns/sla]",
            "keep 7: referenced most (5 reference(s))");
    // rules first, then agents, then bots, then the group goes
    assertThat(d.steps())
        .extracting(RepairStep::method)
        .containsExactly("update_auto_access", "update_agent", "update_bot", "delete_group");
    assertThat(d.steps().get(2).body().toString())
        .isEqualTo(
            "{\"id\":\"b1\",\"owner_client_id\":\"cid\",\"groups\":[{\"id\":7,\"priority\":\"normal\"}]}");
  }

  @Test
  void duplicateBotsKeepTheOneInMostGroupsWhichJoinsTheExtrasGroups() {
    RawAccount raw =
        new RawAccount(
            Map.of(
                Kind.BOTS,
                List.of(bot("b2", "Triage", 1, 2), bot("b1", "Triage", 3), bot("b9", "Other"))));
    DuplicateSet d = new DuplicateFinder(raw).find(Set.of(Kind.BOTS)).get(0);
    assertThat(d.address()).isEqualTo("bots/cid/Triage");
    assertThat(d.keeperId()).isEqualTo("b2");
    assertThat(d.extraIds()).containsExactly("b1");
    assertThat(d.explanation())
        .containsExactly(
            "bot b2: member of 2 group(s) [1, 2]",
            "bot b1: member of 1 group(s) [3]",
            "keep b2: referenced most (2 reference(s))");
    assertThat(d.steps())
        .extracting(s -> s.method() + " " + s.body())
        .containsExactly(
            "update_bot {\"id\":\"b2\",\"owner_client_id\":\"cid\",\"groups\":[{\"id\":1,\"priority\":\"first\"},{\"id\":2,\"priority\":\"normal\"},{\"id\":3,\"priority\":\"first\"}]}",
            "delete_bot {\"id\":\"b1\",\"owner_client_id\":\"cid\"}");
  }

  @Test
  void duplicateWebhooksKeepTheSmallestIdAndUnregisterTheRest() {
    ObjectNode w = Json.object().put("owner_client_id", "cid").put("type", "license");
    w.put("action", "incoming_chat").put("url", "https://h.example/a");
    RawAccount raw =
        new RawAccount(
            Map.of(
                Kind.WEBHOOKS,
                List.of(
                    w.deepCopy().put("id", "w5").put("secret_key", "s3cr3t"),
                    w.deepCopy().put("id", "w1").put("description", "old"))));
    DuplicateSet d = new DuplicateFinder(raw).find(Set.of(Kind.WEBHOOKS)).get(0);
    assertThat(d.keeperId()).isEqualTo("w1");
    assertThat(d.explanation())
        .containsExactly(
            "webhook w5: incoming_chat → https://h.example/a",
            "webhook w1: incoming_chat → https://h.example/a (old)",
            "keep w1: no references decide; kept by rule: the smallest id (nothing references a"
                + " webhook; its secret cannot be read, so pass --replace to apply if unsure it is"
                + " the manifest's)");
    assertThat(d.steps())
        .extracting(s -> s.method() + " " + s.body())
        .containsExactly("unregister_webhook {\"id\":\"w5\",\"owner_client_id\":\"cid\"}");
    assertThat(d.toString() + d.explanation() + d.steps()).doesNotContain("s3cr3t");
  }

  @Test
  void onlyKindsWithMergeableDuplicatesAreRepairedAndAGroupMergeReadsItsReferrers() {
    assertThat(
            io.chatform.kinds.Kinds.all().stream()
                .filter(io.chatform.kinds.Mergeable.class::isInstance)
                .map(k -> k.kind()))
        .containsExactly(
            Kind.GROUPS,
            Kind.BOTS,
            Kind.AUTO_ACCESS,
            Kind.WEBHOOKS,
            Kind.GREETINGS,
            Kind.CANNED_RESPONSES);
    assertThat(
            io.chatform.kinds.Kinds.ability(Kind.GROUPS, io.chatform.kinds.Mergeable.class)
                .orElseThrow()
                .mergeReads())
        .containsExactlyInAnyOrder(Kind.AGENTS, Kind.BOTS, Kind.AUTO_ACCESS, Kind.GROUP_PROPERTIES);
  }

  @Test
  void duplicateGreetingsAreAddressedByGroupNameAndTheOldestIsKept() {
    ObjectNode hi = Json.object().put("name", "Hi").put("type", "normal").put("active", true);
    RawAccount raw =
        new RawAccount(
            Map.of(
                Kind.GROUPS,
                List.of(group(0, "General"), group(3, "Support")),
                Kind.GREETINGS,
                List.of(
                    hi.deepCopy().put("id", 12).put("group", 3),
                    hi.deepCopy().put("id", 5).put("group", 3).put("active", false),
                    hi.deepCopy().put("id", 7).put("group", 0))));
    List<DuplicateSet> sets = new DuplicateFinder(raw).find(Set.of(Kind.GREETINGS));
    assertThat(sets).hasSize(1); // General/Hi is another greeting
    DuplicateSet d = sets.get(0);
    assertThat(d.address()).isEqualTo("greetings/Support/Hi");
    assertThat(d.keeperId()).isEqualTo("5");
    assertThat(d.explanation())
        .containsExactly(
            "greeting 12: active, type normal",
            "greeting 5: inactive, type normal",
            "keep 5: no references decide; kept by rule: the smallest id (the oldest; nothing"
                + " references a greeting, and plan then makes the kept one match the manifest)");
    assertThat(d.steps())
        .extracting(st -> st.method() + " " + st.body())
        .containsExactly("delete_greeting {\"id\":12}");
  }

  @Test
  void duplicateCannedResponsesShareAGroupAndAFirstTag() {
    ObjectNode r = Json.object().put("text", "Hello").put("group_id", 3);
    RawAccount raw =
        new RawAccount(
            Map.of(
                Kind.GROUPS,
                List.of(group(3, "Support")),
                Kind.CANNED_RESPONSES,
                List.of(
                    r.deepCopy().put("id", 40).set("tags", Json.array().add("hello").add("x")),
                    r.deepCopy().put("id", 41).set("tags", Json.array().add("bye")),
                    r.deepCopy()
                        .put("id", 9)
                        .put("is_private", true)
                        .set("tags", Json.array().add("hello")))));
    DuplicateSet d = new DuplicateFinder(raw).find(Set.of(Kind.CANNED_RESPONSES)).get(0);
    assertThat(d.address()).isEqualTo("canned_responses/Support/hello");
    assertThat(d.keeperId()).isEqualTo("9");
    assertThat(d.extraIds()).containsExactly("40");
    assertThat(d.explanation())
        .startsWith(
            "canned response 40: tags [\"hello\",\"x\"]",
            "canned response 9: tags [\"hello\"], private");
    assertThat(d.steps())
        .extracting(st -> st.method() + " " + st.body())
        .containsExactly("delete_canned_response {\"id\":40}");
  }
}
