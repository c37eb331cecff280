package io.chatform.emulator;

import static io.chatform.emulator.Quotes.eachRefused;
import static io.chatform.emulator.Quotes.j;
import static io.chatform.emulator.Quotes.notIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Allowed domains (3.7 only) over HTTP: add, list, delete, the 255-character limit, versions. */
class AllowedDomainsIT {
  @Test
  void addListDelete() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      TestClient c = new TestClient(e).version("v3.7");
      assertThat(c.ok("list_allowed_domains", "{}").toString()).isEqualTo("{\"domains\":[]}");
      assertThat(c.ok("add_allowed_domain", j("{'domain':'example.com'}"))).isEmpty();
      c.ok("add_allowed_domain", j("{'domain':'sub.example.com'}"));
      c.ok("add_allowed_domain", j("{'domain':'another-domain.com'}"));
      assertThat(c.ok("list_allowed_domains", "{}").get("domains").toString())
          .isEqualTo("[\"example.com\",\"sub.example.com\",\"another-domain.com\"]");

      TestClient.Reply dup = c.call("add_allowed_domain", j("{'domain':'EXAMPLE.com'}"));
      assertThat(dup.status()).isEqualTo(409);
      assertThat(dup.errorType()).isEqualTo("already_exists");

      assertThat(c.ok("delete_allowed_domain", j("{'domain':'Sub.Example.com'}"))).isEmpty();
      assertThat(c.ok("list_allowed_domains", "{}").get("domains").toString())
          .isEqualTo("[\"example.com\",\"another-domain.com\"]");
      TestClient.Reply gone = c.call("delete_allowed_domain", j("{'domain':'sub.example.com'}"));
      assertThat(gone.status()).isEqualTo(404);
      assertThat(gone.errorType()).isEqualTo("not_found");
    }
  }

  @Test
  void domainIsRequiredAtMost255CharactersAndADomainName() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      TestClient c = new TestClient(e).version("v3.7");
      String label = "a".repeat(63);
      String d255 = String.join(".", label, label, label, "a".repeat(60) + ".pl"); // 255
      assertThat(d255).hasSize(255);
      c.ok("add_allowed_domain", j("{'domain':'" + d255 + "'}"));
      TestClient.Reply tooLong = c.call("add_allowed_domain", j("{'domain':'x" + d255 + "'}"));
      assertThat(tooLong.errorType()).isEqualTo("validation");
      assertThat(tooLong.body().at("/error/message").asText()).contains("255");
      eachRefused(
          c,
          "add_allowed_domain",
          List.of(
              "{}",
              "{'domain':''}",
              "{'domain':7}",
              "{'domain':'https://example.com'}",
              "{'domain':'example.com/path'}",
              "{'domain':'exa mple.com'}",
              "{'domain':'-bad.com'}"));
      c.ok("add_allowed_domain", j("{'domain':'*.wild.example'}"));
      c.ok("add_allowed_domain", j("{'domain':'localhost'}"));
      assertThat(c.call("delete_allowed_domain", "{}").errorType()).isEqualTo("validation");
      assertThat(c.ok("list_allowed_domains", "{}").get("domains")).hasSize(3);
    }
  }

  @Test
  void onlyIn37() throws Exception {
    try (Emulator e = Emulator.start(EmulatorConfig.defaults())) {
      notIn(
          e,
          List.of("v3.4", "v3.5", "v3.6"),
          List.of("add_allowed_domain", "list_allowed_domains", "delete_allowed_domain"),
          j("{'domain':'example.com'}"));
    }
  }
}
