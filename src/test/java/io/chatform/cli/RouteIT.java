package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.model.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code chatform route} offline on examples/acme and {@code --live} on the emulator agree. */
class RouteIT {
  @TempDir Path tmp;
  Cli cli;

  @BeforeEach
  void setUp() {
    cli = new Cli(tmp);
  }

  private Cli.Result route(boolean live, String... args) {
    List<String> all = new ArrayList<>(List.of("route", "--json"));
    if (live) {
      all.addAll(List.of("--live", "--sandbox", "--sandbox-state", cli.state.toString()));
    } else {
      all.addAll(List.of("-f", "examples/acme"));
    }
    all.addAll(List.of(args));
    return cli.run(all.toArray(String[]::new));
  }

  @Test
  void offlineAndLiveAgreeOnTheEmulator() throws Exception {
    Cli.Result applied = cli.sandbox("apply", "-f", "examples/acme", "--auto-approve");
    assertThat(applied.code()).as(applied.toString()).isZero();
    String[][] visitors = {
      {"--url", "https://acme.example/vip/offer", "--country", "DE"},
      {"--url", "https://acme.example/pricing", "--country", "DE"},
      {"--url", "https://acme.example/pricing", "--country", "FR"},
      {"--url", "https://acme.pl/", "--country", "PL"},
      {"--url", "https://shop.acme.pl/", "--country", "PL"},
      {"--url", "https://acme.example/billing/2026", "--country", "US"},
      {"--url", "https://partner.acme.example/", "--country", "US"},
      {"--url", "https://acme.example/", "--country", "Switzerland"},
      {
        "--url",
        "https://acme.example/",
        "--country",
        "CH",
        "--at",
        "2026-12-07T09:30 Europe/Berlin"
      },
    };
    for (String[] v : visitors) {
      Cli.Result off = route(false, v);
      Cli.Result on = route(true, v);
      assertThat(off.code()).as(off.toString()).isZero();
      assertThat(on.code()).as(on.toString()).isZero();
      JsonNode a = Json.MAPPER.readTree(off.out());
      JsonNode b = Json.MAPPER.readTree(on.out());
      assertThat(b).as(String.join(" ", v)).isEqualTo(a);
    }
  }

  @Test
  void jsonHasTheDocumentedShape() throws Exception {
    Cli.Result r = route(false, "--url", "https://acme.example/pricing", "--country", "DE");
    JsonNode doc = Json.MAPPER.readTree(r.out());
    assertThat(doc.path("rule").asText()).isEqualTo("German visitors");
    assertThat(doc.path("groups").toString()).isEqualTo("[\"Vertrieb\"]");
    assertThat(doc.path("skipped")).hasSize(1);
    assertThat(doc.path("skipped").get(0).path("rule").asText()).isEqualTo("VIP customers");
    assertThat(doc.path("skipped").get(0).path("why").asText()).contains("acme.example/vip");
    assertThat(doc.has("scheduled")).isFalse();

    JsonNode none =
        Json.MAPPER.readTree(route(false, "--url", "https://partner.acme.example/").out());
    assertThat(none.get("rule").isNull()).isTrue();
    assertThat(none.path("groups").toString()).isEqualTo("[\"General\"]");
    assertThat(none.path("skipped")).hasSize(6);
  }

  @Test
  void scheduledAgentsAtATime() throws Exception {
    Cli.Result r =
        route(
            false,
            "--country",
            "DE",
            "--url",
            "https://acme.example/",
            "--at",
            "2026-12-07T09:30 Europe/Berlin");
    JsonNode sch = Json.MAPPER.readTree(r.out()).path("scheduled").path("Vertrieb");
    assertThat(sch.isArray()).as(r.toString()).isTrue();
    assertThat(sch).isNotEmpty();
    Cli.Result sunday = route(false, "--country", "DE", "--at", "2026-12-06T09:30 Europe/Berlin");
    assertThat(Json.MAPPER.readTree(sunday.out()).path("scheduled").path("Vertrieb")).isEmpty();
  }

  @Test
  void textNamesTheRuleItsPlaceAndTheSkippedOnes() {
    Cli.Result r =
        cli.run(
            "route", "-f", "examples/acme", "--url", "https://acme.example/x", "--country", "FR");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.out())
        .contains("skipped  'VIP customers'")
        .contains("skipped  'German visitors'")
        .contains("matched  'French visitors' (examples/acme/routing.yaml:26:5)")
        .contains("Routes to: Ventes");
  }

  @Test
  void badAtIsAnErrorThatSaysWhatToWrite() {
    Cli.Result r = cli.run("route", "-f", "examples/acme", "--at", "tomorrow");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("--at").contains("Europe/Berlin");
  }
}
