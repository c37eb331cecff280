package io.chatform.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Positions kept beside the tree (by container identity), looked up by JSON pointer. */
class PositionIndexTest {
  private static YamlReader.Parsed read(String file, String yaml) {
    List<Diagnostic> d = new ArrayList<>();
    YamlReader.Parsed p = new YamlReader(file, d).read(yaml);
    assertThat(d).isEmpty();
    return p;
  }

  private static final String YAML =
      """
      version: 1
      agents:
        - id: jane@x.example
          groups:
            - {group: Support, priority: normal}
            -   group: "Sales"
        - id: max@x.example
      "a/b~c": 7
      """;

  @Test
  void valuesKeysAndDisplayPathsOfNestedMappingsAndLists() {
    PositionIndex i = read("m.yaml", YAML).index();
    assertThat(i.value("") + "").isEqualTo("m.yaml:1:1");
    assertThat(i.value("/agents") + "").isEqualTo("m.yaml:3:3");
    assertThat(i.key("/agents") + "").isEqualTo("m.yaml:2:1");
    assertThat(i.value("/agents/0/groups/0/priority") + "").isEqualTo("m.yaml:5:36");
    assertThat(i.key("/agents/0/groups/0/priority") + "").isEqualTo("m.yaml:5:26");
    assertThat(i.value("/agents/0/groups/1/group") + "").isEqualTo("m.yaml:6:18");
    assertThat(i.key("/agents/1") + "").as("a list item has no key").isEqualTo("m.yaml:7:5");
    assertThat(i.value("/a~1b~0c") + "").isEqualTo("m.yaml:8:10");
    assertThat(i.display("/agents/0/groups/1/group")).isEqualTo("agents[0].groups[1].group");
    assertThat(i.display("/a~1b~0c")).isEqualTo("[\"a/b~c\"]");
  }

  @Test
  void anUnknownPointerFallsBackToItsNearestAncestor() {
    PositionIndex i = read("m.yaml", YAML).index();
    assertThat(i.value("/agents/1/name") + "").isEqualTo("m.yaml:7:5");
    assertThat(i.key("/agents/1/name") + "").isEqualTo("m.yaml:7:5");
    assertThat(i.value("/agents/9") + "").isEqualTo("m.yaml:3:3");
    assertThat(i.value("/agents/01") + "").as("not a list index").isEqualTo("m.yaml:3:3");
    assertThat(i.value("/nope/deeper") + "").isEqualTo("m.yaml:1:1");
    assertThat(i.display("/agents/1/name")).isEqualTo("agents[1].name");
  }

  @Test
  void aValueReplacedInItsParentKeepsThePositionItsParentRecorded() {
    YamlReader.Parsed p = read("m.yaml", YAML);
    ObjectNode first = (ObjectNode) p.root().at("/agents/0");
    first.set("id", TextNode.valueOf("substituted@x.example"));
    assertThat(p.index().value("/agents/0/id") + "").isEqualTo("m.yaml:3:9");
  }

  @Test
  void aMappingWithManyKeysIsFoundByName() {
    StringBuilder yaml = new StringBuilder("version: 1\nvariables:\n");
    for (int k = 0; k < 40; k++) {
      yaml.append("  v").append(k).append(": ").append(k).append('\n');
    }
    PositionIndex i = read("m.yaml", yaml.toString()).index();
    assertThat(i.value("/variables/v37") + "").isEqualTo("m.yaml:40:8");
    assertThat(i.key("/variables/v0") + "").isEqualTo("m.yaml:3:3");
  }

  @Test
  void anOverlaysValueCopiedIntoTheBaseKeepsTheOverlaysFileAndTheRestIsForgotten() {
    YamlReader.Parsed base = read("base.yaml", YAML);
    YamlReader.Parsed ov = read("ov.yaml", "version: 1\npatch:\n  groups:\n    - {group: X}\n");
    ObjectNode jane = (ObjectNode) base.root().at("/agents/0");
    jane.set("groups", ov.root().at("/patch/groups").deepCopy());
    base.index().removeTree("/agents/0/groups");
    base.index().copyTree(ov.index(), "/patch/groups", "/agents/0/groups");
    assertThat(base.index().value("/agents/0/groups") + "").isEqualTo("ov.yaml:4:5");
    assertThat(base.index().key("/agents/0/groups") + "").isEqualTo("ov.yaml:3:3");
    assertThat(base.index().value("/agents/0/groups/0/group") + "").isEqualTo("ov.yaml:4:15");
    assertThat(base.index().value("/agents/0/id") + "").isEqualTo("base.yaml:3:9");

    jane.remove("id");
    base.index().removeTree("/agents/0/id");
    assertThat(base.index().value("/agents/0/id") + "").isEqualTo("base.yaml:3:5");
  }
}
