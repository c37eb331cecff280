package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.apply.RecentWrite;
import io.chatform.lock.LeaseRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** When the lease's previous apply makes this one wait for writes no local journal covers. */
class PreviousApplyTest {
  static final Instant END = Instant.parse("2026-12-01T10:00:00Z");
  static final Duration WINDOW = Duration.ofSeconds(120);
  static final Optional<Predicate<String>> JOURNAL_OF_RUN_A = Optional.of("run-a"::equals);

  /** A free record released by {@code run} at END; {@code wrote} empty = an older chatform's. */
  static Optional<LeaseRecord> released(String run, Optional<Boolean> wrote) {
    return Optional.of(
        new LeaseRecord(
            4,
            false,
            "ci@runner-7 pid 42",
            run,
            END,
            END,
            Optional.of(END),
            Optional.empty(),
            wrote,
            wrote.orElse(false) ? Optional.of(END.minusSeconds(1)) : Optional.empty()));
  }

  @Test
  void aRunThisMachinesJournalCoversNeedsNoWait() {
    assertThat(
            PreviousApply.unseen(
                released("run-a", Optional.of(true)), JOURNAL_OF_RUN_A, END.plusSeconds(2), WINDOW))
        .isEmpty();
  }

  @Test
  void aRunElsewhereThatWroteInsideTheWindowIsWaitedForFromItsLastWrite() {
    Optional<RecentWrite> w =
        PreviousApply.unseen(
            released("run-b", Optional.of(true)), JOURNAL_OF_RUN_A, END.plusSeconds(2), WINDOW);
    assertThat(w).isPresent();
    assertThat(w.get().op()).isEqualTo(RecentWrite.Op.ANY);
    assertThat(w.get().at()).isEqualTo(END.minusSeconds(1));
    assertThat(w.get().identity())
        .isEqualTo(
            "another apply (holder ci@runner-7 pid 42) ended 2 s ago on another machine (its run"
                + " is not in this machine's journal)");
    assertThat(
            PreviousApply.unseen(
                    released("run-a", Optional.of(true)),
                    Optional.empty(),
                    END.plusSeconds(2),
                    WINDOW)
                .orElseThrow()
                .identity())
        .as("--no-journal: not even this machine's own runs are covered")
        .endsWith("and this run keeps no journal (--no-journal)");
  }

  @Test
  void aRunThatWroteNothingNeverCausesAWait() {
    assertThat(
            PreviousApply.unseen(
                released("run-b", Optional.of(false)),
                JOURNAL_OF_RUN_A,
                END.plusSeconds(2),
                WINDOW))
        .isEmpty();
  }

  @Test
  void outsideTheWindowOrWithAWindowOfZeroNothingIsWaitedFor() {
    assertThat(
            PreviousApply.unseen(
                released("run-b", Optional.of(true)),
                JOURNAL_OF_RUN_A,
                END.plusSeconds(119),
                WINDOW))
        .isEmpty();
    assertThat(
            PreviousApply.unseen(
                released("run-b", Optional.of(true)),
                JOURNAL_OF_RUN_A,
                END.plusSeconds(1),
                Duration.ZERO))
        .isEmpty();
    assertThat(PreviousApply.unseen(Optional.empty(), JOURNAL_OF_RUN_A, END, WINDOW))
        .as("never locked before")
        .isEmpty();
  }

  @Test
  void anOldRecordWithoutTheFieldCountsAsWrittenWhenItEnded() {
    Optional<RecentWrite> w =
        PreviousApply.unseen(
            released("run-b", Optional.empty()), JOURNAL_OF_RUN_A, END.plusSeconds(5), WINDOW);
    assertThat(w).map(RecentWrite::at).contains(END);
    assertThat(
            PreviousApply.unseen(
                released("run-a", Optional.empty()), JOURNAL_OF_RUN_A, END.plusSeconds(5), WINDOW))
        .as("still covered when the journal names its run")
        .isEmpty();
  }

  @Test
  void aHoldersClockAheadOfOursNeverStretchesTheWaitPastTheWindow() {
    Optional<RecentWrite> w =
        PreviousApply.unseen(
            released("run-b", Optional.of(true)), JOURNAL_OF_RUN_A, END.minusSeconds(3600), WINDOW);
    assertThat(w).map(RecentWrite::at).contains(END.minusSeconds(3600));
  }
}
