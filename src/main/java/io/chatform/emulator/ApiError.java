package io.chatform.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import java.util.Optional;

/**
 * A failure the emulated API answers with the documented body {@code
 * {"error":{"type","message","data"}}}; handlers throw it and the server renders it.
 */
public final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String type;
  private final int status;
  private final transient ObjectNode data;

  public ApiError(String type, int status, String message, ObjectNode data) {
    super(message, null, false, false);
    this.type = type;
    this.status = status;
    this.data = data;
  }

  public String type() {
    return type;
  }

  public int status() {
    return status;
  }

  public Optional<ObjectNode> data() {
    return Optional.ofNullable(data);
  }

  public static ApiError validation(String message) {
    return new ApiError("validation", 400, message, null);
  }

  public static ApiError notFound(String message) {
    return new ApiError("not_found", 404, message, null);
  }

  public static ApiError groupNotFound(String message) {
    return new ApiError("group_not_found", 404, message, null);
  }

  /**
   * The Configuration API's error list names this type {@code already_exists}; one rendering of the
   * public docs spells it {@code already_exist}. The emulator answers the documented {@code
   * already_exists}; the client accepts both spellings.
   */
  public static ApiError alreadyExists(String message) {
    return new ApiError("already_exists", 409, message, null);
  }

  public static ApiError limitReached(String message) {
    return new ApiError("limit_reached", 422, message, null);
  }

  public static ApiError authorization(String message) {
    return new ApiError("authorization", 403, message, null);
  }

  public static ApiError authentication(String message) {
    return new ApiError("authentication", 401, message, null);
  }

  /** What the service answers for a method that does not exist in the called version. */
  public static ApiError methodNotFound(String method, ApiVersion version) {
    return new ApiError(
        "not_found", 404, "Method " + method + " is not available in v" + version.label(), null);
  }

  public static ApiError unsupportedVersion(String segment) {
    return new ApiError("unsupported_version", 400, "Unsupported API version: " + segment, null);
  }
}
