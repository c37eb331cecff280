package io.chatform.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.kinds.LiveObject;
import io.chatform.kinds.LiveState;
import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import io.chatform.model.Policy;
import io.chatform.model.Resource;
import io.chatform.model.SourceLocation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Small builders so planner tests read like the manifests and accounts they describe. */
final class Fixtures {
  static final Target TARGET = new Target("http://localhost", "acct", "3.6");

  private Fixtures() {}

  static ObjectNode json(String text) {
    try {
      return (ObjectNode) Json.MAPPER.readTree(text.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  static Resource res(Kind kind, String json) {
    return new Resource(kind, json(json), new SourceLocation("m.yaml", 1, 1), Map.of());
  }

  static LiveObject live(Kind kind, String id, String json) {
    return new LiveObject(kind, id, json(json));
  }

  /** A desired state; pass kind, then resources (a kind with no resources is an empty section). */
  static final class Desired {
    private final Map<Kind, List<Resource>> sections = new LinkedHashMap<>();
    private Policy policy = Policy.DEFAULT;

    Desired section(Kind kind, Resource... rs) {
      sections.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(List.of(rs));
      return this;
    }

    Desired policy(Policy p) {
      policy = p;
      return this;
    }

    DesiredState build() {
      return new DesiredState(policy, sections, "hash");
    }
  }

  static LiveState liveState(Optional<String> caller, LiveObject... objects) {
    Map<Kind, List<LiveObject>> m = new EnumMap<>(Kind.class);
    for (Kind k : Kind.values()) {
      m.put(k, new ArrayList<>());
    }
    for (LiveObject o : objects) {
      m.get(o.kind()).add(o);
    }
    return new LiveState(m, caller);
  }

  static LiveState liveState(LiveObject... objects) {
    return liveState(Optional.empty(), objects);
  }

  static Plan plan(DesiredState d, LiveState l) {
    // As the commands do: the routing order after apply is worked out from the live order.
    return RoutingOrder.attach(
        new Planner().plan(d, l, PlanOptions.defaults(ApiVersion.V3_6, TARGET)), d, l);
  }

  static Action only(Plan p) {
    if (p.actions().size() != 1) {
      throw new AssertionError("expected one action, got " + p.actions());
    }
    return p.actions().get(0);
  }
}
