package io.chatform.model;

/**
 * Names compared ignoring letter case the way the service (and {@link String#equalsIgnoreCase})
 * does it: character by character, upper case then lower case. {@code toLowerCase} alone differs
 * for some letters (the dotless {@code ı} and {@code I} are one letter to {@code equalsIgnoreCase},
 * two to {@code toLowerCase}), and a check that folds differently from the API lets a duplicate
 * through that the API then refuses mid-apply.
 */
public final class CaseFold {
  private CaseFold() {}

  /** A key equal for two texts exactly when {@code equalsIgnoreCase} says they are equal. */
  public static String key(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      out.append(Character.toLowerCase(Character.toUpperCase(text.charAt(i))));
    }
    return out.toString();
  }
}
