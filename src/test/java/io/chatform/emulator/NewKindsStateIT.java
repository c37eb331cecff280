package io.chatform.emulator;

import static io.chatform.emulator.Quotes.j;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tags, greetings, canned responses and allowed domains persist with {@code --state} like the rest,
 * and stats and faults apply to their methods as to every method.
 */
class NewKindsStateIT {
  @TempDir Path dir;

  private static JsonNode snapshot(TestClient c) {
    var out = Params.object();
    out.set("tags", c.ok("list_tags", "{}"));
    out.set("greetings", c.ok("list_greetings", "{}"));
    out.set("canned", c.ok("list_canned_responses", j("{'include_private':true}")));
    out.set("domains", c.ok("list_allowed_domains", "{}"));
    return out;
  }

  @Test
  void everythingSurvivesARestartThroughTheStateFile() throws Exception {
    Path state = dir.resolve("state.json");
    JsonNode before;
    long greeting;
    long canned;
    try (Emulator e = Emulator.start(EmulatorConfig.defaults().withStatePath(state))) {
      TestClient c = new TestClient(e).version("v3.7");
      long g = c.ok("create_group", j("{'name':'G','agent_priorities':{}}")).get("id").asLong();
      c.ok("create_tag", j("{'name':'Billing','group_ids':[0," + g + "]}"));
      greeting = c.ok("create_greeting", GreetingsIT.greeting("Hello", g)).get("id").asLong();
      canned =
          c.ok(
                  "create_canned_response",
                  j("{'text':'Hi','tags':['hi'],'group_id':" + g + ",'is_private':true}"))
              .get("id")
              .asLong();
      c.ok("add_allowed_domain", j("{'domain':'example.com'}"));
      before = snapshot(c);
      assertThat(before.at("/greetings/found_greetings").asInt()).isEqualTo(1);
    }
    try (Emulator e = Emulator.start(EmulatorConfig.defaults().withStatePath(state))) {
      TestClient c = new TestClient(e).version("v3.7");
      assertThat(snapshot(c)).isEqualTo(before);
      // ids keep growing after a restart: no reuse of the ids already handed out
      assertThat(c.ok("create_greeting", GreetingsIT.greeting("Next", 0)).get("id").asLong())
          .isGreaterThan(greeting);
      assertThat(
              c.ok("create_canned_response", CannedResponsesIT.canned("x", "y", 0))
                  .get("id")
                  .asLong())
          .isGreaterThan(canned);
      assertThat(c.call("create_tag", j("{'name':'billing'}")).errorType())
          .isEqualTo("already_exists");
      assertThat(c.call("add_allowed_domain", j("{'domain':'example.com'}")).errorType())
          .isEqualTo("already_exists");
    }
  }

  @Test
  void aDeletedGroupTakesItsGreetingsAndCannedResponsesWithIt() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      TestClient c = new TestClient(e).version("v3.7");
      long g = c.ok("create_group", j("{'name':'G','agent_priorities':{}}")).get("id").asLong();
      long id = c.ok("create_greeting", GreetingsIT.greeting("Hello", g)).get("id").asLong();
      c.ok("create_greeting", GreetingsIT.greeting("Stays", 0));
      c.ok("create_canned_response", CannedResponsesIT.canned("x", "y", g));
      c.ok("delete_group", j("{'id':" + g + "}"));
      assertThat(c.ok("list_greetings", "{}").get("found_greetings").asInt()).isEqualTo(1);
      assertThat(c.call("get_greeting", j("{'id':" + id + "}")).errorType()).isEqualTo("not_found");
      assertThat(c.ok("list_canned_responses", "{}").get("found_canned_responses").asInt())
          .isZero();
      assertThat(e.state().at("/greetings/greetings")).hasSize(1);
    }
  }

  @Test
  void statsCountTheNewMethodsAndFaultsApplyToThem() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      TestClient c = new TestClient(e).version("v3.7");
      c.ok("create_tag", j("{'name':'a'}"));
      c.call("create_tag", j("{'name':'A'}"));
      c.ok("list_greetings", "{}");
      c.ok("list_allowed_domains", "{}");
      JsonNode stats = e.stats();
      assertThat(stats.at("/calls/create_tag").asInt()).isEqualTo(2);
      assertThat(stats.at("/calls/list_greetings").asInt()).isEqualTo(1);
      assertThat(stats.at("/calls/list_allowed_domains").asInt()).isEqualTo(1);
      assertThat(stats.at("/errors/already_exists").asInt()).isEqualTo(1);
    }
    var failing = EmulatorConfig.defaults().withFaults(FaultConfig.none().withFailRate(1));
    try (Emulator e = Emulator.start(failing)) {
      TestClient c = new TestClient(e).version("v3.7");
      assertThat(c.call("create_greeting", GreetingsIT.greeting("x", 0)).status()).isIn(500, 503);
      assertThat(c.call("add_allowed_domain", j("{'domain':'a.example'}")).status()).isIn(500, 503);
      assertThat(e.state().at("/greetings/greetings")).isEmpty();
      assertThat(e.state().at("/allowed_domains/domains")).isEmpty();
    }
    var resetting =
        EmulatorConfig.defaults().withFaults(FaultConfig.none().withResetAfterWriteRate(1));
    try (Emulator e = Emulator.start(resetting)) {
      TestClient c = new TestClient(e).version("v3.7");
      assertThatThrownBy(() -> c.call("create_tag", j("{'name':'t'}")))
          .isInstanceOf(UncheckedIOException.class);
      assertThat(c.ok("list_tags", "{}")).hasSize(1); // applied before the connection dropped
      assertThat(c.call("create_tag", j("{'name':'T'}")).errorType()).isEqualTo("already_exists");
    }
  }
}
