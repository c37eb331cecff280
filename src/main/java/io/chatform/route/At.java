package io.chatform.route;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** Parses {@code --at} values such as {@code 2026-12-07T09:30 Europe/Berlin}. */
public final class At {
  private At() {}

  /**
   * Accepts {@code <local date-time> <zone id>} (the JDK's tz database names, e.g. {@code
   * Europe/Berlin}, or {@code UTC}), or an ISO date-time with an offset ({@code
   * 2026-12-07T09:30+01:00}).
   *
   * @throws IllegalArgumentException with a message that says what to write instead
   */
  public static ZonedDateTime parse(String text) {
    String t = text.trim();
    try {
      int space = t.lastIndexOf(' ');
      if (space > 0) {
        LocalDateTime local = LocalDateTime.parse(t.substring(0, space).trim());
        return local.atZone(ZoneId.of(t.substring(space + 1).trim()));
      }
      return OffsetDateTime.parse(t).toZonedDateTime();
    } catch (DateTimeException e) {
      throw new IllegalArgumentException(
          "cannot read the time '"
              + text
              + "' ("
              + e.getMessage()
              + "): write a local date-time and a time zone, e.g. \"2026-12-07T09:30"
              + " Europe/Berlin\"");
    }
  }
}
