package io.chatform.model;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of the account lock's lease records (private property definitions named {@code
 * chatform_lease_<generation>}), in one place so every reader (plan, drift, export) can skip them.
 */
public final class LeaseNames {
  /** Every lease record's property name starts with this. */
  public static final String PREFIX = "chatform_lease_";

  private static final Pattern NAME = Pattern.compile("chatform_lease_([1-9][0-9]{0,17})");

  private LeaseNames() {}

  /** True for any name chatform reserves for the lock, whether or not it parses. */
  public static boolean isLease(String propertyName) {
    return propertyName.startsWith(PREFIX);
  }

  /** The property name of one generation. */
  public static String of(long generation) {
    if (generation < 1) {
      throw new IllegalArgumentException("lease generations start at 1, not " + generation);
    }
    return PREFIX + generation;
  }

  /** The generation a lease name stands for, or empty for a name that is not one. */
  public static OptionalLong generation(String propertyName) {
    Matcher m = NAME.matcher(propertyName);
    return m.matches() ? OptionalLong.of(Long.parseLong(m.group(1))) : OptionalLong.empty();
  }
}
