package io.chatform.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Helpers for the module tests: JSON from single-quoted text, calls, a tiny fake account. */
final class KindsTestSupport {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private KindsTestSupport() {}

  /** Parses JSON written with single quotes, so tests stay readable. */
  static ObjectNode json(String singleQuoted) {
    try {
      return (ObjectNode) MAPPER.readTree(singleQuoted.replace('\'', '"'));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Calls {@code method} of {@code module} as a Bearer caller bound to {@code clientId}. */
  static JsonNode call(
      Module module, ApiVersion version, String method, String body, String clientId) {
    Handler handler = module.methods().get(method);
    assertThat(handler).as("handler for %s", method).isNotNull();
    return handler.handle(new Call(version, method, json(body), Optional.of(clientId)));
  }

  /** Calls as a PAT caller (no Client ID bound to the credentials). */
  static JsonNode callWithPat(Module module, ApiVersion version, String method, String body) {
    return module
        .methods()
        .get(method)
        .handle(new Call(version, method, json(body), Optional.empty()));
  }

  /** The ApiError the call throws (fails the test when it succeeds). */
  static ApiError error(
      Module module, ApiVersion version, String method, String body, String clientId) {
    ApiError e =
        catchThrowableOfType(ApiError.class, () -> call(module, version, method, body, clientId));
    assertThat(e).as("%s %s should fail", method, body).isNotNull();
    return e;
  }

  /** Round-trips a module's state through JSON text into {@code fresh}. */
  static void roundTrip(Module from, Module fresh) {
    ObjectNode state = MAPPER.createObjectNode();
    from.writeState(state);
    try {
      fresh.readState(MAPPER.readTree(MAPPER.writeValueAsString(state)));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** An account whose groups are a mutable set; no agents or bots. */
  static final class StubGroupsAccount implements Account {
    final Set<Long> groups = new TreeSet<>(Set.of(0L));

    StubGroupsAccount(long... extra) {
      for (long g : extra) {
        groups.add(g);
      }
    }

    @Override
    public boolean groupExists(long groupId) {
      return groups.contains(groupId);
    }

    @Override
    public boolean agentOrBotExists(String id) {
      return false;
    }

    @Override
    public java.util.List<Long> groupIds() {
      return java.util.List.copyOf(groups);
    }
  }
}
