package io.chatform.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.api.LiveChatClient;
import io.chatform.emulator.Emulator;
import io.chatform.emulator.EmulatorConfig;
import io.chatform.emulator.FaultConfig;
import io.chatform.emulator.SandboxClients;
import io.chatform.kinds.WebhookKind;
import io.chatform.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A fresh emulated account whose lists lag {@link #LAG_MS} behind writes (no jitter), for an apply
 * that fails although its plan was sound: webhooks registered by hand a moment before (a raw
 * client, as a person in the LiveChat app would, so in no chatform journal) fill a slot no list
 * shows yet; the plan sees room, and the API answers the create with {@code limit_reached}.
 */
final class LaggingAccount implements AutoCloseable {
  /** Far longer than an in-process apply takes to read the account. */
  static final int LAG_MS = 6000;

  final Emulator emulator;
  private final Path journal;

  private LaggingAccount(Emulator emulator, Path journal) {
    this.emulator = emulator;
    this.journal = journal;
  }

  /** A fresh account (its own journal under {@code dir}), nothing in it yet. */
  static LaggingAccount start(Path dir) {
    try {
      Emulator e =
          Emulator.start(
              EmulatorConfig.defaults()
                  .withFaults(FaultConfig.none().withConsistencyDelayMs(LAG_MS)));
      return new LaggingAccount(e, Files.createTempDirectory(dir, "journal"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Registers by hand the three webhooks one action of the sandbox Client ID may have (license,
   * {@code incoming_chat}, {@code https://old.x.example/1..3}); returns their ids. Lists show them
   * only {@link #LAG_MS} later.
   */
  List<String> fillIncomingChatSlotByHand(String secret) {
    List<String> ids = new ArrayList<>();
    try (LiveChatClient c = SandboxClients.client(emulator)) {
      for (int i = 1; i <= 3; i++) {
        ObjectNode hook =
            Json.object()
                .put("owner_client_id", Cli.CID)
                .put("type", "license")
                .put("action", "incoming_chat")
                .put("url", "https://old.x.example/" + i)
                .put("secret_key", secret);
        ids.add(WebhookKind.registerWebhook(c, hook));
      }
    }
    return ids;
  }

  /**
   * {@code chatform apply --auto-approve} through {@code cli} (its environment and directory)
   * against this account with the sandbox's credentials, this account's journal and windows fitting
   * its lag, then {@code args}.
   */
  Cli.Result apply(Cli cli, String... args) {
    String window = Double.toString(LAG_MS / 1000.0 + 1);
    List<String> all =
        new ArrayList<>(
            List.of(
                "apply",
                "--api-url",
                emulator.baseUrl(),
                "--auto-approve",
                "--no-color",
                "--journal",
                journal.toString(),
                "--consistency-window",
                window,
                "--consistency-wait",
                window));
    all.addAll(List.of(args));
    return cli.run(
        Map.of(
            "LIVECHAT_ACCOUNT_ID",
            EmulatorConfig.SANDBOX_ACCOUNT_ID,
            "LIVECHAT_PAT",
            EmulatorConfig.SANDBOX_PAT),
        all.toArray(String[]::new));
  }

  @Override
  public void close() {
    emulator.close();
  }
}
