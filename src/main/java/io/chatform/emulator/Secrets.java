package io.chatform.emulator;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random ids and secrets in the service's shapes (32 hex characters). */
final class Secrets {
  private static final SecureRandom RANDOM = new SecureRandom();

  private Secrets() {}

  static String hex32() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
