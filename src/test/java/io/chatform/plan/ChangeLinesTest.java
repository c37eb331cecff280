package io.chatform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChangeLinesTest {
  private static Optional<JsonNode> j(String json) {
    try {
      return Optional.of(io.chatform.model.Json.MAPPER.readTree(json.replace('\'', '"')));
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException(e);
    }
  }

  @Test
  void nestedObjectsShowOnlyTheMembersThatDiffer() {
    var c =
        new FieldChange(
            "filters",
            j(
                "{'author_type':'agent','chat_presence':{'my_bots':true,'user_ids':{'values':['a']}}}"),
            j(
                "{'author_type':'customer','chat_presence':{'my_bots':true,'user_ids':{'values':['a']}},'only_my_chats':true}"),
            false);
    assertThat(ChangeLines.of(c))
        .containsExactly(
            "filters.author_type: \"agent\" → \"customer\"",
            "filters.only_my_chats: (not set) → true");
  }

  @Test
  void membershipsAreComparedByGroup() {
    var c =
        new FieldChange(
            "groups",
            j("[{'group':'Ops','priority':'normal'},{'group':'Sales','priority':'first'}]"),
            j("[{'group':'New','priority':'last'},{'group':'Ops','priority':'first'}]"),
            false);
    assertThat(ChangeLines.of(c))
        .containsExactly(
            "groups[New]: (not set) → {priority: \"last\"}",
            "groups[Ops].priority: \"normal\" → \"first\"",
            "groups[Sales]: {priority: \"first\"} → (not set)");
  }

  @Test
  void otherListsScalarsAndSecretsStayWhole() {
    assertThat(ChangeLines.of(new FieldChange("groups", j("['A']"), j("['B']"), false)))
        .containsExactly("groups: [\"A\"] → [\"B\"]");
    assertThat(ChangeLines.of(new FieldChange("n", j("1"), Optional.empty(), false)))
        .containsExactly("n: 1 → (not set)");
    assertThat(ChangeLines.of(new FieldChange("secret_key", j("{'a':'x'}"), j("{'a':'y'}"), true)))
        .containsExactly("secret_key: \"(sensitive)\" → \"(sensitive)\"");
  }

  @Test
  void scheduleSlotsAreComparedByDayAndStartInWeekOrder() {
    var c =
        new FieldChange(
            "work_scheduler",
            j(
                "{'timezone':'UTC','schedule':[{'day':'friday','start':'09:00','end':'15:00'},"
                    + "{'day':'monday','start':'09:00','end':'15:00'}]}"),
            j(
                "{'timezone':'UTC','schedule':[{'day':'friday','start':'09:00','end':'16:00'},"
                    + "{'day':'monday','start':'09:00','end':'16:00'},"
                    + "{'day':'sunday','start':'10:00','end':'12:00'}]}"),
            false);
    assertThat(ChangeLines.of(c))
        .containsExactly(
            "work_scheduler.schedule[monday 09:00].end: \"15:00\" → \"16:00\"",
            "work_scheduler.schedule[friday 09:00].end: \"15:00\" → \"16:00\"",
            "work_scheduler.schedule[sunday 10:00]: (not set) → {end: \"12:00\"}");
  }

  @Test
  void otherListsOfObjectsAreComparedByPosition() {
    var c =
        new FieldChange(
            "conditions",
            j("{'url':{'values':[{'value':'/a','exact_match':false}]}}"),
            j(
                "{'url':{'values':[{'value':'/a','exact_match':true},"
                    + "{'value':'/b','exact_match':false}]}}"),
            false);
    assertThat(ChangeLines.of(c))
        .containsExactly(
            "conditions.url.values[#1].exact_match: false → true",
            "conditions.url.values[#2]: (not set) → {value: \"/b\", exact_match: false}");
  }

  @Test
  void aWholeNestedValueAddedIsShownMemberByMember() {
    var c =
        new FieldChange(
            "work_scheduler",
            Optional.empty(),
            j(
                "{'timezone':'Europe/Berlin','schedule':[{'day':'monday','start':'08:00','end':'16:00'}]}"),
            false);
    assertThat(ChangeLines.of(c))
        .containsExactly(
            "work_scheduler.timezone: (not set) → \"Europe/Berlin\"",
            "work_scheduler.schedule[monday 08:00]: (not set) → {end: \"16:00\"}");
  }

  @Test
  void aLongListOfValuesShowsWhatItGainsAndLoses() {
    String kept = "'agent1@x.example','agent2@x.example','agent3@x.example','agent4@x.example'";
    var c =
        new FieldChange(
            "filters",
            j("{'agent_ids':[" + kept + ",'old@x.example']}"),
            j("{'agent_ids':['new@x.example'," + kept + "]}"),
            false);
    assertThat(ChangeLines.of(c))
        .containsExactly(
            "filters.agent_ids: + \"new@x.example\"", "filters.agent_ids: - \"old@x.example\"");
  }

  @Test
  void aLongListThatOnlyChangesOrderIsShownWhole() {
    String a = "'agent1@x.example','agent2@x.example','agent3@x.example'";
    String b = "'agent4@x.example','agent5@x.example'";
    var c = new FieldChange("ids", j("[" + a + "," + b + "]"), j("[" + b + "," + a + "]"), false);
    assertThat(ChangeLines.of(c)).hasSize(1).first().asString().startsWith("ids: [\"agent1");
  }
}
