package io.chatform.cli;

import io.chatform.api.ClientConfig;
import io.chatform.api.Credentials;
import io.chatform.api.LiveChatClient;
import io.chatform.emulator.Emulator;
import io.chatform.emulator.EmulatorConfig;
import io.chatform.plan.Target;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * An open line to one account: the API client, and with {@code --sandbox} the embedded emulator
 * whose state lives in a file, so plan/apply work across invocations without a LiveChat account.
 */
final class Connection implements AutoCloseable {
  private final LiveChatClient client;
  private final Target target;
  private final Optional<Emulator> emulator;
  private PrintWriter err = new PrintWriter(java.io.Writer.nullWriter());

  private Connection(LiveChatClient client, Target target, Optional<Emulator> emulator) {
    this.client = client;
    this.target = target;
    this.emulator = emulator;
  }

  /** Where progress lines go (the command's stderr). */
  PrintWriter err() {
    return err;
  }

  static Connection open(TargetOptions options, Map<String, String> env, PrintWriter debugOut) {
    Connection c = connect(options, env, debugOut);
    c.err = debugOut;
    return c;
  }

  private static Connection connect(
      TargetOptions options, Map<String, String> env, PrintWriter debugOut) {
    options.checkConflicts();
    if (!options.sandbox) {
      ClientConfig config = options.toClientConfig(env, debugOut);
      return new Connection(
          LiveChatClient.create(config), target(config, config.apiUrl()), Optional.empty());
    }
    Path state = options.sandboxState.toAbsolutePath();
    Emulator emulator;
    try {
      Files.createDirectories(state.getParent());
      emulator = Emulator.start(EmulatorConfig.defaults().withStatePath(state));
    } catch (io.chatform.emulator.StateInUseException e) {
      throw new UserException("cannot start the sandbox: " + e.getMessage(), e);
    } catch (IOException | RuntimeException e) {
      throw new UserException(
          "cannot start the sandbox with state "
              + state
              + ": "
              + e.getMessage()
              + " (delete the file to start from an empty account)",
          e);
    }
    Map<String, String> sandboxEnv =
        Map.of(
            Credentials.ENV_ACCOUNT_ID, EmulatorConfig.SANDBOX_ACCOUNT_ID,
            Credentials.ENV_PAT, EmulatorConfig.SANDBOX_PAT);
    try {
      ClientConfig config = options.toClientConfig(sandboxEnv, debugOut, emulator.baseUrl());
      // The port changes every run: the sandbox is identified by its state file.
      return new Connection(
          LiveChatClient.create(config),
          target(config, TargetOptions.SANDBOX_PREFIX + state),
          Optional.of(emulator));
    } catch (RuntimeException e) {
      emulator.close();
      throw e;
    }
  }

  private static Target target(ClientConfig config, String url) {
    String account =
        config.credentials() instanceof Credentials.Pat pat ? pat.accountId() : "bearer";
    return new Target(url, account, config.version().label());
  }

  LiveChatClient client() {
    return client;
  }

  Target target() {
    return target;
  }

  @Override
  public void close() {
    client.close();
    emulator.ifPresent(Emulator::close);
  }
}
