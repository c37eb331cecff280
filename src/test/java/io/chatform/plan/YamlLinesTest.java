package io.chatform.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class YamlLinesTest {
  private static List<String> field(String key, String json) {
    List<String> out = new ArrayList<>();
    YamlLines.field(key, Fixtures.json("{'v':" + json + "}").get("v"), "", out);
    return out;
  }

  @Test
  void flatValuesStayOnOneLineInFlowStyle() {
    assertThat(field("name", "'Support'")).containsExactly("name: \"Support\"");
    assertThat(field("groups", "['A','B']")).containsExactly("groups: [\"A\", \"B\"]");
    assertThat(field("access", "{}")).containsExactly("access: {}");
    assertThat(field("odd key", "1")).containsExactly("\"odd key\": 1");
  }

  @Test
  void nestedValuesBecomeBlocksNeverJsonBlobs() {
    assertThat(
            field(
                "work_scheduler",
                "{'timezone':'UTC','schedule':[{'day':'monday','start':'08:00'}],"
                    + "'extra':{'a':{'b':1}}}"))
        .containsExactly(
            "work_scheduler:",
            "  timezone: \"UTC\"",
            "  schedule:",
            "    - {day: \"monday\", start: \"08:00\"}",
            "  extra:",
            "    a: {b: 1}");
  }

  @Test
  void listItemsThatAreNestedObjectsStartWithADash() {
    assertThat(field("rules", "[{'url':{'values':['a']},'n':1}]"))
        .containsExactly("rules:", "  - url:", "      values: [\"a\"]", "    n: 1");
  }
}
