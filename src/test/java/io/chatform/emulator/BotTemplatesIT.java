package io.chatform.emulator;

import static io.chatform.emulator.Quotes.j;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bot templates over HTTP against the docs: {id, secret} on create, five per Client ID, {@code
 * affect_existing_installations} on every write, the secret only in create and reset answers.
 */
class BotTemplatesIT {
  @TempDir Path dir;

  @Test
  void fivePerClientIdAndTheSecretOnlyInCreateAndResetAnswers() throws Exception {
    Path state = dir.resolve("state.json");
    try (Emulator e = Emulator.start(EmulatorConfig.defaults().withStatePath(state))) {
      TestClient c = new TestClient(e).version("v3.7");
      List<String> secrets = new ArrayList<>();
      String first = null;
      for (int i = 0; i < 5; i++) {
        JsonNode t = c.ok("create_bot_template", j("{'name':'T" + i + "'}"));
        assertThat(t.get("id").asText()).matches("[0-9a-f]{32}");
        assertThat(t.get("secret").asText()).matches("[0-9a-f]{32}");
        assertThat(t.size()).isEqualTo(2);
        secrets.add(t.get("secret").asText());
        first = first == null ? t.get("id").asText() : first;
      }
      TestClient.Reply sixth = c.call("create_bot_template", j("{'name':'T5'}"));
      assertThat(sixth.status()).isEqualTo(422);
      assertThat(sixth.errorType()).isEqualTo("limit_reached");
      c.ok("create_bot_template", j("{'name':'Other','owner_client_id':'another-app'}"));

      JsonNode list = c.ok("list_bot_templates", "{}");
      assertThat(list).hasSize(5);
      list.forEach(t -> assertThat(t.has("secret")).isFalse());
      String reset =
          c.ok(
                  "reset_bot_template_secret",
                  j("{'id':'" + first + "','affect_existing_installations':true}"))
              .get("secret")
              .asText();
      assertThat(reset).matches("[0-9a-f]{32}").isNotIn(secrets);
      secrets.add(reset);

      String stats = e.stats().toString();
      String onDisk = Files.readString(state);
      String doc = e.state().toString();
      for (String s : secrets) {
        assertThat(list.toString()).doesNotContain(s);
        assertThat(stats).doesNotContain(s);
        assertThat(onDisk).doesNotContain(s);
        assertThat(doc).doesNotContain(s);
      }

      assertThat(
              c.ok(
                  "update_bot_template",
                  j("{'id':'" + first + "','name':'R','max_chats_count':500}")))
          .isEmpty();
      assertThat(
              c.call("update_bot_template", j("{'id':'" + first + "','max_chats_count':501}"))
                  .errorType())
          .isEqualTo("validation");
      c.ok(
          "delete_bot_template", j("{'id':'" + first + "','affect_existing_installations':false}"));
      assertThat(c.ok("list_bot_templates", "{}")).hasSize(4);
      c.ok("create_bot_template", j("{'name':'T6'}")); // a slot is free again
    }
  }

  @Test
  void affectExistingInstallationsMustBeABooleanOnEveryWrite() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      TestClient c = new TestClient(e);
      String id = c.ok("create_bot_template", j("{'name':'T'}")).get("id").asText();
      String bad = ",'affect_existing_installations':'yes'";
      assertThat(c.call("create_bot_template", j("{'name':'U'" + bad + "}")).errorType())
          .isEqualTo("validation");
      for (String m :
          List.of("update_bot_template", "delete_bot_template", "reset_bot_template_secret")) {
        TestClient.Reply r = c.call(m, j("{'id':'" + id + "'" + bad + "}"));
        assertThat(r.status()).as(m).isEqualTo(400);
        assertThat(r.body().at("/error/message").asText())
            .contains("affect_existing_installations");
      }
      assertThat(c.ok("list_bot_templates", "{}")).hasSize(1);
      TestClient pat = new TestClient(e);
      pat.auth = TestClient.BASIC;
      assertThat(pat.call("list_bot_templates", "{}").errorType()).isEqualTo("validation");
      assertThat(
              pat.ok(
                  "list_bot_templates",
                  j("{'owner_client_id':'" + EmulatorConfig.SANDBOX_CLIENT_ID + "'}")))
          .hasSize(1);
      TestClient v34 = new TestClient(e).version("v3.4");
      assertThat(v34.call("list_bot_templates", "{}").errorType()).isEqualTo("not_found");
    }
  }
}
