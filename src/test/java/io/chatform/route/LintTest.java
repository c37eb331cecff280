package io.chatform.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One crafted manifest per finding type, and a clean one that yields none. */
class LintTest {
  @TempDir Path dir;

  private static final String STAFFED =
      """
          work_scheduler:
            timezone: Europe/Berlin
            schedule:
              - {day: monday, enabled: true, start: "00:00", end: "23:59"}
              - {day: tuesday, enabled: true, start: "00:00", end: "23:59"}
              - {day: wednesday, enabled: true, start: "00:00", end: "23:59"}
              - {day: thursday, enabled: true, start: "00:00", end: "23:59"}
              - {day: friday, enabled: true, start: "00:00", end: "23:59"}
              - {day: saturday, enabled: true, start: "00:00", end: "23:59"}
              - {day: sunday, enabled: true, start: "00:00", end: "23:59"}
      """;

  private List<Finding> lint(String yaml) {
    return Lint.run(Manifests.model(dir, "version: 1\n" + yaml));
  }

  private static List<String> types(List<Finding> f) {
    return f.stream().map(Finding::type).toList();
  }

  @Test
  void cleanRoutingHasNoFindings() {
    var f =
        lint(
            """
            groups: [{name: A}]
            agents:
              - id: a@x.example
                name: A
                groups: [{group: A, priority: normal}, {group: General, priority: normal}]
            """
                + STAFFED
                + """
            auto_access:
              - description: a
                groups: [A]
                conditions: {url: {values: [{value: /a}]}}
            """);
    assertThat(f).as(f.toString()).isEmpty();
  }

  @Test
  void shadowedRule() {
    var f =
        lint(
            """
            groups: [{name: A}, {name: B}, {name: C}, {name: D}]
            auto_access:
              - description: any pricing page
                groups: [A]
                conditions: {url: {values: [{value: /pricing}]}}
              - description: german pricing
                groups: [B]
                conditions:
                  url: {values: [{value: "https://acme.example/pricing/de", exact_match: true}]}
                  geolocation: {values: [{country_code: DE}]}
              - description: germany
                groups: [C]
                conditions: {geolocation: {values: [{country_code: DE}]}}
              - description: berlin
                groups: [D]
                conditions: {geolocation: {values: [{country_code: DE, city: berlin}]}}
            """);
    List<Finding> shadowed = f.stream().filter(x -> x.type().equals("shadowed-rule")).toList();
    assertThat(shadowed)
        .extracting(Finding::subject)
        .containsExactly("auto_access/german pricing", "auto_access/berlin");
    assertThat(shadowed.get(0).format())
        .contains("m.yaml:7:5: warning: auto_access/german pricing: can never match")
        .contains("taken first by 'any pricing page' (")
        .endsWith("[shadowed-rule]");
    assertThat(shadowed.get(1).message()).contains("'germany'");
    // B and D get no traffic, so they are unrouted too; A and C are
    assertThat(f)
        .filteredOn(x -> x.type().equals("unrouted-group"))
        .extracting(Finding::subject)
        .containsExactly("groups/B", "groups/D");
  }

  @Test
  void excludeRulesShadowOnlyWhatTheyProvablyCover() {
    var f =
        lint(
            """
            groups: [{name: A}, {name: B}, {name: C}]
            auto_access:
              - description: not partners
                groups: [A]
                conditions: {domain: {exclude_values: [{value: partner}]}}
              - description: shop
                groups: [B]
                conditions: {domain: {values: [{value: shop.acme.example, exact_match: true}]}}
              - description: any partner page
                groups: [C]
                conditions: {domain: {values: [{value: partner.acme}]}}
            """);
    assertThat(f)
        .filteredOn(x -> x.type().equals("shadowed-rule"))
        .extracting(Finding::subject)
        .containsExactly("auto_access/shop");
  }

  @Test
  void unroutedGroup() {
    var f = lint("groups: [{name: Lonely}]\n");
    assertThat(f)
        .filteredOn(x -> x.type().equals("unrouted-group"))
        .singleElement()
        .satisfies(x -> assertThat(x.format()).contains("m.yaml:2:10").contains("groups/Lonely"));
  }

  @Test
  void emptyGroupIgnoresSupervisors() {
    var f =
        lint(
            """
            groups: [{name: Watched}]
            agents:
              - {id: boss@x.example, name: Boss, groups: [{group: Watched, priority: supervisor}]}
            """);
    assertThat(f)
        .filteredOn(x -> x.type().equals("empty-group"))
        .extracting(Finding::subject)
        .containsExactly("groups/Watched");
  }

  @Test
  void unstaffedHoursOfAGroupThatReceivesChats() {
    var f =
        lint(
            """
            groups: [{name: A}]
            agents:
              - id: a@x.example
                name: A
                groups: [{group: A, priority: normal}]
                work_scheduler:
                  timezone: Europe/Berlin
                  schedule:
                    - {day: monday, enabled: true, start: "09:00", end: "17:00"}
            auto_access:
              - description: a
                groups: [A]
                conditions: {url: {values: [{value: /a}]}}
            """);
    assertThat(f)
        .filteredOn(x -> x.type().equals("unstaffed-hours"))
        .singleElement()
        .satisfies(
            x ->
                assertThat(x.message())
                    .startsWith("160 of 168 hours a week (Europe/Berlin)")
                    .contains("monday 00:00-09:00, monday 17:00-24:00, tuesday 00:00-24:00"));
  }

  @Test
  void overCapacity() {
    var f =
        lint(
            """
            groups: [{name: A}, {name: B}, {name: C}]
            agents:
              - id: a@x.example
                name: A
                max_chats_count: 2
                groups:
                  - {group: A, priority: normal}
                  - {group: B, priority: first}
                  - {group: C, priority: last}
              - id: b@x.example
                name: B
                max_chats_count: 2
                groups:
                  - {group: A, priority: normal}
                  - {group: B, priority: normal}
                  - {group: C, priority: supervisor}
            """);
    assertThat(f)
        .filteredOn(x -> x.type().equals("over-capacity"))
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.subject()).isEqualTo("agents/a@x.example");
              assertThat(x.message()).contains("3 groups but max_chats_count is 2");
              assertThat(x.at().line()).isEqualTo(4);
            });
    assertThat(types(f)).doesNotContain("shadowed-rule");
  }
}
