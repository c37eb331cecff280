package io.chatform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.emulator.Emulator;
import io.chatform.emulator.EmulatorConfig;
import io.chatform.model.ApiVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Test support for the client-against-emulator ITs: the sandbox credentials as client credentials,
 * fast retry settings, and readers of the emulator's own state (the ground truth for "no
 * duplicates", never the client's view).
 */
final class EmulatorFixture {
  static final String CLIENT_ID = EmulatorConfig.SANDBOX_CLIENT_ID;
  static final Path DEV_PEM = Path.of("src/main/resources/io/chatform/emulator/dev-localhost.pem");

  /** Short waits so fault tests stay fast; enough attempts to ride out a 30 % fault rate. */
  static final RetryPolicy FAST_RETRY =
      new RetryPolicy(12, Duration.ofSeconds(20), Duration.ofMillis(5), Duration.ofMillis(100));

  private EmulatorFixture() {}

  static Emulator start(EmulatorConfig config) {
    try {
      return Emulator.start(config);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Credentials pat() {
    return new Credentials.Pat(
        EmulatorConfig.SANDBOX_ACCOUNT_ID, Secret.of(EmulatorConfig.SANDBOX_PAT));
  }

  static Credentials bearer() {
    return new Credentials.Bearer(Secret.of(EmulatorConfig.SANDBOX_TOKEN));
  }

  /** A client config for {@code emulator}: PAT auth, fast retries, generous rate. */
  static ClientConfig.Builder config(Emulator emulator, ApiVersion version) {
    return config(emulator, version, pat());
  }

  static ClientConfig.Builder config(Emulator emulator, ApiVersion version, Credentials creds) {
    return ClientConfig.builder(creds)
        .apiUrl(emulator.baseUrl())
        .version(version)
        .maxRps(2000)
        .startRps(2000)
        .retry(FAST_RETRY)
        // the emulator is immediately consistent unless a test turns on its consistency delay
        .consistencyWait(Duration.ZERO)
        .callTimeout(Duration.ofSeconds(10));
  }

  static ObjectNode obj(String json) {
    try {
      return (ObjectNode) WireMapper.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The elements of {@code module.field} in the emulator's state document. */
  static List<JsonNode> stateList(Emulator emulator, String module, String field) {
    JsonNode n = emulator.state().path(module).path(field);
    List<JsonNode> out = new ArrayList<>();
    if (n.isArray()) {
      n.forEach(out::add);
    } else if (n.isObject()) {
      n.forEach(out::add);
    }
    return out;
  }
}
