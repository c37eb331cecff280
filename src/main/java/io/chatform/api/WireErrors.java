package io.chatform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.model.Escapes;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns wire answers into {@link LiveChatException}s (every text passing through the {@link
 * Redactor}) and reads the headers that steer retries.
 */
final class WireErrors {
  private static final int MAX_MESSAGE = 500;
  private final Redactor redactor;

  WireErrors(Redactor redactor) {
    this.redactor = redactor;
  }

  /** The body as JSON, or empty when it is blank or not JSON. */
  static Optional<JsonNode> parse(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(WireMapper.MAPPER.readTree(text));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  /** {@code {"error":{"type":…,"message":…,"data":…}}} → exception, whatever the HTTP status. */
  Optional<LiveChatException> fromBody(String method, OptionalInt status, JsonNode json) {
    JsonNode error = json.path("error");
    if (!error.isObject() || !error.path("type").isTextual()) {
      return Optional.empty();
    }
    String wire = error.path("type").asText();
    JsonNode data = error.path("data");
    return Optional.of(
        new LiveChatException(
            ErrorType.fromWire(wire),
            Escapes.shortened(redactor.redact(wire), 60),
            method,
            shown(error.path("message").asText("")),
            status,
            data.isMissingNode() || data.isNull() ? Optional.empty() : Optional.of(data),
            null));
  }

  /** An error the client diagnosed itself (no LiveChat error body). */
  LiveChatException client(ErrorType type, String method, String message, OptionalInt status) {
    return new LiveChatException(
        type, type.wire(), method, shown(message), status, Optional.empty(), null);
  }

  LiveChatException transport(String method, String message, Throwable cause) {
    return new LiveChatException(
        ErrorType.TRANSPORT,
        ErrorType.TRANSPORT.wire(),
        method,
        shown(message),
        OptionalInt.empty(),
        Optional.empty(),
        cause);
  }

  /**
   * Server text as it may appear in a message: secrets masked, control characters escaped and cut
   * to {@value #MAX_MESSAGE} characters (a hostile server's "message" can be megabytes of escape
   * sequences).
   */
  private String shown(String text) {
    return Escapes.shortened(redactor.redact(text), MAX_MESSAGE);
  }

  /** {@code Retry-After}: delta-seconds or an HTTP date. */
  static Optional<Duration> retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    String h = header.strip();
    try {
      long seconds = Long.parseLong(h);
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(h, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
      } catch (DateTimeParseException ignored) {
        return Optional.empty();
      }
    }
  }
}
