package io.chatform.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.model.UserFacingException;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A failed API call, keyed by {@link ErrorType} (the API's {@code error.type}, never the HTTP
 * status), carrying the method and a message that is already redacted of secrets. It is a {@link
 * UserFacingException}: its message is one line that says what failed and what to do, so the CLI
 * prints it without a stack trace.
 */
public class LiveChatException extends UserFacingException {
  private static final long serialVersionUID = 1L;

  private final ErrorType type;
  private final String wireType;
  private final String method;
  private final String serverMessage;
  private final OptionalInt httpStatus;
  private final transient Optional<JsonNode> data;
  private final boolean outcomeUnknown;

  /**
   * Builds the exception; callers inside this package pass texts through {@link Redactor} first.
   */
  LiveChatException(
      ErrorType type,
      String wireType,
      String method,
      String serverMessage,
      OptionalInt httpStatus,
      Optional<JsonNode> data,
      Throwable cause) {
    this(type, wireType, method, serverMessage, httpStatus, data, cause, false);
  }

  private LiveChatException(
      ErrorType type,
      String wireType,
      String method,
      String serverMessage,
      OptionalInt httpStatus,
      Optional<JsonNode> data,
      Throwable cause,
      boolean outcomeUnknown) {
    super(format(type, wireType, method, serverMessage, httpStatus), cause);
    this.outcomeUnknown = outcomeUnknown;
    this.type = Objects.requireNonNull(type);
    this.wireType = wireType;
    this.method = method;
    this.serverMessage = serverMessage;
    this.httpStatus = httpStatus;
    this.data = data;
  }

  /** Same failure with a note appended (e.g. why retrying stopped). */
  LiveChatException withNote(String note) {
    return new LiveChatException(
        type,
        wireType,
        method,
        serverMessage + "; " + note,
        httpStatus,
        data,
        getCause(),
        outcomeUnknown);
  }

  /** Same failure, marked as one where the write may or may not have happened. */
  LiveChatException asOutcomeUnknown(String note) {
    return new LiveChatException(
        type, wireType, method, serverMessage + "; " + note, httpStatus, data, getCause(), true);
  }

  /**
   * True when a write failed in a way that leaves its effect unknown (timeout, reset, 5xx) and the
   * client did not resolve it: re-read the account before acting on this object.
   */
  public boolean outcomeUnknown() {
    return outcomeUnknown;
  }

  private static String format(
      ErrorType type, String wireType, String method, String msg, OptionalInt status) {
    StringBuilder sb = new StringBuilder();
    if (type == ErrorType.UNEXPECTED_RESPONSE) {
      // Not a LiveChat error: the answer itself is wrong (shape, size, ids), so say so.
      sb.append("unexpected answer from the API to ").append(method).append(": ").append(msg);
    } else {
      sb.append("LiveChat API ").append(method).append(" failed: ").append(wireType);
      if (!msg.isBlank()) {
        sb.append(": ").append(msg);
      }
    }
    status.ifPresent(s -> sb.append(" (HTTP ").append(s).append(')'));
    if (!type.hint().isEmpty()) {
      sb.append(" — ").append(type.hint());
    }
    return sb.toString();
  }

  public ErrorType type() {
    return type;
  }

  public boolean is(ErrorType t) {
    return type == t;
  }

  /**
   * True when the call's object (or a group it names) does not exist: LiveChat answers a missing
   * group with {@code not_found} from the group methods and {@code group_not_found} where another
   * call names the group (docs/emulator.md), so both mean "gone".
   */
  public boolean isMissing() {
    return type == ErrorType.NOT_FOUND || type == ErrorType.GROUP_NOT_FOUND;
  }

  /** The {@code error.type} as sent (useful when {@link #type()} is UNKNOWN). */
  public String wireType() {
    return wireType;
  }

  /** The API method, e.g. {@code create_group}. */
  public String method() {
    return method;
  }

  /** The server's {@code error.message} (redacted), or the client's description. */
  public String serverMessage() {
    return serverMessage;
  }

  public OptionalInt httpStatus() {
    return httpStatus;
  }

  /** The server's {@code error.data}, if any. */
  public Optional<JsonNode> data() {
    return data == null ? Optional.empty() : data;
  }
}
