package io.chatform.route;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who is on duty at an instant: day, slot bounds, time zones (incl. DST), supervisors. */
class WorkHoursTest {
  @TempDir static Path dir;
  static RoutingModel model;

  @BeforeAll
  static void load() {
    model =
        Manifests.model(
            dir,
            """
            version: 1
            groups: [{name: Support}]
            agents:
              - id: berlin@acme.example
                name: Berlin
                groups: [{group: Support, priority: normal}]
                work_scheduler:
                  timezone: Europe/Berlin
                  schedule:
                    - {day: monday, enabled: true, start: "08:00", end: "12:00"}
                    - {day: monday, enabled: true, start: "13:00", end: "23:59"}
                    - {day: sunday, enabled: false, start: "08:00", end: "18:00"}
              - id: ny@acme.example
                name: New York
                groups: [{group: Support, priority: first}]
                work_scheduler:
                  timezone: America/New_York
                  schedule:
                    - {day: monday, enabled: true, start: "09:00", end: "17:00"}
              - id: boss@acme.example
                name: Boss
                groups: [{group: Support, priority: supervisor}]
                work_scheduler:
                  timezone: Europe/Berlin
                  schedule:
                    - {day: monday, enabled: true, start: "00:00", end: "23:59"}
              - id: free@acme.example
                name: No schedule
                groups: [{group: Support, priority: normal}]
            """);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "2026-12-07T09:30 Europe/Berlin | berlin@acme.example",
        "2026-12-07T07:59 Europe/Berlin | ''",
        "2026-12-07T12:00 Europe/Berlin | ''",
        "2026-12-07T23:59 Europe/Berlin | berlin@acme.example",
        "2026-12-07T15:00 Europe/Berlin | berlin@acme.example,ny@acme.example",
        "2026-12-07T09:00 America/New_York | berlin@acme.example,ny@acme.example",
        "2026-12-06T10:00 Europe/Berlin | ''",
        "2026-12-07T08:00Z | berlin@acme.example",
        // 2026-03-30 is a Monday after the EU's DST switch and NY is also on DST: 6 hours apart
        "2026-03-30T15:00 Europe/Berlin | berlin@acme.example,ny@acme.example",
        "2026-03-30T14:59 Europe/Berlin | berlin@acme.example",
      })
  void onDuty(String at, String expected) {
    var who =
        RouteReport.scheduled(model, "Support", At.parse(at)).stream().map(Member::id).toList();
    assertThat(String.join(",", who)).isEqualTo(expected);
  }

  @Test
  void supervisorsAndUnscheduledAgentsDoNotServe() {
    assertThat(model.serving("Support")).extracting(Member::id).doesNotContain("boss@acme.example");
    Member free = model.members().get(3);
    assertThat(WorkHours.hasSchedule(free)).isFalse();
  }

  @Test
  void badTimesSayWhatToWrite() {
    assertThatThrownBy(() -> At.parse("monday 9am"))
        .hasMessageContaining("2026-12-07T09:30 Europe/Berlin");
    assertThatThrownBy(() -> At.parse("2026-12-07T09:30 Mars/Olympus"))
        .hasMessageContaining("Mars/Olympus");
  }
}
