package io.chatform.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * LiveChat Configuration API versions: the emulator serves all of these, the client speaks 3.5 and
 * 3.6. Rules that differ by version ask {@link #atLeast}. 3.7 is the developer preview: only the
 * emulator serves it ({@link #fromPathSegment}); {@link #fromLabel} and {@link #released()} leave
 * it out, so everything that parses a user's {@code --api-version} refuses it as before.
 */
public enum ApiVersion {
  V3_4("3.4", false),
  V3_5("3.5", false),
  V3_6("3.6", false),
  V3_7("3.7", true);

  private final String label;
  private final boolean preview;

  ApiVersion(String label, boolean preview) {
    this.label = label;
    this.preview = preview;
  }

  public String label() {
    return label;
  }

  /** True for a developer preview ("not open to public use", 3.7 Introduction). */
  public boolean preview() {
    return preview;
  }

  public boolean atLeast(ApiVersion other) {
    return compareTo(other) >= 0;
  }

  /** Every released (non-preview) version, oldest first. */
  public static List<ApiVersion> released() {
    return Arrays.stream(values()).filter(v -> !v.preview).toList();
  }

  /** Parses a released version's label such as {@code 3.6}; empty for unknown and preview ones. */
  public static Optional<ApiVersion> fromLabel(String label) {
    return fromAnyLabel(label).filter(v -> !v.preview);
  }

  /** Parses any label the emulator knows, the preview {@code 3.7} included. */
  public static Optional<ApiVersion> fromAnyLabel(String label) {
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
