package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Persistence ({@code --state}: the whole account, atomically, after every write) and the stale
 * view behind {@code --consistency-delay-ms}: a timestamped snapshot is kept after each write, and
 * a delayed read runs against a second module set restored from the newest snapshot at least N ms
 * old.
 */
final class StateStore {
  private record Snapshot(long nanos, ObjectNode doc) {}

  private final AccountState live;
  private final Optional<Path> file;
  private final long delayNanos;
  private final LongSupplier nanoClock;
  private final Deque<Snapshot> snapshots = new ArrayDeque<>();
  private final AccountState stale;
  private Snapshot staleLoaded;

  StateStore(AccountState live, Optional<Path> file, int delayMs, LongSupplier nanoClock) {
    this.live = live;
    this.file = file;
    this.delayNanos = delayMs * 1_000_000L;
    this.nanoClock = nanoClock;
    this.stale =
        delayMs > 0
            ? new AccountState(live.roster().accountId(), live.roster().ownerEmail())
            : null;
  }

  /** Loads the state file if it exists, else the seed; the result is the oldest snapshot. */
  void load(Optional<Path> seed) {
    Optional<Path> source = file.filter(Files::exists).or(() -> seed);
    if (source.isPresent()) {
      try {
        // Plain secrets from older state files are hashed as they load.
        live.read(StateSecrets.hashAll(readJson(source.get())));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            e.getMessage().contains(source.get().toString())
                ? e.getMessage()
                : "emulator state " + source.get() + ": " + e.getMessage(),
            e);
      }
    }
    synchronized (this) {
      snapshots.clear();
      // The starting state counts as "always was": visible to delayed reads from the first call.
      snapshots.add(new Snapshot(Long.MIN_VALUE, live.write()));
    }
    if (file.isPresent()) {
      persist(live.write());
    }
  }

  private static JsonNode readJson(Path p) {
    try {
      return Params.JSON.readTree(p.toFile());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      // One line: Jackson's own message spans two (the location on its own line).
      var at = e.getLocation();
      throw new IllegalArgumentException(
          "emulator state "
              + p
              + " is not valid JSON"
              + (at == null
                  ? ""
                  : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
              + ": "
              + e.getOriginalMessage().lines().findFirst().orElse(""),
          e);
    } catch (java.nio.file.NoSuchFileException | java.io.FileNotFoundException e) {
      throw new IllegalArgumentException("emulator state file " + p + " does not exist", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read emulator state " + p + ": " + e, e);
    }
  }

  boolean delayed() {
    return stale != null;
  }

  /** Called under the write lock after every write call. */
  void afterWrite() {
    if (file.isEmpty() && stale == null) {
      return;
    }
    ObjectNode doc = live.write();
    if (file.isPresent()) {
      persist(doc);
    }
    if (stale != null) {
      synchronized (this) {
        snapshots.addLast(new Snapshot(nanoClock.getAsLong(), doc));
      }
    }
  }

  private void persist(ObjectNode doc) {
    Path target = file.orElseThrow().toAbsolutePath();
    try {
      Path dir = target.getParent();
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
      try {
        // Never a plain secret on disk.
        Params.JSON
            .writerWithDefaultPrettyPrinter()
            .writeValue(tmp.toFile(), StateSecrets.hashAll(doc));
        Files.move(
            tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write emulator state " + target, e);
    }
  }

  /** Runs a read call against the account as it was {@code delay} ago. */
  synchronized JsonNode delayedRead(Call call) {
    return delayedRead(call, delayNanos);
  }

  /**
   * Runs a read call against the account as it was {@code lagNanos} ago (at most the delay: a
   * server that is behind by less, as replicas catch up independently).
   */
  synchronized JsonNode delayedRead(Call call, long lagNanos) {
    long now = nanoClock.getAsLong();
    long oldest = now - delayNanos;
    // Drop snapshots superseded by a newer one that is already old enough for every server.
    while (snapshots.size() > 1) {
      Snapshot second = snapshots.stream().skip(1).findFirst().orElseThrow();
      if (second.nanos() <= oldest) {
        snapshots.removeFirst();
      } else {
        break;
      }
    }
    long cutoff = now - Math.min(lagNanos, delayNanos);
    Snapshot visible = snapshots.peekFirst();
    for (Snapshot s : snapshots) {
      if (s.nanos() <= cutoff) {
        visible = s;
      } else {
        break;
      }
    }
    if (visible != staleLoaded) {
      stale.restore(visible.doc());
      staleLoaded = visible;
    }
    return stale
        .handler(call.method())
        .orElseThrow(() -> ApiError.methodNotFound(call.method(), call.version()))
        .handle(call);
  }
}
