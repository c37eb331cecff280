package io.chatform.lock;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The lease generations a read saw, highest last. A read may lag the account by the API's
 * consistency delay, so a view only ever says what to *try*; holdership is decided by the
 * write-time uniqueness of the next generation's name, never by this view.
 */
public record LeaseView(NavigableMap<Long, LeaseRecord> generations, Instant readAt) {
  public LeaseView {
    generations = java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(generations));
  }

  /** The newest generation seen, if any. */
  public Optional<LeaseRecord> latest() {
    return generations.isEmpty()
        ? Optional.empty()
        : Optional.of(generations.lastEntry().getValue());
  }

  /** The generation a writer would create next. */
  public long nextGeneration() {
    return generations.isEmpty() ? 1 : generations.lastKey() + 1;
  }

  /** True when nobody holds the lease (none yet, released, or expired) as of this read. */
  public boolean free() {
    return latest().map(r -> !r.held() || r.expiredAt(readAt)).orElse(true);
  }

  /**
   * When the last apply's writes ended, as far as this view shows: a free record's end, or an
   * expired lease's expiry (its holder died; its last write was no later than that).
   */
  public Optional<Instant> lastApplyEnded() {
    return latest().flatMap(r -> r.held() ? Optional.of(r.expires()) : r.ended());
  }

  /** One line for users. */
  public String describe() {
    return latest()
        .map(
            r ->
                r.held() && r.expiredAt(readAt)
                    ? "stale: " + r.describe() + " (expired; the next writer takes it over)"
                    : r.describe())
        .orElse("free (never taken)");
  }

  /** The state recorded in a saved plan ({@code lease} in schemas/plan.schema.json). */
  public ObjectNode json() {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    Optional<LeaseRecord> top = latest();
    o.put(
        "state", top.isEmpty() ? "free" : free() ? (top.get().held() ? "stale" : "free") : "held");
    o.put("seen_at", readAt.toString());
    top.ifPresent(
        r -> {
          o.put("generation", r.generation());
          o.put("holder", r.holder());
          o.put("since", r.since().toString());
          if (r.held() && !r.expires().equals(Instant.MAX)) {
            o.put("expires", r.expires().toString());
          }
        });
    lastApplyEnded()
        .filter(t -> !t.equals(Instant.MAX))
        .ifPresent(t -> o.put("last_apply_ended", t.toString()));
    return o;
  }
}
