package io.chatform.model;

import java.util.Optional;

/**
 * LiveChat Configuration API versions: the emulator serves all of these, the client speaks 3.5 and
 * 3.6. Rules that differ by version ask {@link #atLeast}.
 */
public enum ApiVersion {
  V3_4("3.4"),
  V3_5("3.5"),
  V3_6("3.6");

  private final String label;

  ApiVersion(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean atLeast(ApiVersion other) {
    return compareTo(other) >= 0;
  }

  /** Parses a label such as {@code 3.6}; empty for unknown versions. */
  public static Optional<ApiVersion> fromLabel(String label) {
    for (ApiVersion v : values()) {
      if (v.label.equals(label)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /** Parses a path segment such as {@code v3.6}; empty for versions the emulator does not serve. */
  public static Optional<ApiVersion> fromPathSegment(String segment) {
    for (ApiVersion v : values()) {
      if (segment.equals("v" + v.label)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
