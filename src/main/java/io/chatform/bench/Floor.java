package io.chatform.bench;

import io.chatform.kinds.Kinds;
import io.chatform.kinds.Owners;
import io.chatform.model.DesiredState;
import io.chatform.model.Kind;
import io.chatform.plan.Action;
import io.chatform.plan.ActionType;
import io.chatform.plan.Plan;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The least work a plan needs, as the benchmark's yardstick: the minimal number of API calls (one
 * per write, batches of up to the batch size where the runner batches, one list call per kind and
 * app to read) and the latency floor — the sum over dependency levels of {@code ceil(calls at that
 * level / parallelism)} round trips. No executor can beat the floor when every call takes the same
 * latency.
 */
public final class Floor {
  private Floor() {}

  /** One dependency level: actions whose longest chain of dependencies has this length. */
  public record Level(int index, int actions, long calls, long roundTrips) {}

  /**
   * The minimal calls and round trips of one plan, reads first.
   *
   * @param readCalls list calls of the snapshot (all in parallel: {@code readRoundTrips})
   * @param levels the write levels, in order
   */
  public record Result(long readCalls, long readRoundTrips, List<Level> levels) {
    public long writeCalls() {
      return levels.stream().mapToLong(Level::calls).sum();
    }

    public long minimalCalls() {
      return readCalls + writeCalls();
    }

    public long writeRoundTrips() {
      return levels.stream().mapToLong(Level::roundTrips).sum();
    }

    public long roundTrips() {
      return readRoundTrips + writeRoundTrips();
    }

    /** The floor of the writes alone, in milliseconds. */
    public long writeFloorMillis(long latencyMs) {
      return writeRoundTrips() * latencyMs;
    }

    /** The floor of the snapshot plus the writes, in milliseconds. */
    public long floorMillis(long latencyMs) {
      return roundTrips() * latencyMs;
    }
  }

  /**
   * Computes the floor of {@code plan}.
   *
   * @param batchGroup the runner's batch group of an action (empty = one call per action)
   * @param batchSize the largest batch
   * @param parallelism calls in flight at once
   * @param readCalls list calls needed to read the account first (0 = writes only)
   */
  public static Result of(
      Plan plan,
      Function<Action, Optional<String>> batchGroup,
      int batchSize,
      int parallelism,
      long readCalls) {
    if (batchSize < 1 || parallelism < 1) {
      throw new IllegalArgumentException("batch size and parallelism must be positive");
    }
    Map<String, Integer> levelOf = levels(plan.actions());
    int depth = levelOf.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;
    List<Level> levels = new ArrayList<>();
    for (int l = 0; l < depth; l++) {
      int index = l;
      List<Action> here =
          plan.actions().stream().filter(a -> levelOf.get(a.id()) == index).toList();
      long calls = 0;
      int sequential = 1;
      Map<String, Integer> batches = new LinkedHashMap<>();
      for (Action a : here) {
        Optional<String> g = batchSize > 1 ? batchGroup.apply(a) : Optional.empty();
        if (g.isPresent()) {
          batches.merge(g.get(), 1, Integer::sum);
        } else {
          int c = callsOf(a);
          calls += c;
          sequential = Math.max(sequential, c);
        }
      }
      for (int n : batches.values()) {
        calls += ceil(n, batchSize);
      }
      levels.add(new Level(l, here.size(), calls, Math.max(sequential, ceil(calls, parallelism))));
    }
    return new Result(readCalls, ceil(readCalls, parallelism), levels);
  }

  /** Calls one action makes on its own: a replace is an unregister then a register. */
  static int callsOf(Action a) {
    return a.type() == ActionType.REPLACE ? 2 : 1;
  }

  /** Level of each action: 0 without dependencies in the plan, else 1 + its deepest dependency. */
  static Map<String, Integer> levels(List<Action> actions) {
    Map<String, Action> byId = new HashMap<>();
    actions.forEach(a -> byId.put(a.id(), a));
    Map<String, Integer> out = new HashMap<>();
    for (Action a : actions) {
      level(a, byId, out, new java.util.HashSet<>());
    }
    return out;
  }

  private static int level(
      Action a, Map<String, Action> byId, Map<String, Integer> memo, Set<String> visiting) {
    Integer known = memo.get(a.id());
    if (known != null) {
      return known;
    }
    if (!visiting.add(a.id())) {
      throw new IllegalStateException("dependency cycle at " + a.id());
    }
    int l = 0;
    for (String d : a.dependsOn()) {
      Action dep = byId.get(d);
      if (dep != null) {
        l = Math.max(l, level(dep, byId, memo, visiting) + 1);
      }
    }
    visiting.remove(a.id());
    memo.put(a.id(), l);
    return l;
  }

  /**
   * The list calls a snapshot of {@code desired} makes (as {@link io.chatform.kinds.LiveReader}
   * reads): one per kind read (the managed ones and those they reference), or one per app for kinds
   * listed per app; a paged kind one per page of the objects the manifests declare (as seeded).
   */
  public static long readCalls(DesiredState desired) {
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    kinds.addAll(desired.sections().keySet());
    int owners = Owners.declared(desired).size();
    long n = 0;
    for (Kind k : Kinds.withReferenced(kinds)) {
      int page = Kinds.of(k).pageSize();
      int objects = desired.section(k).map(List::size).orElse(0);
      long pages = page > 0 ? Math.max(1, ceil(objects, page)) : 1; // the seeded account's pages
      n += Kinds.of(k).listedPerApp() ? owners * pages : pages;
    }
    return n;
  }

  private static long ceil(long n, long d) {
    return (n + d - 1) / d;
  }
}
