package io.chatform.apply;

import java.time.Instant;
import java.util.Optional;

/**
 * What a rerun of the same apply can count on, so the report's advice is true: whether a local
 * write journal will make the rerun wait for this run's writes to show, and from when the API's
 * documented propagation window ("after max 2 minutes") is over for them.
 *
 * @param journal where this run's writes are journaled (see {@link WriteJournal}), if anywhere
 * @param settledAt when every write of this run shows in lists everywhere; empty if it made none
 * @param known false when nothing is known about this run's writes (library callers)
 */
public record Rerun(Optional<String> journal, Optional<Instant> settledAt, boolean known) {
  /** Nothing known: the advice says only what is true in any case. */
  public static final Rerun UNKNOWN = new Rerun(Optional.empty(), Optional.empty(), false);
}
