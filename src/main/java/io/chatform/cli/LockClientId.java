package io.chatform.cli;

import io.chatform.emulator.EmulatorConfig;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * {@code --lock-client-id}: the Client ID whose private properties hold the account lock's lease;
 * shared by the commands that take the lock and by {@code plan --out}, which records its state.
 */
public final class LockClientId {
  /** Environment variable naming the lease's Client ID, so every pipeline agrees on one. */
  static final String ENV = "CHATFORM_LOCK_CLIENT_ID";

  @Option(
      names = "--lock-client-id",
      paramLabel = "CLIENT_ID",
      description =
          "The Client ID whose private properties hold the account lock's lease (default: $"
              + ENV
              + ", else the smallest Client ID the manifests name). Every writer must use the same.")
  String clientId;

  /** The flag, else the environment, else (sandbox only) the sandbox's own Client ID. */
  Optional<String> explicit(Connection c, Map<String, String> env) {
    Optional<String> id =
        Optional.ofNullable(clientId)
            .or(() -> Optional.ofNullable(env.get(ENV)))
            .filter(s -> !s.isBlank());
    if (id.isEmpty() && c.target().apiUrl().startsWith("sandbox:")) {
      id = Optional.of(EmulatorConfig.SANDBOX_CLIENT_ID);
    }
    if (id.isPresent() && !id.get().matches("[0-9a-f]{32}")) {
      throw new UserException(
          "--lock-client-id " + id.get() + ": a Client ID is 32 lowercase hex characters");
    }
    return id;
  }
}
