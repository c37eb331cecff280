package io.chatform.api;

import com.fasterxml.jackson.databind.JsonNode;

/** One item's outcome in a batch call, so one failed item never hides the others' results. */
public sealed interface BatchResult {
  /** The item's plain result, e.g. {@code {}} or {@code {"id": …}}. */
  record Success(JsonNode result) implements BatchResult {}

  /** The item's error. */
  record Failure(LiveChatException error) implements BatchResult {}

  static BatchResult success(JsonNode result) {
    return new Success(result);
  }

  static BatchResult failure(LiveChatException error) {
    return new Failure(error);
  }

  default boolean isSuccess() {
    return this instanceof Success;
  }
}
