package io.chatform.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import io.chatform.plan.Action;
import io.chatform.plan.ActionType;
import io.chatform.plan.Plan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Entries removed from the manifests are deleted from the account, dependents first. */
class DeletionsIT {
  @TempDir Path tmp;

  static final String BASE =
      """
      version: 1
      groups:
        - {name: Support, language_code: en}
        - {name: Old, language_code: en}
      agents:
        - id: stay@x.example
          name: Stay
          role: normal
          groups: [{group: Old, priority: first}, {group: Support, priority: normal}]
        - id: leave@x.example
          name: Leave
          role: normal
          groups: [{group: Old, priority: normal}]
      bots:
        - name: Helper
          owner_client_id: CID
          groups: [{group: Old, priority: normal}]
        - name: Retired
          owner_client_id: CID
          groups: [{group: Support, priority: normal}]
      auto_access:
        - description: To Old
          groups: [Old]
          conditions: {url: {values: [{value: /old}]}}
        - description: Mixed
          groups: [Old, Support]
          conditions: {url: {values: [{value: /mixed}]}}
        - description: Keep
          groups: [Support]
          conditions: {url: {values: [{value: /keep}]}}
      properties:
        - owner_client_id: CID
          name: sla
          type: int
          access: {group: {agent: [read, write]}, license: {agent: [read]}}
        - owner_client_id: CID
          name: kept
          type: string
          access: {license: {agent: [read]}}
      license_properties:
        CID: {sla: 5, kept: k}
      group_properties:
        Old: {CID: {sla: 10}}
        Support: {CID: {sla: 20}}
      webhooks:
        - owner_client_id: CID
          type: license
          action: incoming_chat
          url: https://hooks.x.example/a
          secret_key: literal-secret-1
        - owner_client_id: CID
          type: license
          action: chat_deactivated
          url: https://hooks.x.example/b
          secret_key: literal-secret-1
      """;

  static final String AFTER =
      """
      version: 1
      groups:
        - {name: Support, language_code: en}
      agents:
        - id: stay@x.example
          name: Stay
          role: normal
          groups: [{group: Support, priority: normal}]
      bots:
        - name: Helper
          owner_client_id: CID
          groups: [{group: Support, priority: normal}]
      auto_access:
        - description: Mixed
          groups: [Support]
          conditions: {url: {values: [{value: /mixed}]}}
        - description: Keep
          groups: [Support]
          conditions: {url: {values: [{value: /keep}]}}
      properties:
        - owner_client_id: CID
          name: kept
          type: string
          access: {license: {agent: [read]}}
      license_properties:
        CID: {kept: k}
      group_properties: {}
      webhooks:
        - owner_client_id: CID
          type: license
          action: chat_deactivated
          url: https://hooks.x.example/b
          secret_key: literal-secret-1
      """;

  private static String yaml(String text) {
    return text.replace("CID", Harness.CLIENT_ID);
  }

  @ParameterizedTest(name = "v{0}")
  @ValueSource(strings = {"3.6", "3.5"})
  void removedEntriesAreDeletedAfterWhatUsesThem(String version) {
    try (Harness h = Harness.start(ApiVersion.fromLabel(version).orElseThrow(), tmp)) {
      h.apply(h.yaml(yaml(BASE)));
      long old = h.item("groups", "groups", "name", "Old").path("id").asLong();
      long support = h.item("groups", "groups", "name", "Support").path("id").asLong();
      String helper = h.item("bots", "bots", "name", "Helper").path("id").asText();
      String keep = h.item("auto_access", "rules", "description", "Keep").path("id").asText();

      DesiredState after = h.yaml(yaml(AFTER));
      Harness.Planned p = h.plan(after, h.options(true));
      Plan plan = p.plan();
      List<String> order = plan.actions().stream().map(Action::id).toList();
      Action groupDelete = byId(plan, "groups/Old#delete");
      // Everything that names the group goes first: memberships moved, rules changed or gone.
      for (String first :
          List.of(
              "agents/stay@x.example#update",
              "agents/leave@x.example#delete",
              "bots/" + Harness.CLIENT_ID + "/Helper#update",
              "auto_access/To Old#delete",
              "auto_access/Mixed#update",
              "group_properties/Old/" + Harness.CLIENT_ID + "/sla#delete")) {
        assertThat(groupDelete.dependsOn()).as(first).contains(first);
        assertThat(order.indexOf(first)).as(first).isLessThan(order.indexOf(groupDelete.id()));
      }
      Action propertyDelete = byId(plan, "properties/" + Harness.CLIENT_ID + "/sla#delete");
      assertThat(propertyDelete.dependsOn())
          .contains("license_properties/" + Harness.CLIENT_ID + "/sla#delete");
      assertThat(plan.count(ActionType.DELETE)).isEqualTo(9);

      ApplyReport report = h.execute(p);
      assertThat(report.incomplete()).as(report.text()).isFalse();
      assertThat(h.emulator.stats().path("errors").size())
          .as(h.emulator.stats().toString())
          .isZero();
      h.assertConverged(after);

      assertThat(h.items("groups", "groups"))
          .extracting(g -> g.path("name").asText())
          .containsExactlyInAnyOrder("General", "Support");
      assertThat(h.item("groups", "groups", "name", "Support").path("id").asLong())
          .isEqualTo(support);
      assertThat(h.items("agents", "agents"))
          .extracting(a -> a.path("id").asText())
          .doesNotContain("leave@x.example")
          .contains("stay@x.example");
      assertThat(h.items("bots", "bots"))
          .extracting(b -> b.path("id").asText())
          .containsExactly(helper);
      assertThat(h.items("auto_access", "rules"))
          .extracting(r -> r.path("description").asText())
          .containsExactly("Mixed", "Keep");
      assertThat(h.item("auto_access", "rules", "description", "Keep").path("id").asText())
          .isEqualTo(keep);
      for (JsonNode r : h.items("auto_access", "rules")) {
        assertThat(r.path("access").path("groups").toString()).doesNotContain("" + old);
      }
      assertThat(h.items("properties", "definitions"))
          .extracting(d -> d.path("name").asText())
          .containsExactly("kept");
      JsonNode values = h.state().path("properties").path("values");
      assertThat(values.path("license").path(Harness.CLIENT_ID).has("sla")).isFalse();
      assertThat(
              values.path("groups").path("" + old).isMissingNode()
                  || values.path("groups").path("" + old).path(Harness.CLIENT_ID).isEmpty())
          .isTrue();
      assertThat(h.items("webhooks", "webhooks"))
          .extracting(w -> w.path("action").asText())
          .containsExactly("chat_deactivated");
    }
  }

  private static Action byId(Plan plan, String id) {
    return plan.actions().stream()
        .filter(a -> a.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no action " + id + " in " + plan.actions()));
  }
}
