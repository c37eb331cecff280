package io.chatform.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.ApiVersion;
import io.chatform.model.Kind;
import io.chatform.model.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The greetings section: schema, the rule table of create_greeting checked offline (every rule type
 * with a field it needs missing, a field it refuses, operators, value ranges, session fields), the
 * activity window, rich message limits, (group, name) duplicates, its group, API 3.6+.
 */
class GreetingManifestTest {
  @TempDir Path dir;

  static final String HEAD = "version: 1\ngroups:\n  - name: Sales\ngreetings:\n";

  private LoadResult load(ApiVersion version, String... files) throws IOException {
    List<Path> paths = new java.util.ArrayList<>();
    for (int i = 0; i < files.length; i++) {
      Path f = dir.resolve("m" + i + ".yaml");
      Files.writeString(f, files[i]);
      paths.add(f);
    }
    return new ManifestLoader(n -> Optional.empty()).load(paths, version);
  }

  private List<String> messages(String... files) throws IOException {
    return load(ApiVersion.V3_6, files).diagnostics().stream()
        .map(d -> d.format().replace(dir.toString() + "/", ""))
        .toList();
  }

  /** One greeting of Sales with {@code rule} (a flow mapping) as its only rule. */
  private List<String> withRule(String rule) throws IOException {
    return messages(HEAD + "  - name: g\n    group: Sales\n    rules:\n      - " + rule + "\n");
  }

  @Test
  void aGreetingLoadsByGroupAndName() throws IOException {
    LoadResult r =
        load(
            ApiVersion.V3_6,
            HEAD
                + "  - name: Welcome\n"
                + "    group: Sales\n"
                + "    active_from: '2026-01-01T00:00:00+02:00'\n"
                + "    rules:\n"
                + "      - {condition: and, type: visit_time_site, operator: greater_than, value:"
                + " 30}\n"
                + "  - name: Welcome\n"
                + "    group: General\n"
                + "    rules:\n"
                + "      - {condition: or, type: custom_variable, session_field: {plan: pro}}\n");
    assertThat(r.diagnostics()).isEmpty();
    List<Resource> g = r.state().orElseThrow().sections().get(Kind.GREETINGS);
    assertThat(g)
        .extracting(Resource::address)
        .containsExactly("greetings/Sales/Welcome", "greetings/General/Welcome");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        // every rule type, each once with a field it needs missing
        "visit_time_site|{condition: and, type: visit_time_site, value: '5'}|needs operator",
        "visit_time_page|{condition: and, type: visit_time_page, operator: equals}|needs value",
        "url_current|{condition: and, type: url_current, operator: contains}|needs value",
        "url_visited|{condition: and, type: url_visited, value: x}|needs operator",
        "url_funnel|{condition: and, type: url_funnel}|needs urls",
        "pages_view_number|{condition: and, type: pages_view_number, operator: equals}|needs value",
        "url_referrer|{condition: and, type: url_referrer, value: google}|needs operator",
        "geolocation|{condition: and, type: geolocation, operator: equals}|needs value",
        "visits_number|{condition: and, type: visits_number, value: '3'}|needs operator",
        "search_keyword|{condition: and, type: search_keyword, operator: contains}|needs value",
        "custom_variable|{condition: and, type: custom_variable}|needs session_field",
        "ads_traffic|{condition: and, type: ads_traffic}|needs session_field",
        "url_match_page_view_number|{condition: and, type: url_match_page_view_number,"
            + " operator: equals, value: '2'}|needs urls",
      })
  void eachRuleTypeNeedsItsFields(String type, String rule, String problem) throws IOException {
    assertThat(withRule(rule))
        .singleElement()
        .asString()
        .startsWith("m0.yaml:8:9: greetings[0].rules[0]: a " + type + " rule " + problem);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{condition: and, type: url_funnel, operator: equals, urls: [{url: /a, operator:"
            + " contains}]}|rules[0].operator: a url_funnel rule takes no operator",
        "{condition: and, type: custom_variable, value: x, session_field: {a: b}}"
            + "|rules[0].value: a custom_variable rule takes no value",
        "{condition: and, type: url_current, operator: contains, value: x, session_field: {a:"
            + " b}}|rules[0].session_field: a url_current rule takes no session_field",
        "{condition: and, type: visit_time_site, operator: equals, value: '5', urls: [{url: /a,"
            + " operator: contains}]}|rules[0].urls: a visit_time_site rule takes no urls",
      })
  void aFieldTheTypeRefusesIsLocated(String rule, String problem) throws IOException {
    assertThat(withRule(rule)).singleElement().asString().contains("greetings[0]." + problem);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "visit_time_site, 901|{condition: and, type: visit_time_site, operator: greater_than,"
            + " value: 901}|must be an integer between 0 and 900",
        "visit_time_page, -1|{condition: and, type: visit_time_page, operator: greater_than,"
            + " value: '-1'}|must be an integer between 0 and 900",
        "pages_view_number, text|{condition: and, type: pages_view_number, operator: equals,"
            + " value: many}|must be an integer between 0",
        "url_current, empty|{condition: and, type: url_current, operator: contains, value: ''}"
            + "|must not be empty",
      })
  void valuesOutsideTheDocumentedRangeAreRefused(String name, String rule, String problem)
      throws IOException {
    assertThat(withRule(rule))
        .singleElement()
        .asString()
        .contains("greetings[0].rules[0].value: value")
        .contains(problem);
  }

  @Test
  void theEdgesOfTheRangesAreFine() throws IOException {
    assertThat(
            withRule("{condition: and, type: visit_time_site, operator: greater_than, value: 900}"))
        .isEmpty();
    assertThat(withRule("{condition: and, type: visit_time_page, operator: lower_than, value: 0}"))
        .isEmpty();
  }

  @Test
  void operatorsMustFitTheRuleType() throws IOException {
    assertThat(withRule("{condition: and, type: url_current, operator: greater_than, value: x}"))
        .singleElement()
        .asString()
        .startsWith(
            "m0.yaml:8:55: greetings[0].rules[0].operator: operator `greater_than` does not fit a"
                + " url_current rule");
    assertThat(withRule("{condition: and, type: visits_number, operator: contains, value: '3'}"))
        .singleElement()
        .asString()
        .contains("does not fit a visits_number rule");
    assertThat(
            withRule("{condition: and, type: url_funnel, urls: [{url: /a, operator: lower_than}]}"))
        .singleElement()
        .asString()
        .contains("rules[0].urls[0].operator: a URL is text");
  }

  @Test
  void sessionFieldsHoldOneKnownKey() throws IOException {
    assertThat(withRule("{condition: and, type: ads_traffic, session_field: {bing: x}}"))
        .singleElement()
        .asString()
        .contains("session_field key `bing` must be one of facebook, google, microsoft");
    assertThat(withRule("{condition: and, type: custom_variable, session_field: {a: b, c: d}}"))
        .singleElement()
        .asString()
        .contains("rules[0].session_field");
    assertThat(withRule("{condition: and, type: ads_traffic, session_field: {yahoo: x}}"))
        .isEmpty();
  }

  @Test
  void theActivityWindowIsRfc3339AndEndsAfterItStarts() throws IOException {
    String rule =
        "    rules:\n      - {condition: and, type: geolocation, operator: equals,"
            + " value: PL}\n";
    assertThat(
            messages(
                HEAD + "  - name: g\n    group: Sales\n    active_from: '2026-01-01'\n" + rule))
        .singleElement()
        .asString()
        .startsWith(
            "m0.yaml:7:18: greetings[0].active_from: active_from '2026-01-01' is not an RFC 3339"
                + " date-time");
    assertThat(
            messages(
                HEAD
                    + "  - name: g\n    group: Sales\n    active_from: '2026-02-01T00:00:00Z'\n"
                    + "    active_until: '2026-02-01T01:00:00+02:00'\n"
                    + rule))
        .singleElement()
        .asString()
        .contains("greetings[0].active_until: active_until is not later than active_from");
  }

  @Test
  void limitsOfRulesUrlsAndRichMessagesComeFromTheSchema() throws IOException {
    StringBuilder eleven = new StringBuilder(HEAD + "  - name: g\n    group: Sales\n    rules:\n");
    for (int i = 0; i < 11; i++) {
      eleven.append("      - {condition: and, type: geolocation, operator: equals, value: PL}\n");
    }
    assertThat(messages(eleven.toString())).singleElement().asString().contains("rules");
    StringBuilder buttons =
        new StringBuilder(
            HEAD
                + "  - name: g\n    group: Sales\n    rules:\n"
                + "      - {condition: and, type: geolocation, operator: equals, value: PL}\n"
                + "    rich_message:\n      template_id: cards\n      elements:\n"
                + "        - title: t\n          subtitle: s\n          image: {url: 'https://x'}\n"
                + "          buttons:\n");
    for (int i = 0; i < 14; i++) {
      buttons.append("            - {text: b, type: message, value: v, postback_id: p}\n");
    }
    assertThat(messages(buttons.toString())).singleElement().asString().contains("buttons");
    assertThat(
            messages(
                HEAD
                    + "  - name: g\n    group: Sales\n    rules:\n"
                    + "      - {condition: and, type: geolocation, operator: equals, value: PL}\n"
                    + "    rich_message: {template_id: text}\n"))
        .singleElement()
        .asString()
        .contains("template_id");
  }

  @Test
  void propertiesTakeTheDocumentedKeysAndElementsNeedAnImage() throws IOException {
    String g =
        HEAD
            + "  - name: g\n    group: Sales\n    rules:\n"
            + "      - {condition: and, type: geolocation, operator: equals, value: PL}\n";
    assertThat(messages(g + "    properties: {text: Hello}\n"))
        .singleElement()
        .asString()
        .startsWith(
            "m0.yaml:9:18: greetings[0].properties.text: unknown key 'text' (expected one of:"
                + " addon,");
    assertThat(messages(g + "    properties: {is_exit_intent: 'true', addon: chat_widget}\n"))
        .isEmpty();
    assertThat(
            messages(
                g
                    + "    rich_message:\n      template_id: cards\n      elements:\n"
                    + "        - {title: t, subtitle: s}\n"))
        .singleElement()
        .asString()
        .contains("greetings[0].rich_message.elements[0]")
        .contains("image");
  }

  @Test
  void aRepeatedGroupAndNameIsADuplicateAndTheGroupMustBeDeclared() throws IOException {
    String g =
        "  - name: g\n    group: Sales\n    rules:\n"
            + "      - {condition: and, type: geolocation, operator: equals, value: PL}\n";
    assertThat(messages(HEAD + g + g))
        .singleElement()
        .asString()
        .startsWith("m0.yaml:9:5: greetings[1]: duplicate greetings entry 'Sales/g'");
    assertThat(messages(HEAD + g.replace("group: Sales", "group: Sale")))
        .singleElement()
        .asString()
        .contains("group 'Sale' is not declared in groups");
  }

  @Test
  void greetingsExistOnlyFromApi36() throws IOException {
    LoadResult r =
        load(
            ApiVersion.V3_5,
            HEAD
                + "  - name: g\n    group: Sales\n    rules:\n"
                + "      - {condition: and, type: geolocation, operator: equals, value: PL}\n");
    assertThat(r.diagnostics())
        .extracting(d -> d.format().replace(dir.toString() + "/", ""))
        .contains(
            "m0.yaml:4:1: greetings: greetings exist only from API 3.6, not in 3.5 (remove the"
                + " greetings section, or use --api-version 3.6)");
  }
}
