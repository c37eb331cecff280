package io.chatform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.kinds.BotKind;
import io.chatform.kinds.WebhookKind;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plants known secrets and proves none escapes into debug lines, exceptions or toString(). */
class RedactionTest {
  private static final String PAT = "pat-PLANTED-9f8e7d";
  private static final String TOKEN = "tok-PLANTED-1a2b3c";
  private static final String HOOK_KEY = "hook-PLANTED-4d5e6f";

  private FakeServer fs;

  @BeforeEach
  void start() throws Exception {
    fs = new FakeServer();
  }

  @AfterEach
  void stop() {
    fs.close();
  }

  private List<String> secrets(List<String> extra) {
    List<String> all = new ArrayList<>(List.of(PAT, TOKEN, HOOK_KEY));
    all.add(Base64.getEncoder().encodeToString(("acc:" + PAT).getBytes()));
    all.addAll(extra);
    return all;
  }

  @Test
  void noPlantedSecretEscapes() throws Exception {
    List<String> seen = new ArrayList<>();
    List<String> botSecrets = new ArrayList<>();
    Credentials pat = new Credentials.Pat("acc", Secret.of(PAT));
    try (LiveChatClient c = LiveChatClient.create(fs.config(pat).build())) {
      BotCreated bot =
          BotKind.createBot(c, WireMapper.object().put("name", "B").put("owner_client_id", "c1"));
      botSecrets.add(bot.secret().orElseThrow().reveal());
      seen.add(bot.toString());
      ObjectNode hook =
          WireMapper.object()
              .put("action", "incoming_chat")
              .put("url", "https://h/x")
              .put("type", "license")
              .put("owner_client_id", "c1")
              .put("secret_key", HOOK_KEY);
      WebhookKind.registerWebhook(c, hook);
      // A server that echoes secrets back in its error message.
      fs.fake.fault(
          "list_webhooks",
          new FakeLiveChat.Canned(
              400,
              "{\"error\":{\"type\":\"validation\",\"message\":\"bad key "
                  + HOOK_KEY
                  + " for "
                  + PAT
                  + " / "
                  + botSecrets.get(0)
                  + " Authorization: Bearer abcdefghijkl\"}}",
              Map.of()));
      LiveChatException e =
          catchThrowableOfType(LiveChatException.class, () -> c.listWebhooks("c1"));
      seen.add(e.getMessage());
      seen.add(e.toString());
      seen.add(e.serverMessage());
      // list_webhooks from a server that includes secret_key: dropped.
      seen.add(c.listWebhooks("c1").toString());
      seen.add(c.config().toString());
      seen.add(c.redact("{\"secret\":\"" + botSecrets.get(0) + "\"}"));
    }
    Credentials bearer = new Credentials.Bearer(Secret.of(TOKEN));
    try (LiveChatClient c = LiveChatClient.create(fs.config(bearer).build())) {
      fs.fake.fault(
          "list_groups",
          new FakeLiveChat.Canned(
              401,
              "{\"error\":{\"type\":\"authentication\",\"message\":\"token "
                  + TOKEN
                  + " expired\"}}",
              Map.of()));
      LiveChatException e =
          catchThrowableOfType(LiveChatException.class, () -> c.listGroups(List.of()));
      seen.add(e.getMessage());
      seen.add(c.config().toString());
    }
    seen.addAll(fs.debug);
    assertThat(fs.debug).isNotEmpty();
    assertThat(fs.debug)
        .anyMatch(l -> l.contains("create_bot attempt 1") && l.contains("HTTP 200"));
    String all = String.join("\n", seen);
    for (String s : secrets(botSecrets)) {
      assertThat(all).doesNotContain(s);
    }
    assertThat(all).doesNotContain("abcdefghijkl");
    assertThat(all).contains("(sensitive)");
    // The secrets did reach the server where they belong.
    assertThat(fs.fake.received.get(0).authorization()).contains(secrets(List.of()).get(3));
  }
}
