package io.chatform.api;

import static io.chatform.api.EmulatorFixture.obj;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.emulator.Emulator;
import io.chatform.emulator.EmulatorConfig;
import io.chatform.emulator.FaultConfig;
import io.chatform.kinds.BotKind;
import io.chatform.kinds.GroupKind;
import io.chatform.kinds.WebhookKind;
import io.chatform.model.ApiVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;

/**
 * Plants known secrets (PAT, access token, a bot secret, a webhook secret_key), runs calls that
 * succeed, retry and fail with {@code --debug} on, and asserts that none of them appears in any
 * debug line, exception message, stack trace text or {@code toString()}.
 */
class ClientSecretsIT {
  private static final String ACCOUNT = "acct-secrets";
  private static final String PAT = "pat-PLANTED-5b1e0c77d2";
  private static final String TOKEN = "tok-PLANTED-9e44a0f1c3";
  private static final String CLIENT = "client-secrets-0001";
  private static final String HOOK_KEY = "whk-PLANTED-31c8e9aa70";

  @Test
  void noPlantedSecretAppearsInDebugOutputOrErrors() throws Exception {
    var creds =
        new EmulatorConfig.Credentials(ACCOUNT, PAT, Map.of(TOKEN, CLIENT), "owner@secrets.dev");
    // Faults make the client retry, probe and log I/O errors: more text that could leak.
    var faults = FaultConfig.none().withSeed(11).withFailRate(0.2).withResetAfterWriteRate(0.3);
    Emulator e =
        EmulatorFixture.start(EmulatorConfig.defaults().withCredentials(creds).withFaults(faults));
    ConcurrentLinkedQueue<String> captured = new ConcurrentLinkedQueue<>();
    List<String> secrets = new ArrayList<>(List.of(PAT, TOKEN, HOOK_KEY));
    secrets.add(
        Base64.getEncoder().encodeToString((ACCOUNT + ":" + PAT).getBytes(StandardCharsets.UTF_8)));
    try (e) {
      ClientConfig patConfig =
          EmulatorFixture.config(e, ApiVersion.V3_6, new Credentials.Pat(ACCOUNT, Secret.of(PAT)))
              .debug(captured::add)
              .build();
      ClientConfig bearerConfig =
          EmulatorFixture.config(e, ApiVersion.V3_5, new Credentials.Bearer(Secret.of(TOKEN)))
              .debug(captured::add)
              .build();
      captured.add(patConfig.toString());
      captured.add(bearerConfig.toString());
      try (LiveChatClient pat = LiveChatClient.create(patConfig);
          LiveChatClient bearer = LiveChatClient.create(bearerConfig)) {
        BotCreated bot =
            BotKind.createBot(pat, obj("{\"name\":\"S\",\"owner_client_id\":\"" + CLIENT + "\"}"));
        bot.secret().ifPresent(s -> secrets.add(s.reveal()));
        captured.add(bot.toString());
        JsonNode reset = bearer.call("reset_bot_secret", obj("{\"id\":\"" + bot.id() + "\"}"));
        secrets.add(reset.path("secret").asText());
        String hook =
            WebhookKind.registerWebhook(
                bearer,
                obj(
                    "{\"action\":\"incoming_chat\",\"url\":\"https://h.example/s\","
                        + "\"type\":\"license\",\"secret_key\":\""
                        + HOOK_KEY
                        + "\"}"));
        captured.add(bearer.listWebhooks(CLIENT).toString());
        pat.listBots(true, List.of());
        // failures whose messages could carry a secret
        expectFailure(
            captured,
            () ->
                WebhookKind.registerWebhook(
                    bearer,
                    obj(
                        "{\"action\":\"no_such_action\",\"url\":\"https://h.example/s\","
                            + "\"type\":\"license\",\"secret_key\":\""
                            + HOOK_KEY
                            + "\"}")));
        expectFailure(
            captured,
            () -> BotKind.createBot(pat, obj("{\"owner_client_id\":\"" + CLIENT + "\"}")));
        expectFailure(captured, () -> GroupKind.deleteGroup(pat, 424242));
        WebhookKind.unregisterWebhook(bearer, hook, CLIENT);
      }
      // wrong credentials: the wrong values are secrets too
      String wrongPat = "pat-WRONG-0c0c0c0c0c";
      String wrongToken = "tok-WRONG-1d1d1d1d1d";
      secrets.add(wrongPat);
      secrets.add(wrongToken);
      for (Credentials wrong :
          List.of(
              new Credentials.Pat(ACCOUNT, Secret.of(wrongPat)),
              new Credentials.Bearer(Secret.of(wrongToken)))) {
        try (LiveChatClient c =
            LiveChatClient.create(
                EmulatorFixture.config(e, ApiVersion.V3_6, wrong).debug(captured::add).build())) {
          expectFailure(captured, () -> c.listGroups(List.of()));
        }
      }
      // an unreachable server: transport errors are logged and thrown too
      int port = e.port();
      e.close();
      try (LiveChatClient c =
          LiveChatClient.create(
              ClientConfig.builder(new Credentials.Pat(ACCOUNT, Secret.of(PAT)))
                  .apiUrl("http://127.0.0.1:" + port)
                  .retry(
                      new RetryPolicy(
                          2,
                          java.time.Duration.ofSeconds(2),
                          java.time.Duration.ZERO,
                          java.time.Duration.ZERO))
                  .debug(captured::add)
                  .build())) {
        expectFailure(captured, () -> c.listGroups(List.of()));
      }
    }

    assertThat(captured).anyMatch(l -> l.contains("HTTP 200")); // debug really was on
    assertThat(captured).anyMatch(l -> l.contains("retrying") || l.contains("outcome unknown"));
    assertThat(secrets).allMatch(s -> s.length() >= 10);
    String all = String.join("\n", captured);
    for (String s : secrets) {
      assertThat(all).as("captured output must not contain a planted secret").doesNotContain(s);
    }
  }

  /** Runs {@code r}, which must fail, and captures everything its exception prints. */
  private static void expectFailure(ConcurrentLinkedQueue<String> captured, Runnable r) {
    try {
      r.run();
    } catch (RuntimeException ex) {
      assertThat(ex).isInstanceOf(LiveChatException.class);
      captured.add(ex.getMessage());
      captured.add(ex.toString());
      StringWriter trace = new StringWriter();
      ex.printStackTrace(new PrintWriter(trace));
      captured.add(trace.toString());
      if (ex instanceof LiveChatException lc) {
        captured.add(lc.serverMessage());
        captured.add(lc.data().map(JsonNode::toString).orElse(""));
      }
      return;
    }
    throw new AssertionError("expected a failure");
  }
}
