package io.chatform.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.kinds.Exporter;
import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import io.chatform.model.Json;
import io.chatform.plan.Action;
import io.chatform.plan.ActionType;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renames through {@code previous_names} keep ids, secrets, memberships and values; id pins adopt
 * groups whose names are not unique; export pins them so its round trip holds.
 */
class RenameIT {
  @TempDir Path tmp;

  static final String BEFORE =
      """
      version: 1
      groups:
        - {name: Tech Support, language_code: en}
      agents:
        - id: a@x.example
          name: Agent A
          groups: [{group: Tech Support, priority: normal}]
      bots:
        - name: Helper
          owner_client_id: CID
          groups: [{group: Tech Support, priority: normal}]
      auto_access:
        - description: Old rule
          groups: [Tech Support]
          conditions: {url: {values: [{value: /help, exact_match: false}]}}
      properties:
        - owner_client_id: CID
          name: tier
          type: string
          access: {group: {agent: [read]}}
      group_properties:
        Tech Support: {CID: {tier: gold}}
      """;

  static final String AFTER =
      """
      version: 1
      groups:
        - {name: Technical Support, previous_names: [Tech Support], language_code: en}
      agents:
        - id: a@x.example
          name: Agent A
          groups: [{group: Technical Support, priority: normal}]
      bots:
        - name: Assistant
          previous_names: [Helper]
          owner_client_id: CID
          groups: [{group: Technical Support, priority: normal}]
      auto_access:
        - description: New rule
          previous_names: [Old rule]
          groups: [Technical Support]
          conditions: {url: {values: [{value: /help, exact_match: false}]}}
      properties:
        - owner_client_id: CID
          name: tier
          type: string
          access: {group: {agent: [read]}}
      group_properties:
        Technical Support: {CID: {tier: gold}}
      """;

  private static String yaml(String text) {
    return text.replace("CID", Harness.CLIENT_ID);
  }

  @Test
  void renamingAGroupABotAndARuleKeepsTheirIdsMembershipsAndValues() {
    try (Harness h = Harness.start(ApiVersion.V3_6, tmp)) {
      h.apply(h.yaml(yaml(BEFORE)));
      JsonNode group = h.item("groups", "groups", "name", "Tech Support");
      long groupId = group.path("id").asLong();
      JsonNode bot = h.item("bots", "bots", "name", "Helper");
      String rule = h.item("auto_access", "rules", "description", "Old rule").path("id").asText();

      DesiredState after = h.yaml(yaml(AFTER));
      Harness.Planned p = h.plan(after);
      assertThat(p.plan().actions())
          .extracting(a -> a.type() + " " + a.address())
          .containsExactlyInAnyOrder(
              "UPDATE groups/Technical Support",
              "UPDATE bots/" + Harness.CLIENT_ID + "/Assistant",
              "UPDATE auto_access/New rule");
      assertThat(p.plan().actions())
          .extracting(a -> a.renamedFrom().orElse(""))
          .containsExactlyInAnyOrder("Tech Support", "Helper", "Old rule");
      assertThat(p.plan().actions()).allMatch(a -> a.type() == ActionType.UPDATE);

      ApplyReport report = h.execute(p);
      assertThat(report.incomplete()).as(report.text()).isFalse();

      JsonNode renamed = h.item("groups", "groups", "id", String.valueOf(groupId));
      assertThat(renamed.path("name").asText()).isEqualTo("Technical Support");
      assertThat(h.items("groups", "groups"))
          .noneMatch(g -> g.path("name").asText().equals("Tech Support"));
      JsonNode bot2 = h.item("bots", "bots", "id", bot.path("id").asText());
      assertThat(bot2.path("name").asText()).isEqualTo("Assistant");
      JsonNode rule2 = h.item("auto_access", "rules", "id", rule);
      assertThat(rule2.path("description").asText()).isEqualTo("New rule");
      // Same id: the same bot, so its secret (given only by create) is kept.
      assertThat(renamed.path("agent_priorities").path("a@x.example").asText()).isEqualTo("normal");
      assertThat(renamed.path("agent_priorities").path(bot.path("id").asText()).asText())
          .isEqualTo("normal");
      JsonNode values = h.state().path("properties").path("values").path("groups");
      assertThat(values.path(String.valueOf(groupId)).path(Harness.CLIENT_ID).path("tier").asText())
          .isEqualTo("gold");
      assertThat(h.items("auto_access", "rules")).hasSize(1);
      assertThat(h.items("bots", "bots")).hasSize(1);
      assertThat(Json.canonical(rule2.path("access"))).contains(String.valueOf(groupId));
      // Re-plan with the old names still in the file: nothing to do.
      h.assertConverged(after);
    }
  }

  @Test
  void pinnedIdsAdoptGroupsThatShareANameAndExportPinsThem() {
    try (Harness h = Harness.start(ApiVersion.V3_6, tmp)) {
      h.apply(h.yaml("version: 1\ngroups:\n  - {name: A}\n  - {name: B}\n"));
      long a = h.item("groups", "groups", "name", "A").path("id").asLong();
      long b = h.item("groups", "groups", "name", "B").path("id").asLong();
      // Pins rename both to one name, as accounts made by hand often are.
      String twins =
          "version: 1\ngroups:\n  - {name: Sales, id: "
              + a
              + "}\n  - {name: Sales, id: "
              + b
              + ", language_code: de}\n";
      DesiredState pinned = h.yaml(twins);
      List<Action> actions = h.plan(pinned).plan().actions();
      assertThat(actions)
          .extracting(x -> x.liveId().orElseThrow())
          .containsExactlyInAnyOrder(String.valueOf(a), String.valueOf(b));
      assertThat(actions).allMatch(x -> x.type() == ActionType.UPDATE);
      h.apply(pinned);
      assertThat(h.items("groups", "groups"))
          .filteredOn(g -> g.path("name").asText().equals("Sales"))
          .extracting(g -> g.path("id").asLong())
          .containsExactlyInAnyOrder(a, b);
      h.assertConverged(pinned);

      JsonNode exported = Exporter.document(h.plan(pinned).snapshot().state()).path("groups");
      assertThat(StreamSupport.stream(exported.spliterator(), false))
          .filteredOn(g -> g.path("name").asText().equals("Sales"))
          .extracting(g -> g.path("id").asLong())
          .containsExactlyInAnyOrder(a, b);
      DesiredState roundTrip =
          h.yaml(Json.canonical(Json.object().put("version", 1).set("groups", exported)));
      h.assertConverged(roundTrip);
    }
  }

  private static String rules(String... descriptions) {
    StringBuilder y = new StringBuilder("version: 1\nauto_access:\n");
    for (String d : descriptions) {
      String[] parts = d.split("<", 2); // "New<Old": New, renamed from Old
      y.append("  - description: ").append(parts[0]).append('\n');
      if (parts.length > 1) {
        y.append("    previous_names: [").append(parts[1]).append("]\n");
      }
      y.append("    groups: [General]\n    conditions: {url: {values: [{value: /")
          .append(parts[0])
          .append("}]}}\n");
    }
    return y.toString();
  }

  @Test
  void aRuleMovesInFrontOfARuleRenamedInTheSamePlan() {
    try (Harness h = Harness.start(ApiVersion.V3_6, tmp)) {
      h.apply(h.yaml(rules("A", "B", "C")));
      String a = h.item("auto_access", "rules", "description", "A").path("id").asText();
      // A is renamed to A2 and keeps its place; C moves in front of it, naming it by its new name.
      DesiredState after = h.yaml(rules("C", "A2<A", "B"));
      Harness.Planned p = h.plan(after);
      assertThat(p.plan().actions())
          .anySatisfy(x -> assertThat(x.moveBefore()).contains("A2"))
          .noneMatch(x -> x.type() == ActionType.CREATE || x.type() == ActionType.DELETE);
      ApplyReport report = h.execute(p);
      assertThat(report.incomplete()).as(report.text()).isFalse();
      assertThat(h.items("auto_access", "rules"))
          .extracting(r -> r.path("description").asText())
          .containsExactly("C", "A2", "B");
      assertThat(h.item("auto_access", "rules", "description", "A2").path("id").asText())
          .isEqualTo(a);
      h.assertConverged(after);
    }
  }
}
