package io.chatform.lock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * One immutable generation of the account lease, as written in the description of its property
 * definition: either held by a writer until {@code expires}, or free (with when the last apply
 * ended). Records are never updated, only superseded by the next generation.
 */
public record LeaseRecord(
    long generation,
    boolean held,
    String holder,
    String nonce,
    Instant since,
    Instant expires,
    Optional<Instant> ended,
    Optional<String> note,
    Optional<Boolean> wrote,
    Optional<Instant> lastWrite) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A held generation. */
  static LeaseRecord held(long generation, Holder who, String nonce, Instant now, Instant expires) {
    return new LeaseRecord(
        generation,
        true,
        who.describe(),
        nonce,
        now,
        expires,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  /**
   * A free generation whose writer's writes are unknown (e.g. {@code unlock --force}); {@code
   * ended} is now.
   */
  static LeaseRecord free(
      long generation, Holder who, String nonce, Instant now, Optional<String> note) {
    return new LeaseRecord(
        generation,
        false,
        who.describe(),
        nonce,
        now,
        now,
        Optional.of(now),
        note,
        Optional.empty(),
        Optional.empty());
  }

  /**
   * The free generation a holder registers on release: {@code lastWrite} is when its apply last
   * wrote (or an earlier apply's writes it had not yet waited out), empty when it wrote nothing.
   */
  static LeaseRecord released(
      long generation, Holder who, String nonce, Instant now, Optional<Instant> lastWrite) {
    return new LeaseRecord(
        generation,
        false,
        who.describe(),
        nonce,
        now,
        now,
        Optional.of(now),
        Optional.empty(),
        Optional.of(lastWrite.isPresent()),
        lastWrite);
  }

  /**
   * The newest write this record says may not be listed yet: for a free record its writer's last
   * write (a record without {@code wrote}, from an older chatform or a forced unlock, counts as
   * written when it ended); for a held one (taken over after its expiry) its expiry. Empty when the
   * writer wrote nothing.
   */
  public Optional<Instant> possibleWrite() {
    if (held) {
      return Optional.of(expires);
    }
    if (wrote.isPresent() && !wrote.get()) {
      return Optional.empty();
    }
    return Optional.of(lastWrite.or(() -> ended).orElse(since));
  }

  /** True when a held record's TTL has passed at {@code now} (a free record is never "expired"). */
  public boolean expiredAt(Instant now) {
    return held && now.isAfter(expires);
  }

  /** The description stored on the property definition. */
  String encode() {
    ObjectNode o = JSON.createObjectNode();
    o.put("chatform_lease", 1);
    o.put("state", held ? "held" : "free");
    o.put("holder", holder);
    o.put("nonce", nonce);
    o.put("since", since.toString());
    o.put("expires", expires.toString());
    ended.ifPresent(e -> o.put("ended", e.toString()));
    note.ifPresent(n -> o.put("note", n));
    wrote.ifPresent(w -> o.put("wrote", w));
    lastWrite.ifPresent(w -> o.put("last_write", w.toString()));
    return o.toString();
  }

  /**
   * Reads a description back; a description that is not a lease record (hand-made, truncated) reads
   * as held by "unknown" forever, so nobody writes until someone runs {@code unlock --force}.
   */
  static LeaseRecord decode(long generation, String description) {
    try {
      JsonNode o = JSON.readTree(description == null ? "" : description);
      if (o != null && o.path("chatform_lease").asInt() == 1) {
        return new LeaseRecord(
            generation,
            !"free".equals(o.path("state").asText()),
            o.path("holder").asText("unknown"),
            o.path("nonce").asText(""),
            Instant.parse(o.path("since").asText()),
            Instant.parse(o.path("expires").asText()),
            text(o, "ended").map(Instant::parse),
            text(o, "note"),
            o.path("wrote").isBoolean()
                ? Optional.of(o.path("wrote").asBoolean())
                : Optional.empty(),
            text(o, "last_write").map(Instant::parse));
      }
    } catch (java.io.IOException | DateTimeParseException e) {
      // fall through: unreadable
    }
    return new LeaseRecord(
        generation,
        true,
        "unknown (unreadable lease record " + io.chatform.model.LeaseNames.of(generation) + ")",
        "",
        Instant.EPOCH,
        Instant.MAX,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  private static Optional<String> text(JsonNode o, String field) {
    return o.hasNonNull(field) ? Optional.of(o.get(field).asText()) : Optional.empty();
  }

  /** One line for messages: who, since when, until when. */
  public String describe() {
    if (!held) {
      return "free since "
          + since
          + " (released by "
          + holder
          + note.map(n -> ", " + n).orElse("")
          + ")";
    }
    return "held by "
        + holder
        + " since "
        + since
        + (expires.equals(Instant.MAX) ? "" : ", expires " + expires + " unless renewed");
  }
}
