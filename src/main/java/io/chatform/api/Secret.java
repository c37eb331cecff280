package io.chatform.api;

import java.util.Objects;

/**
 * A secret value (PAT, access token, bot secret, webhook secret key) that never prints itself, so a
 * record holding one can be logged or shown in an error without leaking it.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = Objects.requireNonNull(value, "value");
  }

  public static Secret of(String value) {
    return new Secret(value);
  }

  /** The real value: call this only where the secret is sent on the wire or handed to the user. */
  public String reveal() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Secret s && s.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return "(sensitive)";
  }
}
