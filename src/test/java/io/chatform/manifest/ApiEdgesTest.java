package io.chatform.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.ApiVersion;
import io.chatform.model.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Values the API refuses are refused by validate first, each located and with a hint. */
class ApiEdgesTest {
  @TempDir Path dir;

  private List<String> messages(String yaml) throws IOException {
    Path f = dir.resolve("m.yaml");
    Files.writeString(f, yaml);
    LoadResult r = new ManifestLoader(n -> Optional.empty()).load(List.of(f), ApiVersion.V3_6);
    return r.diagnostics().stream().map(d -> d.format().replace(f.toString(), "m.yaml")).toList();
  }

  private static String agent(String fields) {
    return "version: 1\nagents:\n  - id: a@x.io\n" + fields;
  }

  @Test
  void slotWithoutEnabledGetsTheDocumentedDefault() throws IOException {
    Path f = dir.resolve("m.yaml");
    Files.writeString(
        f,
        agent(
            "    work_scheduler: {timezone: UTC, schedule: [{day: monday, start: \"09:00\","
                + " end: \"17:00\"}, {day: friday, enabled: false, start: \"09:00\", end:"
                + " \"12:00\"}]}\n"));
    LoadResult r = new ManifestLoader(n -> Optional.empty()).load(List.of(f), ApiVersion.V3_6);
    var schedule =
        r.state()
            .orElseThrow()
            .sections()
            .get(Kind.AGENTS)
            .get(0)
            .spec()
            .at("/work_scheduler/schedule");
    assertThat(schedule.get(0).get("enabled").asBoolean()).isTrue();
    assertThat(schedule.get(1).get("enabled").asBoolean()).isFalse();
  }

  @Test
  void endOfDayIs2359Not2400() throws IOException {
    assertThat(
            messages(
                agent(
                    "    work_scheduler:\n      timezone: UTC\n      schedule: [{day: monday,"
                        + " enabled: true, start: \"18:00\", end: \"24:00\"}]\n")))
        .containsExactly(
            "m.yaml:6:68: agents[0].work_scheduler.schedule[0].end: '24:00' is not a time of day as"
                + " \"HH:MM\" (24-hour clock) (times run from 00:00 to 23:59: end the day with"
                + " \"23:59\")");
  }

  @Test
  void unknownNotificationsAndSubscriptionsAreRefused() throws IOException {
    assertThat(
            messages(
                agent("    notifications: [new_visitr]\n    email_subscriptions: [monthly]\n")))
        .containsExactly(
            "m.yaml:4:21: agents[0].notifications[0]: 'new_visitr' is not a known value here"
                + " (did you mean 'new_visitor'?)",
            "m.yaml:5:27: agents[0].email_subscriptions[0]: 'monthly' is not one of:"
                + " daily_summary, weekly_summary (use one of: daily_summary, weekly_summary)");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "5.0|5.0 is not a plain integer: the API's int fields take no decimal point or exponent"
            + " (write 5)",
        "1.0e1|1.0e1 is not a plain integer: the API's int fields take no decimal point or"
            + " exponent (write 10)",
        "1e400|1e400 is not a plain integer: the API's int fields take no decimal point or"
            + " exponent (write a whole number in decimal digits, e.g. 5)",
        "0x10|0x10 is not a plain integer: hexadecimal numbers are not read as integers (write 16)",
        "0o17|0o17 is not a plain integer: octal numbers are not read as integers (write 15)",
        "+5|+5 is not a plain integer: a leading '+' is not read as an integer (write 5)",
        "010|010 is not a plain integer: leading zeros are ambiguous (YAML 1.1 reads 010 as 8)"
            + " (write 10)",
      })
  void integersMustBePlainDecimals(String written, String message) throws IOException {
    assertThat(messages(agent("    max_chats_count: " + written + "\n")))
        .containsExactly("m.yaml:4:22: agents[0].max_chats_count: " + message);
  }

  @Test
  void versionMustBeTheInteger1() throws IOException {
    assertThat(messages("version: 1.0\n"))
        .containsExactly(
            "m.yaml:1:10: version: must be the integer 1, not 1.0 (write" + " version: 1)");
  }

  @Test
  void numbersInExtensionKeysAndQuotedNumbersAreFine() throws IOException {
    assertThat(messages("version: 1\nx-n: 0x10\ngroups: [{name: \"5.0\"}]\n")).isEmpty();
  }

  @Test
  void timeZonesMustExist() throws IOException {
    assertThat(
            messages(
                agent(
                    "    work_scheduler: {timezone: Europe/Berlinn, schedule: [{day: monday,"
                        + " enabled: true, start: \"09:00\", end: \"17:00\"}]}\n")))
        .containsExactly(
            "m.yaml:4:32: agents[0].work_scheduler.timezone: 'Europe/Berlinn' is not a time zone"
                + " (did you mean 'Europe/Berlin'?)");
    assertThat(messages(agent("    work_scheduler: {timezone: europe/warsaw, schedule: []}\n")))
        .singleElement()
        .asString()
        .contains("did you mean 'Europe/Warsaw'?");
  }

  @Test
  void countryCodesMustBeIso3166() throws IOException {
    assertThat(
            messages(
                "version: 1\nauto_access:\n  - description: r\n    groups: [General]\n"
                    + "    conditions: {geolocation: {values: [{country_code: XX}, {country_code:"
                    + " UK}, {country_code: DE}]}}\n"))
        .containsExactly(
            "m.yaml:5:56: auto_access[0].conditions.geolocation.values[0].country_code: 'XX' is"
                + " not an ISO 3166-1 alpha-2 country code (use a two-letter ISO 3166-1 code such"
                + " as DE, GB or US)",
            "m.yaml:5:76: auto_access[0].conditions.geolocation.values[1].country_code: 'UK' is"
                + " not an ISO 3166-1 alpha-2 country code (did you mean 'GB'?)");
  }

  @Test
  void agentIdsDifferingOnlyInCaseAreOneAgent() throws IOException {
    assertThat(
            messages("version: 1\nagents:\n  - id: Tom@Team.example\n  - id: tom@team.example\n"))
        .containsExactly(
            "m.yaml:4:5: agents[1]: agent 'tom@team.example' is the same agent as"
                + " 'Tom@Team.example' (declared at m.yaml:3:5): agent ids are e-mail addresses and"
                + " differ here only in letter case (declare each agent once, with one spelling of"
                + " its e-mail; lower case is usual)");
  }

  @Test
  void intPropertiesAreInt32() throws IOException {
    String cid = "c0ffee00c0ffee00c0ffee00c0ffee00";
    assertThat(
            messages(
                "version: 1\nproperties:\n  - {owner_client_id: "
                    + cid
                    + ", name: n, type: int, access: {license: {agent: [read]}}}\n"
                    + "license_properties:\n  "
                    + cid
                    + ": {n: 4294967296}\n"))
        .singleElement()
        .asString()
        .contains("4294967296 does not fit an int property (int32: -2147483648 to 2147483647)");
  }

  @Test
  void anAccessLocationNeedsAUser() throws IOException {
    assertThat(
            messages(
                "version: 1\nproperties:\n  - {owner_client_id: c0ffee00c0ffee00c0ffee00c0ffee00,"
                    + " name: n, type: int, access: {license: {}}}\n"))
        .singleElement()
        .asString()
        .contains("properties[0].access.license: an access location needs at least one user");
  }

  @Test
  void lengthsCountCodePoints() throws IOException {
    String emoji = "\uD83D\uDE00".repeat(180); // 180 code points, 360 UTF-16 units
    assertThat(messages("version: 1\ngroups: [{name: \"" + emoji + "\"}]\n")).isEmpty();
    assertThat(messages("version: 1\ngroups: [{name: \"" + emoji + "x\"}]\n"))
        .singleElement()
        .asString()
        .contains("is 181 characters long, the limit is 180");
  }

  @Test
  void aRangeMayBeOneSided() throws IOException {
    String cid = "c0ffee00c0ffee00c0ffee00c0ffee00";
    String def =
        "version: 1\nproperties:\n  - {owner_client_id: "
            + cid
            + ", name: n, type: int, access: {license: {agent: [read]}}, range: {from: 10}}\n"
            + "license_properties:\n  "
            + cid
            + ": {n: ";
    assertThat(messages(def + "2000000}\n")).isEmpty();
    assertThat(messages(def + "9}\n"))
        .singleElement()
        .asString()
        .contains("value 9 is outside the range 10..");
  }

  @Test
  void aBotsWorkSchedulerNeedsATimezone() throws IOException {
    assertThat(
            messages(
                "version: 1\nbots:\n  - name: B\n    owner_client_id:"
                    + " c0ffee00c0ffee00c0ffee00c0ffee00\n    work_scheduler: {schedule: []}\n"))
        .containsExactly(
            "m.yaml:5:21: bots[0].work_scheduler: a bot's work_scheduler needs a timezone (add"
                + " timezone: e.g. Europe/Warsaw)");
  }

  @Test
  void aWebhookUrlMustBeOneTheApiTakes() throws IOException {
    String hook =
        "version: 1\nwebhooks:\n  - {owner_client_id: c0ffee00c0ffee00c0ffee00c0ffee00, type:"
            + " license, action: incoming_chat, secret_key: k, url: '%s'}\n";
    for (String bad :
        List.of("https://h.example/a b", "https://h.example/a|b", "https://h.example/%zz")) {
      assertThat(messages(String.format(hook, bad)))
          .as(bad)
          .singleElement()
          .asString()
          .contains("webhooks[0].url: url is not a valid URL")
          .doesNotContain(bad);
    }
    assertThat(messages(String.format(hook, "https://my_host.example/x")))
        .singleElement()
        .asString()
        .contains("absolute http:// or https:// URL with a host name");
    assertThat(messages(String.format(hook, "https://h.example/a%20b?x=1"))).isEmpty();
  }

  @Test
  void aWorkSchedulerNeedsASchedule() throws IOException {
    // create_agent: work_scheduler.schedule "Required: Yes"; bots refer to the same table.
    assertThat(
            messages(
                "version: 1\nagents:\n  - {id: a@x.example, name: A, work_scheduler: {timezone:"
                    + " UTC}}\nbots:\n  - {name: B, owner_client_id:"
                    + " c0ffee00c0ffee00c0ffee00c0ffee00, work_scheduler: {timezone: UTC}}\n"))
        .hasSize(2)
        .allSatisfy(
            m ->
                assertThat(m)
                    .contains(
                        "work_scheduler: a work_scheduler needs a schedule (the API requires it)"));
    assertThat(
            messages(
                "version: 1\nagents:\n  - {id: a@x.example, name: A, work_scheduler: {timezone:"
                    + " UTC, schedule: []}}\n"))
        .isEmpty();
  }

  @Test
  void yaml11BooleansGetAHint() throws IOException {
    assertThat(
            messages(
                "version: 1\nauto_access:\n  - description: r\n    groups: [General]\n"
                    + "    conditions: {url: {values: [{value: a.example, exact_match: yes}]}}\n"))
        .singleElement()
        .asString()
        .contains("expected boolean, found string")
        .contains("only true and false are booleans (YAML 1.2): write true or false");
  }
}
