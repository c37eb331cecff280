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
