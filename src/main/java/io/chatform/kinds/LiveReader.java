package io.chatform.kinds;

import io.chatform.api.LiveChatClient;
import io.chatform.model.DesiredState;
import io.chatform.model.Kind;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Reads the managed kinds of an account with list calls in parallel (one round trip per kind and
 * app, never one call per object) and converts them to manifest-shaped live objects. Read-only.
 * What each kind calls and how it shapes the answers is the kind's own {@link
 * ResourceKind#list(Reading)}; a kind's references are read with it, to name them.
 */
public final class LiveReader {
  private final LiveChatClient client;

  public LiveReader(LiveChatClient client) {
    this.client = client;
  }

  /** What was read, and the group names it was read with. */
  public record Snapshot(LiveState state, Names names) {}

  /** Reads every kind {@code desired} manages (and what they reference, to name it). */
  public Snapshot read(DesiredState desired) {
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    kinds.addAll(desired.sections().keySet());
    return read(kinds, Owners.declared(desired));
  }

  public Snapshot read(Set<Kind> kinds, Set<String> owners) {
    return read(kinds, Set.of(), owners);
  }

  /**
   * {@code snapshot} with the objects of {@code unmanaged} (kinds the manifests do not manage) read
   * as well: only to say what a delete leaves pointing at nothing ({@link LiveState#unmanaged}).
   */
  public Snapshot withUnmanaged(Snapshot snapshot, Set<Kind> unmanaged, Set<String> owners) {
    Map<Kind, List<LiveObject>> others = new EnumMap<>(Kind.class);
    others.putAll(snapshot.state().unmanaged());
    others.putAll(read(Set.of(), unmanaged, owners).state().unmanaged());
    LiveState s = snapshot.state();
    return new Snapshot(new LiveState(s.objects(), s.callerAgentId(), others), snapshot.names());
  }

  private Snapshot read(Set<Kind> kinds, Set<Kind> referrers, Set<String> owners) {
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, client.config().parallelism()));
    try {
      Reading reading = new Reading(client, pool, owners);
      Map<Kind, Listing> listings = new EnumMap<>(Kind.class);
      Set<Kind> all = EnumSet.noneOf(Kind.class);
      all.addAll(kinds);
      all.addAll(referrers);
      for (Kind k : Kinds.withReferenced(all)) {
        // A kind this API version lacks is not read at all (so neither exported nor named as a
        // referrer): validation refuses its section below its version.
        if (client.version().atLeast(Kinds.of(k).since())) {
          listings.put(k, Kinds.of(k).list(reading));
        }
      }
      Map<Kind, List<LiveObject>> out = new EnumMap<>(Kind.class);
      Map<Kind, List<LiveObject>> others = new EnumMap<>(Kind.class);
      listings.forEach(
          (k, listing) -> {
            List<LiveObject> objects = listing.shape();
            if (kinds.contains(k)) {
              out.put(k, objects);
            } else {
              // A referrer of what a plan deletes, or a kind the managed ones name (groups an
              // agent is in): what a plan checks those names against.
              others.put(k, objects);
            }
          });
      return new Snapshot(new LiveState(out, reading.callerAgentId(), others), reading.names());
    } finally {
      pool.shutdownNow();
    }
  }
}
