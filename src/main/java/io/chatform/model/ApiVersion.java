package io.chatform.model;

import java.util.Optional;

/**
 * LiveChat Configuration API versions: the emulator serves all of these, the client speaks those in
 * {@link #SUPPORTED} (the one list every {@code --api-version} accepts). Rules that differ by
 * version ask {@link #atLeast}.
 */
public enum ApiVersion {
  V3_4("3.4"),
  V3_5("3.5"),
  V3_6("3.6");

  /** The versions chatform speaks, the stable default first: what every --api-version takes. */
  public static final java.util.List<ApiVersion> SUPPORTED = java.util.List.of(V3_6, V3_5);

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

  /** The supported versions as users read them: "3.6 (stable) or 3.5". */
  public static String supportedText() {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < SUPPORTED.size(); i++) {
      b.append(i == 0 ? "" : i == SUPPORTED.size() - 1 ? " or " : ", ")
          .append(SUPPORTED.get(i).label)
          .append(i == 0 ? " (stable)" : "");
    }
    return b.toString();
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
