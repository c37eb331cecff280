package io.chatform.cli;

import io.chatform.apply.RecentWrite;
import io.chatform.apply.RecentWrites;
import io.chatform.lock.LeaseRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Decides from the account lease whether the apply before this one may have left writes that the
 * lists do not show yet and that no local journal covers (another machine, or no journal).
 */
final class PreviousApply {
  private PreviousApply() {}

  /**
   * The previous apply's writes as one {@link RecentWrite.Op#ANY} write, when they may still be
   * unlisted at {@code now}: it wrote (or its record does not say), within {@code window}, and
   * {@code journaled} (this machine's journal; empty with {@code --no-journal}) does not name its
   * run.
   */
  static Optional<RecentWrite> unseen(
      Optional<LeaseRecord> previous,
      Optional<Predicate<String>> journaled,
      Instant now,
      Duration window) {
    if (previous.isEmpty()) {
      return Optional.empty();
    }
    LeaseRecord r = previous.get();
    // Never later than now: a holder's clock ahead of ours must not stretch the wait past the
    // window.
    Optional<Instant> at = r.possibleWrite().map(t -> t.isAfter(now) ? now : t);
    if (at.isEmpty() || !now.isBefore(at.get().plus(window))) {
      return Optional.empty();
    }
    if (journaled.isPresent() && !r.nonce().isEmpty() && journaled.get().test(r.nonce())) {
      return Optional.empty();
    }
    Instant ended = r.held() ? r.expires() : r.ended().orElse(at.get());
    long ago = Math.max(0, Duration.between(ended, now).toSeconds());
    String who = r.holder() + r.note().map(n -> ", " + n).orElse("");
    String why =
        "another apply (holder "
            + who
            + ") ended "
            + ago
            + " s ago "
            + (journaled.isPresent()
                ? "on another machine (its run is not in this machine's journal)"
                : "and this run keeps no journal (--no-journal)");
    return Optional.of(new RecentWrite(at.get(), Optional.empty(), RecentWrite.Op.ANY, "", why));
  }

  /** What this machine's journal keeps of {@code unseen}, for a later run here to wait for too. */
  static RecentWrite owed(RecentWrite unseen) {
    return new RecentWrite(
        unseen.at(),
        Optional.empty(),
        RecentWrite.Op.ANY,
        "",
        "an earlier run here had not yet waited out the writes of another apply (last write at "
            + unseen.at()
            + ", elsewhere)");
  }

  /** {@code unseen} as a source for {@link WriteWindow}. */
  static RecentWrites source(RecentWrite unseen) {
    return new RecentWrites() {
      @Override
      public List<RecentWrite> since(Instant since) {
        return unseen.at().isBefore(since) ? List.of() : List.of(unseen);
      }

      @Override
      public String source() {
        return "the account lease";
      }
    };
  }
}
