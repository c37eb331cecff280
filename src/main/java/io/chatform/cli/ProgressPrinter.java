package io.chatform.cli;

import io.chatform.apply.ActionResult;
import io.chatform.apply.Outcome;
import io.chatform.apply.Progress;
import io.chatform.model.Escapes;
import java.io.PrintWriter;

/**
 * Apply progress: a live line (done/total, rate, ETA) on a terminal, one plain line per action in
 * CI, or nothing ({@code --progress auto|plain|none}).
 */
final class ProgressPrinter implements Progress {
  enum Mode {
    AUTO,
    PLAIN,
    NONE
  }

  private final PrintWriter err;
  private final boolean live;
  private final boolean quiet;
  private int total;
  private int done;
  private long start;

  ProgressPrinter(Mode mode, PrintWriter err) {
    this.err = err;
    this.quiet = mode == Mode.NONE;
    this.live = mode == Mode.AUTO && System.console() != null;
  }

  /**
   * A phase's line on stderr (reading the account, re-reading to verify), unless {@code --progress
   * none}: long waits then say what they wait for.
   */
  synchronized void note(String line) {
    if (!quiet) {
      err.println(line);
      err.flush();
    }
  }

  /**
   * Reads the account through {@code read}, saying so before and how much it held after — on a
   * terminal only (the live mode): a CI log keeps one line per action, as before.
   */
  io.chatform.kinds.LiveReader.Snapshot reading(
      java.util.function.Supplier<io.chatform.kinds.LiveReader.Snapshot> read) {
    if (!live) {
      return read.get();
    }
    note("Reading the account…");
    io.chatform.kinds.LiveReader.Snapshot s = read.get();
    int objects = s.state().objects().values().stream().mapToInt(java.util.List::size).sum();
    note(
        String.format(
            java.util.Locale.ROOT, "Read %,d live object%s.", objects, objects == 1 ? "" : "s"));
    return s;
  }

  @Override
  public synchronized void start(int total) {
    this.total = total;
    this.start = System.nanoTime();
  }

  @Override
  public synchronized void finished(ActionResult r) {
    done++;
    if (quiet) {
      return;
    }
    double secs = Math.max(0.001, (System.nanoTime() - start) / 1e9);
    double rate = done / secs;
    if (live) {
      long eta = Math.round((total - done) / Math.max(rate, 0.001));
      err.printf("\r[%d/%d] %.1f actions/s, ETA %ds   ", done, total, rate, eta);
      if (done == total) {
        err.println();
      }
    } else {
      err.printf(
          "[%d/%d] %s %s %s (%d ms)%n",
          done,
          total,
          r.outcome() == Outcome.DONE
              ? "done  "
              : r.outcome() == Outcome.FAILED
                  ? "FAILED"
                  : r.outcome() == Outcome.UNKNOWN ? "UNKNOWN" : "skipped",
          r.action().type().symbol(),
          Escapes.line(r.action().address()),
          r.millis());
    }
    err.flush();
  }
}
