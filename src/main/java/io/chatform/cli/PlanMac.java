package io.chatform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Json;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The optional keyed MAC of a saved plan, for pipelines that want to prove where the artefact came
 * from: with {@code CHATFORM_PLAN_KEY} set, {@code plan --out} writes an HMAC-SHA256 over the
 * canonical plan (every field but {@code mac}) and {@code apply PLANFILE} requires it to match. The
 * key never appears in any output; only the MAC does.
 */
final class PlanMac {
  /** The environment variable holding the key (any non-empty text, used as UTF-8 bytes). */
  static final String KEY_VARIABLE = "CHATFORM_PLAN_KEY";

  static final String FIELD = "mac";
  private static final String PREFIX = "hmac-sha256:";

  private PlanMac() {}

  /** Adds {@code mac} to a plan about to be saved, when a key is set; otherwise leaves it alone. */
  static void sign(ObjectNode plan, Map<String, String> env) {
    plan.remove(FIELD);
    key(env).ifPresent(k -> plan.put(FIELD, PREFIX + mac(plan, k)));
  }

  /**
   * Checks a saved plan's MAC before anything else is read from it: with a key, a missing or wrong
   * MAC is refused; without one, a plan that carries a MAC is applied with a note saying it could
   * not be authenticated here (it is still proven against a fresh plan).
   */
  static void check(JsonNode plan, Path file, Map<String, String> env, PrintWriter err) {
    JsonNode given = plan.get(FIELD);
    Optional<byte[]> key = key(env);
    if (key.isEmpty()) {
      if (given != null) {
        err.println(
            "Note: "
                + file
                + " carries a MAC but "
                + KEY_VARIABLE
                + " is not set, so it is unauthenticated here; set the key plan used to check"
                + " where it came from.");
        err.flush();
      }
      return;
    }
    if (given == null || !given.isTextual()) {
      throw new UserException(
          "the saved plan "
              + file
              + " carries no MAC, but "
              + KEY_VARIABLE
              + " is set: it was not saved by plan --out with that key. Make it again with"
              + " plan --out (with "
              + KEY_VARIABLE
              + " set) and review it.");
    }
    ObjectNode unsigned = ((ObjectNode) plan).deepCopy();
    unsigned.remove(FIELD);
    byte[] expected = (PREFIX + mac(unsigned, key.get())).getBytes(StandardCharsets.UTF_8);
    byte[] actual = given.asText().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(expected, actual)) { // constant time: no timing oracle
      throw new UserException(
          "the saved plan "
              + file
              + " fails its MAC check: it was changed after plan --out, or saved with another "
              + KEY_VARIABLE
              + ". Nothing was applied; make the plan again with plan --out and review it.");
    }
  }

  /**
   * True only when a key is set and the plan's MAC matches it: then the plan's own fields (its
   * target, say) are as trustworthy as the pipeline that made it. Never throws; {@link #check}
   * words the refusals.
   */
  static boolean authenticated(JsonNode plan, Map<String, String> env) {
    Optional<byte[]> key = key(env);
    JsonNode given = plan.get(FIELD);
    if (key.isEmpty() || given == null || !given.isTextual() || !plan.isObject()) {
      return false;
    }
    ObjectNode unsigned = ((ObjectNode) plan).deepCopy();
    unsigned.remove(FIELD);
    return MessageDigest.isEqual(
        (PREFIX + mac(unsigned, key.get())).getBytes(StandardCharsets.UTF_8),
        given.asText().getBytes(StandardCharsets.UTF_8));
  }

  private static Optional<byte[]> key(Map<String, String> env) {
    String k = env.get(KEY_VARIABLE);
    return k == null || k.isEmpty()
        ? Optional.empty()
        : Optional.of(k.getBytes(StandardCharsets.UTF_8));
  }

  private static String mac(ObjectNode plan, byte[] key) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of()
          .formatHex(hmac.doFinal(Json.canonical(plan).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is always available", e);
    }
  }
}
