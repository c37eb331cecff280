package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;

/** The implementation of one API method. Runs under the emulator's state lock. */
@FunctionalInterface
public interface Handler {
  /** Returns the JSON answer, or throws {@link ApiError}. */
  JsonNode handle(Call call);
}
