package io.chatform.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** apply's options for the API's propagation delay: the write journal and the window length. */
public final class ConsistencyOptions {
  @Option(
      names = "--consistency-window",
      paramLabel = "SECONDS",
      defaultValue = "120",
      description =
          "How long the API may take to list a write (documented: max 2 minutes; default"
              + " ${DEFAULT-VALUE}). A rerun waits at most this long for its earlier writes to show.")
  double windowSeconds;

  @Option(
      names = "--journal",
      paramLabel = "DIR",
      description =
          "Where apply journals its writes for reruns (default: .chatform/journal, or next to the"
              + " --sandbox-state file).")
  Path journalDir;

  @Option(
      names = "--no-journal",
      description =
          "Keep no write journal: a rerun within the window is then not protected from lists that"
              + " lag behind this run's writes.")
  boolean noJournal;

  java.time.Duration window() {
    if (!(windowSeconds >= 0) || Double.isInfinite(windowSeconds)) {
      throw new UserException(
          "--consistency-window must be a number of seconds (0 or more), got " + windowSeconds);
    }
    return java.time.Duration.ofMillis(Math.round(windowSeconds * 1000));
  }

  /** The journal directory for this target. */
  Path journalDir(TargetOptions target) {
    if (journalDir != null) {
      return journalDir;
    }
    if (target.sandbox) {
      Path parent = target.sandboxState.toAbsolutePath().getParent();
      return parent.resolve("journal");
    }
    return Path.of(".chatform", "journal");
  }
}
