package io.chatform.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.kinds.LiveState;
import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import io.chatform.model.Policy;
import io.chatform.model.Resource;
import io.chatform.model.SourceLocation;
import io.chatform.plan.Action;
import io.chatform.plan.ActionType;
import io.chatform.plan.Plan;
import io.chatform.plan.PlanOptions;
import io.chatform.plan.Planner;
import io.chatform.plan.Target;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class FloorTest {
  private static final Function<Action, Optional<String>> NO_BATCH = a -> Optional.empty();
  private static final Function<Action, Optional<String>> AGENT_BATCHES =
      a ->
          a.kind() == Kind.AGENTS
              ? Optional.of("batch_" + a.type().verb() + "_agents")
              : Optional.empty();

  @Test
  void levelsFollowTheLongestChainOfDependencies() {
    Plan plan =
        plan(
            action("a", ActionType.CREATE, Kind.GROUPS),
            action("b", ActionType.CREATE, Kind.AUTO_ACCESS, "a"),
            action("c", ActionType.CREATE, Kind.AUTO_ACCESS, "b", "a"),
            action("d", ActionType.CREATE, Kind.WEBHOOKS),
            action("e", ActionType.CREATE, Kind.WEBHOOKS, "missing-from-plan"));

    Floor.Result r = Floor.of(plan, NO_BATCH, 50, 2, 0);

    assertThat(Floor.levels(plan.actions()))
        .containsExactlyInAnyOrderEntriesOf(Map.of("a", 0, "b", 1, "c", 2, "d", 0, "e", 0));
    assertThat(r.levels()).extracting(Floor.Level::calls).containsExactly(3L, 1L, 1L);
    assertThat(r.levels()).extracting(Floor.Level::roundTrips).containsExactly(2L, 1L, 1L);
    assertThat(r.floorMillis(50)).isEqualTo(200);
    assertThat(Floor.of(plan, NO_BATCH, 50, 8, 0).floorMillis(50)).isEqualTo(150);
    assertThat(Floor.of(plan, NO_BATCH, 50, 1, 0).floorMillis(10)).isEqualTo(50);
  }

  @Test
  void batchableActionsCountOneCallPerBatchPerGroupAndLevel() {
    List<Action> actions = new ArrayList<>();
    actions.add(action("g", ActionType.CREATE, Kind.GROUPS));
    for (int i = 0; i < 120; i++) {
      actions.add(action("new" + i, ActionType.CREATE, Kind.AGENTS, "g"));
    }
    for (int i = 0; i < 10; i++) {
      actions.add(action("old" + i, ActionType.DELETE, Kind.AGENTS, "g"));
    }
    actions.add(action("late", ActionType.CREATE, Kind.AGENTS, "new0"));
    Plan plan = plan(actions.toArray(Action[]::new));

    Floor.Result batched = Floor.of(plan, AGENT_BATCHES, 50, 8, 4);
    Floor.Result single = Floor.of(plan, AGENT_BATCHES, 1, 8, 4);

    // level 1: creates 120 -> 3 batches, deletes 10 -> 1 batch; level 2: one more batch of 1
    assertThat(batched.levels()).extracting(Floor.Level::calls).containsExactly(1L, 4L, 1L);
    assertThat(batched.writeCalls()).isEqualTo(6);
    assertThat(batched.minimalCalls()).isEqualTo(10);
    assertThat(batched.readRoundTrips()).isEqualTo(1);
    assertThat(single.writeCalls()).isEqualTo(132);
    assertThat(single.levels()).extracting(Floor.Level::roundTrips).containsExactly(1L, 17L, 1L);
  }

  @Test
  void aReplaceIsTwoCallsInSequence() {
    Plan plan = plan(action("w", ActionType.REPLACE, Kind.WEBHOOKS));
    Floor.Result r = Floor.of(plan, NO_BATCH, 50, 8, 0);
    assertThat(r.writeCalls()).isEqualTo(2);
    assertThat(r.writeRoundTrips()).isEqualTo(2);
  }

  @Test
  void rejectsNonPositiveSettings() {
    Plan plan = plan(action("a", ActionType.CREATE, Kind.GROUPS));
    assertThatThrownBy(() -> Floor.of(plan, NO_BATCH, 0, 8, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Floor.of(plan, NO_BATCH, 50, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void readCallsAreOnePerKindAndOnePerAppForAppOwnedKinds() {
    Map<Kind, List<Resource>> sections = new EnumMap<>(Kind.class);
    sections.put(Kind.AGENTS, List.of());
    sections.put(Kind.AUTO_ACCESS, List.of());
    sections.put(
        Kind.WEBHOOKS,
        List.of(
            res(Kind.WEBHOOKS, Json.object().put("owner_client_id", "app1")),
            res(Kind.WEBHOOKS, Json.object().put("owner_client_id", "app2"))));
    DesiredState d = new DesiredState(Policy.DEFAULT, sections, "h");
    // groups (named by agents and rules) + agents + rules + one webhook list per app
    assertThat(Floor.readCalls(d)).isEqualTo(5);
    sections.remove(Kind.AGENTS);
    sections.remove(Kind.AUTO_ACCESS);
    assertThat(Floor.readCalls(new DesiredState(Policy.DEFAULT, sections, "h"))).isEqualTo(2);
  }

  @Test
  void aLargeAccountFromEmptyNeedsFewLevelsAndOneCallPerWriteOrBatch() {
    LargeAccount.Sizes sizes = new LargeAccount.Sizes(230, 20, 100, 40);
    DesiredState desired = generated(sizes);
    Plan plan =
        new Planner()
            .plan(
                desired,
                new LiveState(Map.of(), Optional.empty()),
                PlanOptions.defaults(ApiVersion.V3_6, new Target("http://x", "a", "3.6")));

    Floor.Result r = Floor.of(plan, AGENT_BATCHES, 50, 8, Floor.readCalls(desired));

    assertThat(plan.actions()).hasSize(230 + 20 + 100 + 40);
    // groups, agents, webhooks one call each or per batch of 50; 100 rules placed by halving
    assertThat(r.writeCalls()).isEqualTo(20 + 5 + 100 + 40);
    assertThat(r.levels().size()).as("levels: groups, then log2(100 rules)").isLessThanOrEqualTo(8);
    assertThat(r.readCalls()).isEqualTo(1 + 1 + 1 + 1); // groups, agents, rules, one app's hooks
  }

  private static DesiredState generated(LargeAccount.Sizes sizes) {
    ObjectNode root = new LargeAccount(sizes, ApiVersion.V3_6).manifest();
    Map<Kind, List<Resource>> sections = new EnumMap<>(Kind.class);
    for (Kind k : List.of(Kind.GROUPS, Kind.AGENTS, Kind.AUTO_ACCESS, Kind.WEBHOOKS)) {
      List<Resource> rs = new ArrayList<>();
      root.get(k.section()).forEach(n -> rs.add(res(k, (ObjectNode) n)));
      sections.put(k, rs);
    }
    return new DesiredState(Policy.DEFAULT, sections, "h");
  }

  private static Resource res(Kind kind, ObjectNode spec) {
    return new Resource(kind, spec, SourceLocation.NONE, Map.of());
  }

  private static Plan plan(Action... actions) {
    return new Plan(
        Plan.FORMAT_VERSION,
        new Target("http://x", "a", "3.6"),
        "h",
        List.of(actions),
        Map.of(),
        List.of());
  }

  private static Action action(String id, ActionType type, Kind kind, String... deps) {
    return io.chatform.plan.Steps.of(
        type,
        id,
        kind,
        kind.section() + "/" + id,
        "1",
        io.chatform.model.Json.object(),
        io.chatform.model.Json.object(),
        List.of(),
        List.of(deps),
        false,
        List.of());
  }
}
