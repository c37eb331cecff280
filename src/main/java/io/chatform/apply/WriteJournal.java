package io.chatform.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.api.WriteLog;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import io.chatform.model.UserFacingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The local write journal: one JSON line per create or delete an apply made to one account, kept in
 * {@code .chatform/journal/} for as long as the API may not list it yet. A rerun on the same
 * machine (or in the same CI job) reads it to avoid planning from lists that do not yet show its
 * own writes. Lines hold times, kinds, live ids and identities (names, urls) — never a secret — and
 * are appended as each write finishes, so a killed process leaves what it did.
 */
public final class WriteJournal implements RecentWrites, WriteLog.Listener {
  private final Path file;
  private final UnaryOperator<String> redact;

  private WriteJournal(Path file, UnaryOperator<String> redact) {
    this.file = file;
    this.redact = redact;
  }

  /**
   * The journal of {@code account} at {@code apiUrl} in {@code dir}; entries older than {@code
   * keepSince} are dropped. {@code redact} masks known secrets in identities (belt and braces).
   */
  public static WriteJournal open(
      Path dir, String apiUrl, String account, Instant keepSince, UnaryOperator<String> redact) {
    Path file = dir.resolve(key(apiUrl, account) + ".jsonl");
    WriteJournal j = new WriteJournal(file, redact);
    j.prune(keepSince);
    return j;
  }

  public Path file() {
    return file;
  }

  @Override
  public String source() {
    return "journal " + file;
  }

  @Override
  public synchronized void written(WriteLog.Entry e) {
    ObjectNode line = Json.object();
    line.put("at", e.at().toString());
    line.put("kind", e.kind().section());
    line.put("op", e.op().name().toLowerCase(java.util.Locale.ROOT));
    line.put("id", redact.apply(e.id()));
    line.put("identity", redact.apply(e.identity()));
    append(line);
  }

  /**
   * Records that the apply run {@code run} (its account-lease id) journals its writes here from
   * {@code at} on, so a later run on this machine knows that run's writes are in this journal.
   */
  public synchronized void ran(String run, Instant at) {
    ObjectNode line = Json.object();
    line.put("at", at.toString());
    line.put("op", "run");
    line.put("run", run);
    append(line);
  }

  /** True when {@link #ran} recorded {@code run} here: its writes are in this journal. */
  public synchronized boolean covers(String run) {
    for (String l : lines()) {
      try {
        JsonNode n = Json.MAPPER.readTree(l);
        if ("run".equals(n.path("op").asText()) && run.equals(n.path("run").asText())) {
          return true;
        }
      } catch (IOException | RuntimeException e) {
        // a torn line
      }
    }
    return false;
  }

  /**
   * Journals a write of unknown details ({@link RecentWrite.Op#ANY}, e.g. another machine's apply
   * this run had to wait for), so a later run here waits for it too if this one did not.
   */
  public synchronized void owe(RecentWrite any) {
    ObjectNode line = Json.object();
    line.put("at", any.at().toString());
    line.put("op", "any");
    line.put("identity", redact.apply(any.identity()));
    append(line);
  }

  private void append(ObjectNode line) {
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(
          file,
          line.toString() + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException ex) {
      throw new UserFacingException(
          "cannot write the write journal "
              + file
              + ": "
              + ex.getMessage()
              + " (check the directory's permissions, or pass --no-journal)",
          ex);
    }
  }

  @Override
  public synchronized List<RecentWrite> since(Instant since) {
    List<RecentWrite> out = new ArrayList<>();
    for (RecentWrite w : read()) {
      if (!w.at().isBefore(since)) {
        out.add(w);
      }
    }
    return out;
  }

  private List<String> lines() {
    try {
      return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    } catch (IOException e) {
      throw new UserFacingException(
          "cannot read the write journal " + file + ": " + e.getMessage() + "; delete it", e);
    }
  }

  private List<RecentWrite> read() {
    List<RecentWrite> out = new ArrayList<>();
    for (String l : lines()) {
      parse(l).ifPresent(out::add);
    }
    return out;
  }

  /** One line, or empty for a torn last line (a process killed while writing it). */
  private static Optional<RecentWrite> parse(String line) {
    try {
      JsonNode n = Json.MAPPER.readTree(line);
      Optional<Kind> kind = Kind.fromSection(n.path("kind").asText());
      RecentWrite.Op op =
          RecentWrite.Op.valueOf(n.path("op").asText().toUpperCase(java.util.Locale.ROOT));
      if (kind.isEmpty() != (op == RecentWrite.Op.ANY)) {
        return Optional.empty();
      }
      return Optional.of(
          new RecentWrite(
              Instant.parse(n.path("at").asText()),
              kind,
              op,
              n.path("id").asText(""),
              n.path("identity").asText("")));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** How many {@code run} lines are kept whatever their age (a run may outlast the window). */
  private static final int RUNS_KEPT = 20;

  private synchronized void prune(Instant keepSince) {
    if (!Files.exists(file)) {
      return;
    }
    endTornLine();
    List<String> all = lines();
    List<String> kept = new ArrayList<>();
    List<String> runs = new ArrayList<>();
    for (String l : all) {
      try {
        JsonNode n = Json.MAPPER.readTree(l);
        if (n == null || !n.isObject()) {
          continue;
        }
        if ("run".equals(n.path("op").asText())) {
          runs.add(l);
        } else if (parse(l).isPresent()
            && !Instant.parse(n.path("at").asText()).isBefore(keepSince)) {
          kept.add(l);
        }
      } catch (IOException | RuntimeException e) {
        // torn or unreadable: dropped
      }
    }
    kept.addAll(runs.subList(Math.max(0, runs.size() - RUNS_KEPT), runs.size()));
    if (kept.size() == all.size()) {
      return;
    }
    try {
      Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
      StringBuilder sb = new StringBuilder();
      for (String l : kept) {
        sb.append(l).append('\n');
      }
      Files.writeString(tmp, sb.toString(), StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // Pruning is housekeeping: old lines are ignored anyway.
    }
  }

  /** A process killed mid-line leaves a torn last line: end it, so the next line stands alone. */
  private void endTornLine() {
    try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.READ)) {
      long size = ch.size();
      if (size == 0) {
        return;
      }
      java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
      ch.read(last, size - 1);
      if (last.get(0) == '\n') {
        return;
      }
    } catch (IOException e) {
      return;
    }
    try {
      Files.writeString(file, "\n", StandardOpenOption.APPEND);
    } catch (IOException e) {
      // an unreadable journal is reported when it is read
    }
  }

  /** A file name per account: the API URL and account, hashed (no ids or tokens in names). */
  static String key(String apiUrl, String account) {
    try {
      byte[] h =
          MessageDigest.getInstance("SHA-256")
              .digest((apiUrl + "\n" + account).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
