package io.chatform.apply;

import io.chatform.kinds.LiveObject;
import io.chatform.kinds.LiveState;
import io.chatform.model.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells whether a snapshot of the account reflects the recent writes a {@link RecentWrites} source
 * knows of: every journaled create listed under its id, every journaled delete gone, every create
 * of unknown outcome either listed or out of the window. Only what does not depend on the lists
 * themselves counts as a source; the lists are merely checked against it. A write older than the
 * documented window ("after max 2 minutes") is visible by then and never holds a plan back.
 */
public final class ReadYourWrites {
  /** A write the snapshot does not show yet, and when the window for it ends. */
  public record Pending(RecentWrite write, String why, Instant until) {}

  private ReadYourWrites() {}

  /** The writes of {@code recent} that {@code state} does not reflect yet, oldest first. */
  public static List<Pending> pending(LiveState state, List<RecentWrite> recent, Duration window) {
    // The last word on each object wins: a replace deletes then creates the same identity.
    Map<String, RecentWrite> last = new LinkedHashMap<>();
    for (RecentWrite w : recent) {
      if (w.op() == RecentWrite.Op.ANY) {
        last.put("any\u0000" + w.at() + "\u0000" + w.identity(), w); // one per time and cause
        continue;
      }
      String byIdentity = w.kind().orElseThrow().name() + "\u0000identity:" + w.identity();
      switch (w.op()) {
        case STARTED, CREATE_UNKNOWN -> {
          last.remove(byIdentity);
          last.put(byIdentity, w);
        }
        case NOT_CREATED -> last.remove(byIdentity);
        default -> {
          if (w.op() == RecentWrite.Op.CREATED) {
            last.remove(byIdentity); // resolves the create's STARTED
          }
          String byId = w.kind().orElseThrow().name() + "\u0000" + w.id();
          last.remove(byId);
          last.put(byId, w);
        }
      }
    }
    List<Pending> out = new ArrayList<>();
    for (RecentWrite w : last.values()) {
      Instant until = w.at().plus(window);
      why(state, w).ifPresent(why -> out.add(new Pending(w, why, until)));
    }
    return out;
  }

  private static Optional<String> why(LiveState state, RecentWrite w) {
    if (w.op() == RecentWrite.Op.ANY) {
      return Optional.of(
          w.identity().isEmpty()
              ? "the account was written at " + w.at() + "; details unknown"
              : w.identity());
    }
    Kind kind = w.kind().orElseThrow();
    if (!state.wasRead(kind)) {
      return Optional.empty(); // not read for this plan, so not planned from either
    }
    // Managed or read to check and resolve names (the groups an agent names): both plan from it.
    List<LiveObject> live = state.read(kind);
    return switch (w.op()) {
      case CREATED ->
          live.stream().anyMatch(o -> o.liveId().equals(w.id()))
              ? Optional.empty()
              : Optional.of(w.describe() + " was created at " + w.at() + " and is not listed yet");
      case DELETED ->
          live.stream().anyMatch(o -> o.liveId().equals(w.id()))
              ? Optional.of(w.describe() + " was deleted at " + w.at() + " and is still listed")
              : Optional.empty();
      case STARTED, CREATE_UNKNOWN ->
          live.stream().anyMatch(o -> o.identity().equals(w.identity()))
              ? Optional.empty()
              : Optional.of(
                  w.describe()
                      + ": a create at "
                      + w.at()
                      + (w.op() == RecentWrite.Op.STARTED
                          ? " never got its answer (the process stopped)"
                          : " lost its answer")
                      + " and it is not listed (yet?)");
      case NOT_CREATED, ANY -> Optional.empty();
    };
  }

  /** When the last pending write's window ends (empty when nothing is pending). */
  public static Optional<Instant> until(List<Pending> pending) {
    return pending.stream().map(Pending::until).max(Instant::compareTo);
  }
}
