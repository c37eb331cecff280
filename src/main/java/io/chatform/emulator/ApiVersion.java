package io.chatform.emulator;

import java.util.Optional;

/** The API versions the emulator serves; rules that differ by version ask {@link #atLeast}. */
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
