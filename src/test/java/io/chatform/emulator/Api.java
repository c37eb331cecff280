package io.chatform.emulator;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import java.util.Optional;

/** Calls modules directly (no sockets) for unit tests: one fresh account per instance. */
final class Api {
  final AccountState state =
      new AccountState(EmulatorConfig.SANDBOX_ACCOUNT_ID, EmulatorConfig.SANDBOX_OWNER);
  ApiVersion version = ApiVersion.V3_6;
  Optional<String> clientId = Optional.of(EmulatorConfig.SANDBOX_CLIENT_ID);

  Api v(String label) {
    version = ApiVersion.fromAnyLabel(label).orElseThrow();
    return this;
  }

  JsonNode call(String method, String json) {
    ObjectNode body;
    try {
      body = (ObjectNode) Params.JSON.readTree(json.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
    Handler h = state.handler(method).orElseThrow(() -> ApiError.methodNotFound(method, version));
    return h.handle(new Call(version, method, body, clientId));
  }

  /** Asserts the call fails with {@code type} and a message containing {@code text}. */
  ApiError fails(String method, String json, String type, String text) {
    ApiError e = catchThrowableOfType(ApiError.class, () -> call(method, json));
    if (e == null) {
      throw new AssertionError(method + " " + json + " should fail with " + type);
    }
    assertThatThrownBy(
            () -> {
              throw e;
            })
        .hasMessageContaining(text);
    if (!e.type().equals(type)) {
      throw new AssertionError("expected " + type + " but got " + e.type() + ": " + e.getMessage());
    }
    return e;
  }
}
