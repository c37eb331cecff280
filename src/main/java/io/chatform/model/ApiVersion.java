package io.chatform.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * LiveChat Configuration API versions: the emulator serves all of these, the client speaks those in
 * {@link #SUPPORTED} (the one list every {@code --api-version} accepts). Rules that differ by
 * version ask {@link #atLeast}. 3.7 is the developer preview: never a default, taken only when
 * asked for ({@code --api-version 3.7}, {@link #ACCEPTED}); {@link #fromLabel}, {@link #released()}
 * and {@link #SUPPORTED} leave it out.
 */
public enum ApiVersion {
  V3_4("3.4", false),
  V3_5("3.5", false),
  V3_6("3.6", false),
  V3_7("3.7", true);

  /** The versions chatform speaks, the stable default first: what every --api-version takes. */
  public static final List<ApiVersion> SUPPORTED = List.of(V3_6, V3_5);

  /**
   * What {@code --api-version} takes: {@link #SUPPORTED} and the developer previews, which a user
   * opts into by naming them (never a default, never chosen from a saved file's claim alone).
   */
  public static final List<ApiVersion> ACCEPTED = List.of(V3_6, V3_5, V3_7);

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

  /** The supported versions as users read them: "3.6 (stable) or 3.5". */
  public static String supportedText() {
    List<String> shown = new java.util.ArrayList<>();
    for (int i = 0; i < SUPPORTED.size(); i++) {
      shown.add(SUPPORTED.get(i).label + (i == 0 ? " (stable)" : ""));
    }
    return either(shown);
  }

  /** Alternatives as users read them: "3.6, 3.5 or 3.7". */
  public static String either(List<String> choices) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < choices.size(); i++) {
      b.append(i == 0 ? "" : i == choices.size() - 1 ? " or " : ", ").append(choices.get(i));
    }
    return b.toString();
  }

  /** Parses a released version's label such as {@code 3.6}; empty for unknown and preview ones. */
  public static Optional<ApiVersion> fromLabel(String label) {
    return fromAnyLabel(label).filter(v -> !v.preview);
  }

  /** Parses a label {@code --api-version} takes ({@link #ACCEPTED}), the preview 3.7 included. */
  public static Optional<ApiVersion> fromAcceptedLabel(String label) {
    return fromAnyLabel(label).filter(ACCEPTED::contains);
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
