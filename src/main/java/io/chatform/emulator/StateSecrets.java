package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;

/**
 * Keeps bot secrets and webhook {@code secret_key}s out of state files: the API never returns them
 * after creation, so the emulator only needs to recognise them again ({@code issue_bot_token}), and
 * a salted SHA-256 does that. State files written before this held them in plain text; loading one
 * hashes them, so old files keep working and are rewritten without the plain values.
 */
final class StateSecrets {
  /** Which objects hold a secret: section, list inside it, secret field. */
  private record Place(String section, String list, String field) {}

  private static final List<Place> PLACES =
      List.of(
          new Place("bots", "bots", "secret"),
          new Place("bot_templates", "templates", "secret"),
          new Place("webhooks", "webhooks", "secret_key"));

  static final String SUFFIX = "_sha256";
  private static final SecureRandom RANDOM = new SecureRandom();

  private StateSecrets() {}

  /**
   * The whole-account document with every plain secret replaced by its salted hash. Only the
   * sections holding secrets are copied; {@code doc} itself is left as it was (it may also be the
   * emulator's stale-view snapshot).
   */
  static JsonNode hashAll(JsonNode in) {
    if (!(in instanceof ObjectNode root)) {
      return in;
    }
    ObjectNode doc = root.objectNode();
    doc.setAll(root);
    for (Place p : PLACES) {
      if (doc.has(p.section())) {
        doc.set(p.section(), doc.get(p.section()).deepCopy());
      }
    }
    for (Place p : PLACES) {
      for (JsonNode o : doc.path(p.section()).path(p.list())) {
        if (o instanceof ObjectNode obj && obj.path(p.field()).isTextual()) {
          String plain = obj.remove(p.field()).asText();
          obj.put(p.field() + SUFFIX, hash(plain));
        }
      }
    }
    return doc;
  }

  /** {@code sha256:<salt hex>:<digest hex>} of {@code plain} with a fresh random salt. */
  static String hash(String plain) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    return "sha256:" + HexFormat.of().formatHex(salt) + ":" + digest(salt, plain);
  }

  /** True when {@code obj} holds {@code candidate} as {@code field}, plain or hashed. */
  static boolean matches(JsonNode obj, String field, String candidate) {
    JsonNode plain = obj.get(field);
    if (plain != null && plain.isTextual()) {
      return MessageDigest.isEqual(
          plain.asText().getBytes(StandardCharsets.UTF_8),
          candidate.getBytes(StandardCharsets.UTF_8));
    }
    String[] parts = obj.path(field + SUFFIX).asText("").split(":");
    if (parts.length != 3 || !parts[0].equals("sha256")) {
      return false;
    }
    try {
      byte[] salt = HexFormat.of().parseHex(parts[1]);
      return MessageDigest.isEqual(
          parts[2].getBytes(StandardCharsets.UTF_8),
          digest(salt, candidate).getBytes(StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String digest(byte[] salt, String plain) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      sha.update(plain.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
