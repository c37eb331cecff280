package io.chatform.plan;

import static io.chatform.plan.Fixtures.json;
import static io.chatform.plan.Fixtures.res;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.kinds.LiveObject;
import io.chatform.kinds.LiveState;
import io.chatform.model.Kind;
import io.chatform.model.Resource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The plan grows linearly with the account, checked by counting, not timing: how often the live
 * specs of agents are read while planning the removal of {@code n} groups and the agents'
 * memberships in them. Once each delete scanned every agent (Destructive's referrers, Dependencies'
 * pairs), so the reads grew with n²; indexed once, they grow with n.
 */
class PlanScalingTest {
  /** A spec that counts the field look-ups made on it. */
  static final class CountingNode extends ObjectNode {
    private final AtomicLong reads;

    CountingNode(ObjectNode fields, AtomicLong reads) {
      super(JsonNodeFactory.instance);
      this.reads = reads;
      setAll(fields);
    }

    @Override
    public JsonNode get(String field) {
      reads.incrementAndGet();
      return super.get(field);
    }

    @Override
    public JsonNode path(String field) {
      reads.incrementAndGet();
      return super.path(field);
    }
  }

  /** Reads of the agents' live specs for a plan removing n groups, agent i being in group i. */
  private static long reads(int n) {
    AtomicLong reads = new AtomicLong();
    Map<Kind, List<LiveObject>> live = new EnumMap<>(Kind.class);
    List<LiveObject> groups =
        new ArrayList<>(List.of(new LiveObject(Kind.GROUPS, "0", json("{'name':'General'}"))));
    List<LiveObject> agents = new ArrayList<>();
    List<Resource> desiredAgents = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      groups.add(new LiveObject(Kind.GROUPS, String.valueOf(i + 1), json("{'name':'G" + i + "'}")));
      String id = "a" + i + "@x.io";
      ObjectNode spec =
          json("{'id':'" + id + "','groups':[{'group':'G" + i + "','priority':'normal'}]}");
      agents.add(new LiveObject(Kind.AGENTS, id, new CountingNode(spec, reads)));
      desiredAgents.add(res(Kind.AGENTS, "{'id':'" + id + "','groups':[]}"));
    }
    live.put(Kind.GROUPS, groups);
    live.put(Kind.AGENTS, agents);
    var desired =
        new Fixtures.Desired()
            .section(Kind.GROUPS)
            .section(Kind.AGENTS, desiredAgents.toArray(Resource[]::new))
            .build();
    Plan p =
        new Planner()
            .plan(
                desired,
                new LiveState(live, Optional.empty()),
                new PlanOptions(
                    io.chatform.model.ApiVersion.V3_6,
                    Fixtures.TARGET,
                    true,
                    true,
                    java.util.OptionalInt.empty()));
    assertThat(p.actions()).filteredOn(a -> a.type() == ActionType.DELETE).hasSize(n);
    assertThat(p.actions()).filteredOn(a -> a.type() == ActionType.UPDATE).hasSize(n);
    return reads.get();
  }

  @Test
  void readsOfTheLiveSpecsGrowLinearlyWithTheDeletes() {
    long small = reads(20);
    long large = reads(80);
    assertThat(small).as("the counting specs are read at all").isPositive();
    // 4× the objects: linear is 4× the reads (a little slack); quadratic would be 16×.
    assertThat(large)
        .as("reads for 80 vs 20 groups: %d vs %d", large, small)
        .isLessThanOrEqualTo(5 * small);
  }
}
