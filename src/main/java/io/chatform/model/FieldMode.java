package io.chatform.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * Which fields a plan compares (issue #16): {@code owned} (the default) compares every field a kind
 * owns, an omitted one as its API default, so removing a line plans its reset; {@code declared}
 * compares only the keys the manifests write, for adopting an account gradually.
 */
public enum FieldMode {
  OWNED,
  DECLARED;

  /** As manifests, flags and plan JSON spell it. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Optional<FieldMode> parse(String label) {
    return Arrays.stream(values()).filter(m -> m.label().equals(label)).findFirst();
  }
}
