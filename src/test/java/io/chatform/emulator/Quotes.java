package io.chatform.emulator;

/** Test bodies written with single quotes, e.g. {@code j("{'name':'x'}")}, for readability. */
final class Quotes {
  private Quotes() {}

  static String j(String singleQuoted) {
    return singleQuoted.replace('\'', '"');
  }
}
