package io.chatform.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** State files never hold bot secrets or webhook keys in plain text; old files still load. */
class StateSecretsIT {
  @TempDir Path dir;

  @Test
  void hashAndMatch() {
    JsonNode doc =
        StateSecrets.hashAll(
            Params.JSON
                .createObjectNode()
                .set(
                    "bots",
                    Params.JSON
                        .createObjectNode()
                        .set(
                            "bots",
                            Params.JSON
                                .createArrayNode()
                                .add(
                                    Params.object()
                                        .put("id", "b1")
                                        .put("secret", "plain-s3cr3t")))));
    JsonNode bot = doc.at("/bots/bots/0");
    assertThat(bot.has("secret")).isFalse();
    assertThat(bot.get("secret_sha256").asText()).startsWith("sha256:");
    assertThat(doc.toString()).doesNotContain("plain-s3cr3t");
    assertThat(StateSecrets.matches(bot, "secret", "plain-s3cr3t")).isTrue();
    assertThat(StateSecrets.matches(bot, "secret", "other")).isFalse();
    // two hashes of one secret differ (salted)
    assertThat(StateSecrets.hash("x")).isNotEqualTo(StateSecrets.hash("x"));
  }

  @Test
  void theStateFileHoldsNoPlainSecretAndOldFilesLoad() throws Exception {
    Path state = dir.resolve("state.json");
    String secretKey = "webhook-key-9f8e7d6c";
    String botSecret;
    try (Emulator e = Emulator.start(EmulatorConfig.defaults().withStatePath(state))) {
      TestClient c = new TestClient(e);
      c.ok(
          "register_webhook",
          "{\"action\":\"incoming_chat\",\"secret_key\":\""
              + secretKey
              + "\",\"url\":\"https://h.example/x\",\"type\":\"license\",\"owner_client_id\":\""
              + EmulatorConfig.SANDBOX_CLIENT_ID
              + "\"}");
      botSecret =
          c.ok(
                  "create_bot",
                  "{\"name\":\"B\",\"owner_client_id\":\""
                      + EmulatorConfig.SANDBOX_CLIENT_ID
                      + "\"}")
              .get("secret")
              .asText();
      // GET /__emulator/state shows what the file holds: hashes only
      String got = c.raw("GET", "/__emulator/state", null).raw().body();
      assertThat(got).contains("secret_key_sha256").doesNotContain(secretKey);
      assertThat(got).doesNotContain(botSecret);
    }
    String text = Files.readString(state);
    assertThat(text).isNotEmpty();
    assertThat(text).doesNotContain(secretKey).doesNotContain(botSecret).contains("_sha256");

    // an old state file with plain secrets: loads, and is rewritten hashed
    String old =
        text.replaceFirst(
            "\"secret_key_sha256\" : \"[^\"]*\"", "\"secret_key\" : \"old-plain-key\"");
    assertThat(old).contains("old-plain-key");
    Files.writeString(state, old);
    try (Emulator e = Emulator.start(EmulatorConfig.defaults().withStatePath(state))) {
      TestClient c = new TestClient(e);
      JsonNode hooks =
          c.ok(
              "list_webhooks",
              "{\"owner_client_id\":\"" + EmulatorConfig.SANDBOX_CLIENT_ID + "\"}");
      assertThat(hooks).hasSize(1);
      // the bot's secret, now only a hash, is still recognised
      String bot = c.ok("list_bots", "{\"all\":true}").get(0).get("id").asText();
      String token =
          "{\"bot_id\":\""
              + bot
              + "\",\"client_id\":\""
              + EmulatorConfig.SANDBOX_CLIENT_ID
              + "\",\"bot_secret\":\"";
      assertThat(c.ok("issue_bot_token", token + botSecret + "\"}").get("token").asText())
          .isNotEmpty();
      assertThat(c.call("issue_bot_token", token + "wrong\"}").errorType())
          .isEqualTo("authentication");
    }
    assertThat(Files.readString(state)).doesNotContain("old-plain-key");
  }
}
