package io.chatform.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Manifest tests: read with positions, pass and fail for the right reasons. */
class ExpectationsTest {
  @TempDir Path dir;

  static final String CONFIG =
      """
      version: 1
      groups: [{name: Billing}, {name: Support}]
      agents:
        - id: a@acme.example
          name: A
          groups: [{group: Support, priority: normal}]
          work_scheduler:
            timezone: Europe/Berlin
            schedule:
              - {day: monday, enabled: true, start: "08:00", end: "18:00"}
              - {day: tuesday, enabled: true, start: "08:00", end: "12:00"}
        - id: b@acme.example
          name: B
          groups: [{group: Support, priority: last}]
          work_scheduler:
            timezone: America/New_York
            schedule:
              - {day: monday, enabled: true, start: "02:00", end: "12:00"}
      auto_access:
        - description: billing
          groups: [Billing]
          conditions: {url: {values: [{value: /billing}]}}
        - description: rest
          groups: [Support, General]
          conditions: {domain: {exclude_values: [{value: partner.}]}}
      """;

  private List<ManifestTests.Outcome> run(String tests) {
    Path config = Manifests.write(dir, "config.yaml", CONFIG);
    Path t = Manifests.write(dir, "routing.tests.yaml", "version: 1\ntests:\n" + tests);
    return ManifestTests.run(List.of(dir), Manifests.load(config, t));
  }

  @Test
  void onlyFilesThatCanHoldTestsAreComposedAgain() {
    assertThat(ExpectationReader.mayHoldTests(CONFIG)).isFalse();
    assertThat(ExpectationReader.mayHoldTests("version: 1\ntests: []\n")).isTrue();
    // Another spelling of the key needs an escape, so a backslash is enough to look.
    assertThat(ExpectationReader.mayHoldTests("\"te\\x73ts\": []\n")).isTrue();
    Path escaped =
        Manifests.write(
            dir,
            "escaped.yaml",
            "version: 1\n\"te\\x73ts\":\n  - visitor: {url: \"https://a.example/\"}\n"
                + "    routes_to: Support\n");
    assertThat(ExpectationReader.read(List.of(escaped))).hasSize(1);
    assertThat(ExpectationReader.read(List.of(Manifests.write(dir, "plain.yaml", CONFIG))))
        .isEmpty();
  }

  @Test
  void routesToPassesAndFailsWithThePosition() {
    var out =
        run(
            """
              - visitor: {url: "https://acme.example/billing"}
                routes_to: Billing
              - name: rest goes to both
                visitor: {url: "https://acme.example/"}
                routes_to: [General, Support]
              - visitor: {url: "https://acme.example/"}
                routes_to: Support
              - visitor: {url: "https://partner.acme.example/billing"}
                routes_to: Nowhere
            """);
    assertThat(out).hasSize(4);
    assertThat(out.get(0).passed()).isTrue();
    assertThat(out.get(1).passed()).as(out.get(1).format()).isTrue();
    assertThat(out.get(2).format())
        .endsWith(
            "routing.tests.yaml:8:5: tests[2]: visitor url=https://acme.example/"
                + " domain=acme.example routes to [Support, General] by rule 'rest',"
                + " expected [Support]");
    assertThat(out.get(3).failure().orElseThrow())
        .contains("by rule 'billing'")
        .contains("'Nowhere' is not a declared group");
  }

  @Test
  void staffedCountsScheduledNonSupervisorsAcrossZones() {
    var out =
        run(
            """
              - group: Support
                staffed: {timezone: Europe/Berlin, days: [monday], from: "08:00", to: "18:00"}
              - group: Support
                staffed: {timezone: Europe/Berlin, days: [monday], from: "08:00", to: "18:00", min_agents: 2}
              - group: Support
                staffed: {timezone: Europe/Berlin, days: [monday-tuesday], from: "09:00", to: "13:00"}
              - group: Ghost
                staffed: {timezone: Europe/Berlin, days: [sunday-monday], from: "09:00", to: "13:00"}
            """);
    assertThat(out.get(0).passed()).as(out.get(0).format()).isTrue();
    // B works 02:00-12:00 New York = 08:00-18:00 Berlin: two on duty all day, in both DST regimes
    assertThat(out.get(1).passed()).as(out.get(1).format()).isTrue();
    assertThat(out.get(2).format())
        .contains("routing.tests.yaml:7:5: tests[2]")
        .contains("tuesday 12:00-13:00 (0 scheduled, week of 2026-01-05)");
    assertThat(out.get(3).failure()).hasValue("group 'Ghost' is not declared in the manifests");
  }

  @Test
  void dayRangesWrapPastSunday() {
    assertThat(ExpectationReader.days("friday-monday"))
        .extracting(WorkHours::dayName)
        .containsExactly("friday", "saturday", "sunday", "monday");
    assertThat(ExpectationReader.days("monday-friday")).hasSize(5);
  }
}
