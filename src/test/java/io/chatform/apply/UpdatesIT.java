package io.chatform.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import io.chatform.plan.Action;
import io.chatform.plan.ActionType;
import io.chatform.plan.FieldChange;
import io.chatform.plan.Plan;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Changing fields of every kind: updates in place (same live id) where the API allows, replaces
 * (new id) for property definitions and webhooks, a notice for what the version cannot change.
 */
class UpdatesIT {
  @TempDir Path tmp;

  static final String BASE =
      """
      version: 1
      groups:
        - {name: Support, language_code: en}
        - {name: Sales, language_code: en}
      agents:
        - id: a@x.example
          name: Agent A
          role: normal
          job_title: Agent
          mobile: "+1 555 0100"
          login_status: accepting chats
          max_chats_count: 3
          groups: [{group: Support, priority: normal}]
          notifications: [new_visitor]
          email_subscriptions: [weekly_summary]
          work_scheduler:
            timezone: UTC
            schedule: [{day: monday, enabled: true, start: "09:00", end: "17:00"}]
      bots:
        - name: Helper
          owner_client_id: CID
          avatar: https://cdn.x.example/a.png
          max_chats_count: 10
          default_group_priority: normal
          groups: [{group: Support, priority: normal}]
          job_title: Bot
          type: chatbot
          work_scheduler:
            timezone: UTC
            schedule: [{day: sunday, enabled: true, start: "00:00", end: "12:00"}]
      auto_access:
        - description: Rule one
          groups: [Support]
          conditions: {url: {values: [{value: /a, exact_match: false}]}}
      properties:
        - owner_client_id: CID
          name: tier
          type: string
          access: {license: {agent: [read, write]}, group: {agent: [read]}}
          description: Tier
          domain: [gold, silver, bronze]
          default_value: silver
      license_properties:
        CID: {tier: gold}
      group_properties:
        Support: {CID: {tier: silver}}
      webhooks:
        - owner_client_id: CID
          type: license
          action: incoming_chat
          url: https://hooks.x.example/a
          secret_key: ${env:LC_WEBHOOK_SECRET}
          description: Chats to the CRM
      license_webhooks:
        CID: enabled
      """;

  /** The same objects with every field changed (names, ids and descriptions kept). */
  static final String CHANGED =
      """
      version: 1
      groups:
        - {name: Support, language_code: de}
        - {name: Sales, language_code: fr}
      agents:
        - id: a@x.example
          name: Agent A
          role: administrator
          job_title: Lead
          mobile: "+1 555 0199"
          login_status: not accepting chats
          max_chats_count: 7
          groups: [{group: Sales, priority: first}]
          notifications: [incoming_chat, new_visitor]
          email_subscriptions: [daily_summary]
          work_scheduler:
            timezone: Europe/Berlin
            schedule: [{day: tuesday, enabled: true, start: "10:00", end: "18:00"}]
      bots:
        - name: Helper
          owner_client_id: CID
          avatar: https://cdn.x.example/b.png
          max_chats_count: 20
          default_group_priority: first
          groups: [{group: Sales, priority: last}]
          job_title: Assistant
          type: custom
          work_scheduler:
            timezone: Europe/Warsaw
            schedule: [{day: friday, enabled: true, start: "08:00", end: "16:00"}]
      auto_access:
        - description: Rule one
          groups: [Sales]
          conditions: {domain: {values: [{value: x.example, exact_match: true}]}}
      properties:
        - owner_client_id: CID
          name: tier
          type: string
          access: {license: {agent: [read, write]}, group: {agent: [read, write]}}
          description: Customer tier
          domain: [gold, silver, bronze]
          default_value: bronze
      license_properties:
        CID: {tier: bronze}
      group_properties:
        Support: {CID: {tier: gold}}
      webhooks:
        - owner_client_id: CID
          type: license
          action: incoming_chat
          url: https://hooks.x.example/a
          secret_key: ${env:LC_WEBHOOK_SECRET}
          description: Chats to the new CRM
          additional_data: [chat_properties]
      license_webhooks:
        CID: disabled
      """;

  private static String yaml(String text) {
    return text.replace("CID", Harness.CLIENT_ID);
  }

  @Test
  void everyFieldOfEveryKindUpdatesInPlaceOrReplaces() {
    try (Harness h = Harness.start(ApiVersion.V3_6, tmp)) {
      h.apply(h.yaml(yaml(BASE)));
      long support = h.item("groups", "groups", "name", "Support").path("id").asLong();
      long sales = h.item("groups", "groups", "name", "Sales").path("id").asLong();
      String bot = h.item("bots", "bots", "name", "Helper").path("id").asText();
      String rule = h.item("auto_access", "rules", "description", "Rule one").path("id").asText();
      String hook = h.items("webhooks", "webhooks").get(0).path("id").asText();

      DesiredState changed = h.yaml(yaml(CHANGED));
      Harness.Planned p = h.plan(changed);
      Map<String, ActionType> types = new TreeMap<>();
      Map<String, String> fields = new TreeMap<>();
      for (Action a : p.plan().actions()) {
        types.put(a.address(), a.type());
        fields.put(
            a.address(),
            a.changes().stream().map(FieldChange::field).sorted().collect(Collectors.joining(",")));
      }
      String cid = Harness.CLIENT_ID;
      assertThat(types)
          .containsEntry("groups/Support", ActionType.UPDATE)
          .containsEntry("groups/Sales", ActionType.UPDATE)
          .containsEntry("agents/a@x.example", ActionType.UPDATE)
          .containsEntry("bots/" + cid + "/Helper", ActionType.UPDATE)
          .containsEntry("auto_access/Rule one", ActionType.UPDATE)
          .containsEntry("properties/" + cid + "/tier", ActionType.REPLACE)
          .containsEntry("license_properties/" + cid + "/tier", ActionType.UPDATE)
          .containsEntry("group_properties/Support/" + cid + "/tier", ActionType.UPDATE)
          .containsEntry("license_webhooks/" + cid, ActionType.UPDATE)
          .doesNotContainValue(ActionType.DELETE)
          .doesNotContainValue(ActionType.CREATE);
      assertThat(types.entrySet().stream().filter(e -> e.getKey().startsWith("webhooks/")))
          .singleElement()
          .satisfies(e -> assertThat(e.getValue()).isEqualTo(ActionType.REPLACE));
      assertThat(fields)
          .containsEntry("groups/Support", "language_code")
          .containsEntry(
              "agents/a@x.example",
              "email_subscriptions,groups,job_title,login_status,max_chats_count,mobile,"
                  + "notifications,role,work_scheduler")
          .containsEntry(
              "bots/" + cid + "/Helper",
              "avatar,default_group_priority,groups,job_title,max_chats_count,type,work_scheduler")
          .containsEntry("auto_access/Rule one", "conditions,groups")
          .containsEntry("properties/" + cid + "/tier", "access,default_value,description");
      assertThat(p.plan().summary()).contains("to replace").contains("2 to replace");

      ApplyReport report = h.execute(p);
      assertThat(report.incomplete()).as(report.text()).isFalse();
      h.assertConverged(changed);

      // Same ids, new values.
      JsonNode g = h.item("groups", "groups", "name", "Support");
      assertThat(g.path("id").asLong()).isEqualTo(support);
      assertThat(g.path("language_code").asText()).isEqualTo("de");
      JsonNode gs = h.item("groups", "groups", "name", "Sales");
      assertThat(gs.path("id").asLong()).isEqualTo(sales);
      assertThat(gs.path("agent_priorities").path("a@x.example").asText()).isEqualTo("first");
      assertThat(gs.path("agent_priorities").path(bot).asText()).isEqualTo("last");
      assertThat(g.path("agent_priorities").has("a@x.example")).isFalse();
      assertThat(g.path("agent_priorities").has(bot)).isFalse();
      assertThat(h.items("groups", "groups")).hasSize(3);

      JsonNode agent = h.item("agents", "agents", "id", "a@x.example");
      assertThat(agent.path("role").asText()).isEqualTo("administrator");
      assertThat(agent.path("job_title").asText()).isEqualTo("Lead");
      assertThat(agent.path("mobile").asText()).isEqualTo("+1 555 0199");
      assertThat(agent.path("login_status").asText()).isEqualTo("not accepting chats");
      assertThat(agent.path("max_chats_count").asInt()).isEqualTo(7);
      assertThat(agent.path("email_subscriptions").toString()).isEqualTo("[\"daily_summary\"]");
      assertThat(agent.path("notifications").toString())
          .contains("incoming_chat")
          .contains("new_visitor");
      assertThat(agent.path("work_scheduler").path("timezone").asText()).isEqualTo("Europe/Berlin");

      assertThat(h.items("bots", "bots")).singleElement();
      JsonNode b = h.item("bots", "bots", "name", "Helper");
      assertThat(b.path("id").asText()).isEqualTo(bot);
      assertThat(b.path("avatar").asText()).isEqualTo("https://cdn.x.example/b.png");
      assertThat(b.path("max_chats_count").asInt()).isEqualTo(20);
      assertThat(b.path("default_group_priority").asText()).isEqualTo("first");
      assertThat(b.path("job_title").asText()).isEqualTo("Assistant");
      assertThat(b.path("type").asText()).isEqualTo("custom");
      assertThat(b.path("work_scheduler").path("timezone").asText()).isEqualTo("Europe/Warsaw");

      assertThat(h.items("auto_access", "rules")).singleElement();
      JsonNode r = h.item("auto_access", "rules", "description", "Rule one");
      assertThat(r.path("id").asText()).isEqualTo(rule);
      assertThat(r.path("access").path("groups").toString()).isEqualTo("[" + sales + "]");
      assertThat(r.path("conditions").has("url")).isFalse();
      assertThat(r.path("conditions").path("domain").path("values").get(0).path("value").asText())
          .isEqualTo("x.example");

      assertThat(h.items("properties", "definitions")).singleElement();
      JsonNode def = h.item("properties", "definitions", "name", "tier");
      assertThat(def.path("description").asText()).isEqualTo("Customer tier");
      assertThat(def.path("default_value").asText()).isEqualTo("bronze");
      JsonNode values = h.state().path("properties").path("values");
      assertThat(values.path("license").path(cid).path("tier").asText()).isEqualTo("bronze");
      assertThat(values.path("groups").path("" + support).path(cid).path("tier").asText())
          .isEqualTo("gold");

      assertThat(h.items("webhooks", "webhooks")).singleElement();
      JsonNode w = h.items("webhooks", "webhooks").get(0);
      assertThat(w.path("id").asText()).isNotEqualTo(hook);
      assertThat(w.path("description").asText()).isEqualTo("Chats to the new CRM");
      assertThat(w.path("additional_data").toString()).isEqualTo("[\"chat_properties\"]");
      assertThat(h.state().path("webhooks").path("license_webhooks_enabled").path(cid).asBoolean())
          .isFalse();
    }
  }

  @Test
  void agentNameIsANoticeOn36AndAnUpdateOn35() {
    String renamed = yaml(BASE).replace("name: Agent A", "name: Agent Renamed");
    try (Harness h = Harness.start(ApiVersion.V3_6, tmp)) {
      h.apply(h.yaml(yaml(BASE)));
      Plan p = h.plan(h.yaml(renamed)).plan();
      assertThat(p.summary()).isEqualTo("No changes.");
      assertThat(p.notices())
          .anySatisfy(
              n -> {
                assertThat(n.address()).isEqualTo("agents/a@x.example");
                assertThat(n.message()).contains("name").contains("cannot be changed");
              });
      assertThat(h.item("agents", "agents", "id", "a@x.example").path("name").asText())
          .isEqualTo("Agent A");
    }
    try (Harness h = Harness.start(ApiVersion.V3_5, tmp)) {
      String base35 = yaml(BASE).replace("    type: chatbot\n", "");
      h.apply(h.yaml(base35));
      DesiredState want = h.yaml(base35.replace("name: Agent A", "name: Agent Renamed"));
      Plan p = h.plan(want).plan();
      assertThat(p.actions())
          .singleElement()
          .satisfies(a -> assertThat(a.type()).isEqualTo(ActionType.UPDATE));
      h.apply(want);
      h.assertConverged(want);
      assertThat(h.item("agents", "agents", "id", "a@x.example").path("name").asText())
          .isEqualTo("Agent Renamed");
    }
  }
}
