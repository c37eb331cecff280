package io.chatform.route;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Table-driven matching semantics: order, first match, exact vs substring, exclude, geolocation.
 */
class RouterTest {
  @TempDir static Path dir;
  static RoutingModel model;

  static final String YAML =
      """
      version: 1
      groups: [{name: VIP}, {name: Exact}, {name: Sub}, {name: Geo}, {name: Both}, {name: Rest}]
      auto_access:
        - description: vip
          groups: [VIP]
          conditions:
            url: {values: [{value: acme.example/vip}]}
        - description: exact
          groups: [Exact]
          conditions:
            url: {values: [{value: "https://acme.example/exact", exact_match: true}]}
        - description: shadowed by vip
          groups: [Sub]
          conditions:
            url: {values: [{value: /vip/deep}]}
        - description: berlin
          groups: [Geo]
          conditions:
            geolocation: {values: [{country_code: DE, city: Berlin}, {country: Austria}]}
        - description: shop in france
          groups: [Both]
          conditions:
            domain: {values: [{value: shop.acme.example, exact_match: true}]}
            geolocation: {values: [{country_code: FR}]}
        - description: not partners
          groups: [Rest, General]
          conditions:
            domain: {exclude_values: [{value: partner.}]}
      """;

  @BeforeAll
  static void load() {
    model = Manifests.model(dir, YAML);
  }

  @ParameterizedTest(name = "{0} {1} {2} {3} -> {4}")
  @CsvSource(
      delimiter = '|',
      nullValues = "-",
      value = {
        // url            | domain | country | city | rule | groups | skipped
        "https://acme.example/vip/deep | - | - | - | vip | VIP | 0",
        "https://ACME.example/VIP | - | - | - | not partners | Rest,General | 5",
        "https://acme.example/exact | - | - | - | exact | Exact | 1",
        "https://acme.example/exact?x=1 | - | - | - | not partners | Rest,General | 5",
        "https://acme.example/ | - | DE | Berlin | berlin | Geo | 3",
        "https://acme.example/ | - | DE | berlin | berlin | Geo | 3",
        "https://acme.example/ | - | DE | Munich | not partners | Rest,General | 5",
        "https://acme.example/ | - | Austria | - | berlin | Geo | 3",
        "https://shop.acme.example/x | - | FR | - | shop in france | Both | 4",
        "https://shop.acme.example/x | - | DE | - | not partners | Rest,General | 5",
        "https://www.shop.acme.example/x | - | FR | - | not partners | Rest,General | 5",
        "https://partner.acme.example/ | - | - | - | - | General | 6",
        "https://acme.example/ | partner.acme.example | - | - | - | General | 6",
        "https://partner.acme.example/ | acme.example | - | - | not partners | Rest,General | 5",
      })
  void routes(
      String url,
      String domain,
      String country,
      String city,
      String rule,
      String groups,
      int skipped) {
    Visitor v = Visitor.of(url, country);
    v = new Visitor(v.url(), domain, v.country(), v.countryCode(), "", city);
    RouteResult r = Router.route(model, v);
    assertThat(r.rule().map(Rule::description).orElse(null)).isEqualTo(rule);
    assertThat(r.groups()).isEqualTo(List.of(groups.split(",")));
    assertThat(r.skipped()).hasSize(skipped);
    // skipped are exactly the rules before the match, in list order
    assertThat(r.skipped().stream().map(s -> s.rule().description()).toList())
        .isEqualTo(model.rules().stream().limit(skipped).map(Rule::description).toList());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0 | url https://partner.acme.example/ matches none of [~ acme.example/vip]",
        "3 | geolocation (none given) matches none of [country_code=DE city=Berlin, country=Austria]",
        "4 | domain partner.acme.example matches none of [= shop.acme.example]",
        "5 | domain partner.acme.example is excluded by 'partner.'",
      })
  void explainsWhyRulesAreSkipped(int index, String why) {
    RouteResult r = Router.route(model, Visitor.of("https://partner.acme.example/", null));
    assertThat(r.skipped().get(index).why()).isEqualTo(why);
  }

  @org.junit.jupiter.api.Test
  void noRulesRoutesToGeneral() {
    RoutingModel empty = Manifests.model(dir, "version: 1\ngroups: [{name: A}]\n");
    RouteResult r = Router.route(empty, Visitor.of("https://x.example", "DE"));
    assertThat(r.rule()).isEmpty();
    assertThat(r.groups()).containsExactly("General");
  }

  @org.junit.jupiter.api.Test
  void rulesCarryTheirManifestPosition() {
    assertThat(model.rules().get(1).location().line()).isEqualTo(8);
    assertThat(model.rules().get(1).location().file()).endsWith("m.yaml");
  }
}
