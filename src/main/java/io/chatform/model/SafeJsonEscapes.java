package io.chatform.model;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;

/**
 * Jackson escapes C0 controls in JSON strings but writes C1 controls and bidi overrides raw; those
 * are valid JSON, yet a plan viewed with {@code cat} could still drive a terminal or reorder what a
 * reviewer reads. This escapes them as {@code \\uXXXX} too (same JSON value once parsed).
 */
final class SafeJsonEscapes extends CharacterEscapes {
  private static final long serialVersionUID = 1L;
  private final int[] ascii = standardAsciiEscapesForJSON();

  @Override
  public int[] getEscapeCodesForAscii() {
    return ascii;
  }

  @Override
  public SerializableString getEscapeSequence(int ch) {
    return Escapes.escaped(ch) ? new SerializedString(String.format("\\u%04x", ch)) : null;
  }
}
