package io.chatform.lock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * What this machine last wrote to the lease chain. Lists may lag by the API's delay, so right after
 * an apply released the lease its successor (or this process's own release) may still show the
 * lease held, or not show the newest generation at all: the write itself is a fact, and it is
 * remembered locally (next to the write journal) so that a rerun on the same machine sees it.
 */
public interface LeaseMemory {
  /** Remembered writes older than this are left to the lists (far beyond the 2-minute delay). */
  Duration KEEP = Duration.ofMinutes(10);

  /** The newest lease record this machine registered, if recent. */
  Optional<LeaseRecord> last(Instant now);

  /** Remembers a record this machine registered (the API accepted it). */
  void wrote(LeaseRecord record);

  /** Remembers nothing (--no-journal, tests). */
  LeaseMemory NONE =
      new LeaseMemory() {
        @Override
        public Optional<LeaseRecord> last(Instant now) {
          return Optional.empty();
        }

        @Override
        public void wrote(LeaseRecord record) {}
      };

  /** A file in {@code dir} per API URL, account and Client ID; unreadable files are ignored. */
  static LeaseMemory file(Path dir, String apiUrl, String account, String clientId) {
    Path file = dir.resolve("lease-" + key(apiUrl + "\n" + account + "\n" + clientId) + ".json");
    ObjectMapper json = new ObjectMapper();
    return new LeaseMemory() {
      @Override
      public Optional<LeaseRecord> last(Instant now) {
        try {
          JsonNode o = json.readTree(Files.readString(file));
          LeaseRecord r =
              LeaseRecord.decode(o.path("generation").asLong(), o.path("record").asText());
          Instant at = Instant.parse(o.path("at").asText());
          return r.generation() > 0 && at.plus(KEEP).isAfter(now)
              ? Optional.of(r)
              : Optional.empty();
        } catch (IOException | RuntimeException e) {
          return Optional.empty(); // missing or garbled: the lists decide, as without memory
        }
      }

      @Override
      public synchronized void wrote(LeaseRecord record) {
        try {
          Files.createDirectories(dir);
          ObjectNode o = json.createObjectNode();
          o.put("generation", record.generation());
          o.put("record", record.encode());
          o.put("at", Instant.now().toString());
          Path tmp = Files.createTempFile(dir, "lease", ".tmp");
          Files.writeString(tmp, o.toString());
          Files.move(
              tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
          // Best effort: without it a rerun waits for the lists to show the write, never worse.
        }
      }
    };
  }

  private static String key(String s) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(h, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
