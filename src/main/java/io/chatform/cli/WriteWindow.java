package io.chatform.cli;

import io.chatform.api.WriteLog;
import io.chatform.apply.ReadYourWrites;
import io.chatform.apply.RecentWrite;
import io.chatform.apply.RecentWrites;
import io.chatform.apply.Rerun;
import io.chatform.apply.WriteJournal;
import io.chatform.kinds.LiveReader;
import io.chatform.lock.Lease;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Read-your-writes across runs for one apply: journals this run's writes, seeds the client's probes
 * with recent deletes, holds planning back until the account's lists show the recent writes the
 * journal knows of (at most until the documented window has passed for them), and tells the report
 * what a rerun can count on.
 */
final class WriteWindow {
  private final RecentWrites source;
  private final Optional<WriteJournal> journal;
  private final Duration window;
  private final Clock clock;
  private final AtomicReference<Instant> lastWrite = new AtomicReference<>();
  private final List<RecentWrite> mine = new java.util.concurrent.CopyOnWriteArrayList<>();

  private WriteWindow(
      RecentWrites source, Optional<WriteJournal> journal, Duration window, Clock clock) {
    this.source = source;
    this.journal = journal;
    this.window = window;
    this.clock = clock;
  }

  /** Opens the journal of the connection's account (unless --no-journal) and wires it up. */
  static WriteWindow open(ConsistencyOptions o, TargetOptions target, Connection c) {
    return open(o, target, c, List.of());
  }

  /**
   * As {@link #open(ConsistencyOptions, TargetOptions, Connection)}, with more sources of recent
   * writes besides the journal (e.g. an account lease that records when the last apply ended).
   */
  static WriteWindow open(
      ConsistencyOptions o, TargetOptions target, Connection c, List<RecentWrites> more) {
    Clock clock = Clock.systemUTC();
    Duration window = o.window();
    return wire(more, journal(o, target, c, clock, window), window, clock, c);
  }

  /**
   * As {@link #open(ConsistencyOptions, TargetOptions, Connection)} under the account lease: when
   * the previous apply (named by the lease) may have writes that are not listed yet and that this
   * machine's journal does not cover, planning waits for them too ({@link PreviousApply}). The
   * journal records this run's lease id, and the lease inherits any such wait this run leaves
   * undone.
   */
  static WriteWindow open(
      ConsistencyOptions o, TargetOptions target, Connection c, Optional<Lease> lease) {
    Clock clock = Clock.systemUTC();
    Duration window = o.window();
    Optional<WriteJournal> journal = journal(o, target, c, clock, window);
    List<RecentWrites> more = new java.util.ArrayList<>();
    if (lease.isPresent()) {
      Lease l = lease.get();
      Instant now = clock.instant();
      Optional<RecentWrite> unseen =
          PreviousApply.unseen(
              l.previous(), journal.map(j -> (Predicate<String>) j::covers), now, window);
      journal.ifPresent(j -> j.ran(l.run(), now));
      unseen.ifPresent(
          w -> {
            l.noteWrite(w.at());
            journal.ifPresent(j -> j.owe(PreviousApply.owed(w)));
            more.add(PreviousApply.source(w));
          });
    }
    return wire(more, journal, window, clock, c);
  }

  private static Optional<WriteJournal> journal(
      ConsistencyOptions o, TargetOptions target, Connection c, Clock clock, Duration window) {
    return o.noJournal
        ? Optional.empty()
        : Optional.of(
            WriteJournal.open(
                o.journalDir(target),
                c.target().apiUrl(),
                c.target().account(),
                clock.instant().minus(window),
                c.client()::redact));
  }

  private static WriteWindow wire(
      List<RecentWrites> more,
      Optional<WriteJournal> journal,
      Duration window,
      Clock clock,
      Connection c) {
    List<RecentWrites> sources = new java.util.ArrayList<>(more);
    journal.ifPresent(sources::add);
    WriteWindow w =
        new WriteWindow(
            sources.isEmpty() ? RecentWrites.NONE : RecentWrites.all(sources),
            journal,
            window,
            clock);
    WriteLog log = c.client().writes();
    for (RecentWrite r : w.recent()) {
      if (r.op() == RecentWrite.Op.DELETED) {
        log.seedDeleted(r.kind().orElseThrow(), r.id());
      }
    }
    log.listen(
        e -> {
          w.lastWrite.accumulateAndGet(e.at(), WriteWindow::later);
          w.mine.add(
              new RecentWrite(
                  e.at(),
                  Optional.of(e.kind()),
                  RecentWrite.Op.valueOf(e.op().name()),
                  e.id(),
                  e.identity()));
        });
    journal.ifPresent(log::listen);
    return w;
  }

  private static Instant later(Instant a, Instant b) {
    return a == null || b.isAfter(a) ? b : a;
  }

  /** Writes inside the window, from every source. */
  List<RecentWrite> recent() {
    return source.since(clock.instant().minus(window));
  }

  /** This run's own writes (kept in memory, journal or not). */
  List<RecentWrite> ofThisRun() {
    return List.copyOf(mine);
  }

  /**
   * Reads the account until it shows every recent write the journal knows of, or the window for the
   * last of them has passed; says on {@code err} what it waits for.
   */
  LiveReader.Snapshot readWhenVisible(Supplier<LiveReader.Snapshot> read, PrintWriter err)
      throws InterruptedException {
    boolean said = false;
    while (true) {
      LiveReader.Snapshot s = read.get();
      List<ReadYourWrites.Pending> pending = ReadYourWrites.pending(s.state(), recent(), window);
      Optional<Instant> until = ReadYourWrites.until(pending);
      Instant now = clock.instant();
      if (until.isEmpty() || !now.isBefore(until.get())) {
        if (said) {
          err.println("The account now shows the recent writes; planning.");
          err.flush();
        }
        return s;
      }
      if (!said && pending.stream().allMatch(p -> p.write().op() == RecentWrite.Op.ANY)) {
        long secs = Math.max(1, Duration.between(now, until.get()).toSeconds());
        String why = pending.get(0).why();
        err.println(
            Character.toUpperCase(why.charAt(0))
                + why.substring(1)
                + "; waiting up to "
                + secs
                + " s for its writes to show, so nothing is created twice.");
        err.flush();
        said = true;
      }
      if (!said) {
        long secs = Math.max(1, Duration.between(now, until.get()).toSeconds());
        err.println(
            "Waiting up to "
                + secs
                + " s for the account to list "
                + pending.size()
                + " recent write(s) ("
                + source.source()
                + "; the API shows changes within the window) before planning, so nothing is"
                + " created twice: "
                + pending.get(0).why()
                + (pending.size() > 1 ? ", …" : ""));
        err.flush();
        said = true;
      }
      long left = Duration.between(now, until.get()).toMillis();
      Thread.sleep(Math.max(50, Math.min(1000, left)));
    }
  }

  /** What a rerun can count on, for the report's advice. */
  Rerun rerun() {
    Optional<Instant> settled = Optional.ofNullable(lastWrite.get()).map(t -> t.plus(window));
    return new Rerun(journal.map(j -> j.file().toString()), settled, true);
  }

  Duration window() {
    return window;
  }

  /** True while the documented window after this run's last write is still open. */
  boolean withinWindow() {
    Instant last = lastWrite.get();
    return last != null && clock.instant().isBefore(last.plus(window));
  }
}
