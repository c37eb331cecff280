package io.chatform.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.api.WriteLog;
import io.chatform.model.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal: per account, appended line by line, torn lines and old entries dropped. */
class WriteJournalTest {
  @TempDir Path dir;

  private static final Instant T = Instant.parse("2026-01-01T10:00:00Z");

  @Test
  void writesSurviveAReopenPerAccountAndNeverHoldSecrets() throws Exception {
    WriteJournal j =
        WriteJournal.open(
            dir, "https://api", "acc", T.minusSeconds(1), s -> s.replace("tok3n", "***"));
    j.written(
        new WriteLog.Entry(
            T, Kind.WEBHOOKS, WriteLog.Op.CREATED, "w1", "c/license/x/https://h?tok3n"));
    j.written(new WriteLog.Entry(T.plusSeconds(1), Kind.GROUPS, WriteLog.Op.DELETED, "5", ""));
    Files.writeString(
        j.file(), "{\"at\":\"2026-01-01T10:", java.nio.file.StandardOpenOption.APPEND);

    WriteJournal again = WriteJournal.open(dir, "https://api", "acc", T.minusSeconds(1), s -> s);
    assertThat(again.since(T))
        .extracting(RecentWrite::describe)
        .containsExactly("webhooks id w1 (c/license/x/https://h?***)", "groups id 5");
    assertThat(Files.readString(j.file())).doesNotContain("tok3n");
    again.written(new WriteLog.Entry(T.plusSeconds(2), Kind.GROUPS, WriteLog.Op.CREATED, "6", "B"));
    assertThat(again.since(T)).extracting(RecentWrite::id).containsExactly("w1", "5", "6");
    WriteJournal other = WriteJournal.open(dir, "https://api", "other", T.minusSeconds(1), s -> s);
    assertThat(other.since(T)).isEmpty();
    assertThat(other.file()).isNotEqualTo(j.file());
  }

  @Test
  void entriesOlderThanTheWindowArePrunedOnOpen() throws Exception {
    WriteJournal j = WriteJournal.open(dir, "u", "a", T.minusSeconds(600), s -> s);
    j.written(new WriteLog.Entry(T, Kind.GROUPS, WriteLog.Op.CREATED, "1", "A"));
    j.written(new WriteLog.Entry(T.plusSeconds(300), Kind.GROUPS, WriteLog.Op.CREATED, "2", "B"));
    WriteJournal later = WriteJournal.open(dir, "u", "a", T.plusSeconds(200), s -> s);
    assertThat(later.since(Instant.EPOCH)).extracting(RecentWrite::id).containsExactly("2");
    assertThat(Files.readAllLines(later.file())).hasSize(1);
  }

  @Test
  void runLinesSayWhichApplyRunsTheJournalCoversAndOutliveTheWindow() throws Exception {
    WriteJournal j = WriteJournal.open(dir, "u", "a", T.minusSeconds(600), s -> s);
    j.ran("run-1", T);
    j.written(new WriteLog.Entry(T, Kind.GROUPS, WriteLog.Op.CREATED, "1", "A"));
    j.owe(new RecentWrite(T, java.util.Optional.empty(), RecentWrite.Op.ANY, "", "elsewhere"));
    assertThat(j.covers("run-1")).isTrue();
    assertThat(j.covers("run-2")).isFalse();
    assertThat(j.since(T))
        .extracting(RecentWrite::op)
        .containsExactly(RecentWrite.Op.CREATED, RecentWrite.Op.ANY);
    // An hour later the writes are pruned, but the journal still knows it covered run-1.
    WriteJournal later = WriteJournal.open(dir, "u", "a", T.plusSeconds(3600), s -> s);
    assertThat(later.since(Instant.EPOCH)).isEmpty();
    assertThat(later.covers("run-1")).isTrue();
    assertThat(Files.readAllLines(later.file())).hasSize(1);
  }
}
