package io.chatform.emulator;

import static io.chatform.emulator.KindsTestSupport.call;
import static io.chatform.emulator.KindsTestSupport.error;
import static io.chatform.emulator.KindsTestSupport.roundTrip;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.model.ApiVersion;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AutoAccessModuleTest {
  private static final ApiVersion V = ApiVersion.V3_6;
  private final KindsTestSupport.StubGroupsAccount account =
      new KindsTestSupport.StubGroupsAccount(1, 2);
  private final AutoAccessModule module = new AutoAccessModule(account);

  private String add(String description, String nextIdField) {
    JsonNode out =
        call(
            module,
            V,
            "add_auto_access",
            "{'description':'"
                + description
                + "','access':{'groups':[1]},"
                + "'conditions':{'url':{'values':[{'value':'/"
                + description
                + "'}]}}"
                + nextIdField
                + "}",
            "app");
    return out.path("id").asText();
  }

  private String add(String description) {
    return add(description, "");
  }

  /** Descriptions in the order list_auto_accesses returns them. */
  private List<String> listed() {
    List<String> out = new ArrayList<>();
    call(module, V, "list_auto_accesses", "{}", "app")
        .forEach(r -> out.add(r.path("description").asText()));
    return out;
  }

  /** Descriptions in the order obtained by following next_id from the head, as a client must. */
  private List<String> chainOrder() {
    JsonNode rules = call(module, V, "list_auto_accesses", "{}", "app");
    Map<String, JsonNode> byId = new HashMap<>();
    Map<String, Boolean> pointed = new HashMap<>();
    rules.forEach(r -> byId.put(r.path("id").asText(), r));
    rules.forEach(r -> pointed.put(r.path("next_id").asText(""), true));
    List<String> out = new ArrayList<>();
    JsonNode cursor =
        byId.values().stream()
            .filter(r -> !pointed.containsKey(r.path("id").asText()))
            .findFirst()
            .orElseThrow();
    while (cursor != null) {
      out.add(cursor.path("description").asText());
      cursor = byId.get(cursor.path("next_id").asText(""));
    }
    return out;
  }

  private void assertOrder(String... descriptions) {
    assertThat(listed()).containsExactly(descriptions);
    assertThat(chainOrder()).containsExactly(descriptions);
  }

  @Test
  void addWithoutNextIdAppendsAndTheLastRuleHasNoNextId() {
    String a = add("a");
    String b = add("b");
    add("c");
    assertOrder("a", "b", "c");
    JsonNode rules = call(module, V, "list_auto_accesses", "{}", "app");
    assertThat(rules.get(0).path("next_id").asText()).isEqualTo(b);
    assertThat(rules.get(1).path("id").asText()).isEqualTo(b);
    assertThat(rules.get(2).has("next_id")).isFalse();
    assertThat(a).hasSize(32).isNotEqualTo(b);
  }

  @Test
  void addWithNextIdInsertsFirstOrInTheMiddle() {
    String a = add("a");
    String c = add("c");
    add("first", ",'next_id':'" + a + "'");
    add("b", ",'next_id':'" + c + "'");
    assertOrder("first", "a", "b", "c");
  }

  @Test
  void addWithUnknownNextIdIsNotFoundAndAddsNothing() {
    add("a");
    ApiError e =
        error(
            module,
            V,
            "add_auto_access",
            "{'access':{'groups':[1]},'conditions':{'domain':{'values':[{'value':'x.com'}]}},'next_id':'nope'}",
            "app");
    assertThat(e.type()).isEqualTo("not_found");
    assertThat(e.getMessage()).contains("next_id");
    assertOrder("a");
  }

  @Test
  void updateMovesToFrontMiddleAndEnd() {
    String a = add("a");
    String b = add("b");
    String c = add("c");
    call(module, V, "update_auto_access", "{'id':'" + c + "','next_id':'" + a + "'}", "app");
    assertOrder("c", "a", "b");
    call(module, V, "update_auto_access", "{'id':'" + c + "','next_id':'" + b + "'}", "app");
    assertOrder("a", "c", "b");
    call(module, V, "update_auto_access", "{'id':'" + a + "','next_id':''}", "app");
    assertOrder("c", "b", "a");
  }

  @Test
  void updateWithoutNextIdKeepsThePlaceAndIsPartial() {
    String a = add("a");
    add("b");
    call(module, V, "update_auto_access", "{'id':'" + a + "','description':'renamed'}", "app");
    assertOrder("renamed", "b");
    JsonNode rule = call(module, V, "list_auto_accesses", "{}", "app").get(0);
    assertThat(rule.path("access").path("groups").get(0).asLong()).isEqualTo(1);
    assertThat(rule.path("conditions").path("url").path("values").get(0).path("value").asText())
        .isEqualTo("/a");
  }

  @Test
  void updateOfUnknownRuleOrBeforeUnknownRuleIsNotFound() {
    String a = add("a");
    assertThat(error(module, V, "update_auto_access", "{'id':'nope'}", "app").type())
        .isEqualTo("not_found");
    assertThat(
            error(module, V, "update_auto_access", "{'id':'" + a + "','next_id':'nope'}", "app")
                .type())
        .isEqualTo("not_found");
    assertThat(
            error(
                    module,
                    V,
                    "update_auto_access",
                    "{'id':'" + a + "','next_id':'" + a + "'}",
                    "app")
                .type())
        .isEqualTo("validation");
  }

  @Test
  void deleteRelinksHeadMiddleAndTail() {
    String a = add("a");
    add("b");
    String c = add("c");
    String d = add("d");
    add("e");
    call(module, V, "delete_auto_access", "{'id':'" + a + "'}", "app");
    assertOrder("b", "c", "d", "e");
    call(module, V, "delete_auto_access", "{'id':'" + d + "'}", "app");
    assertOrder("b", "c", "e");
    String e = call(module, V, "list_auto_accesses", "{}", "app").get(2).path("id").asText();
    call(module, V, "delete_auto_access", "{'id':'" + e + "'}", "app");
    assertOrder("b", "c");
    add("f");
    assertOrder("b", "c", "f");
    assertThat(error(module, V, "delete_auto_access", "{'id':'" + c + "x'}", "app").type())
        .isEqualTo("not_found");
  }

  @Test
  void exactMatchDefaultsToFalseAndIsStoredExplicitly() {
    call(
        module,
        V,
        "add_auto_access",
        "{'access':{'groups':[0]},'conditions':{'domain':{'exclude_values':[{'value':'a.com'},{'value':'b.com','exact_match':true}]},"
            + "'geolocation':{'values':[{'country':'Poland','country_code':'PL'}]}}}",
        "app");
    JsonNode rule = call(module, V, "list_auto_accesses", "{}", "app").get(0);
    JsonNode excludes = rule.path("conditions").path("domain").path("exclude_values");
    assertThat(excludes.get(0).path("exact_match").isBoolean()).isTrue();
    assertThat(excludes.get(0).path("exact_match").asBoolean()).isFalse();
    assertThat(excludes.get(1).path("exact_match").asBoolean()).isTrue();
    assertThat(
            rule.path("conditions")
                .path("geolocation")
                .path("values")
                .get(0)
                .path("country_code")
                .asText())
        .isEqualTo("PL");
    assertThat(rule.has("description")).isFalse();
  }

  @Test
  void validationNamesTheOffendingField() {
    String url = "'conditions':{'url':{'values':[{'value':'/x'}]}}";
    assertValidation("{" + url + "}", "access is required");
    assertValidation("{'access':{}," + url + "}", "access.groups is required");
    assertValidation("{'access':{'groups':[]}," + url + "}", "access.groups");
    assertValidation("{'access':{'groups':['one']}," + url + "}", "access.groups[0]");
    assertValidation("{'access':{'groups':[1]}}", "conditions is required");
    assertValidation(
        "{'access':{'groups':[1]},'conditions':{}}", "at least one of url, domain, geolocation");
    assertValidation("{'access':{'groups':[1]},'conditions':{'path':{}}}", "conditions.path");
    assertValidation(
        "{'access':{'groups':[1]},'conditions':{'url':{'values':[{'value':'a'}],'exclude_values':[{'value':'b'}]}}}",
        "mutually exclusive");
    assertValidation(
        "{'access':{'groups':[1]},'conditions':{'domain':{}}}", "conditions.domain.values");
    assertValidation(
        "{'access':{'groups':[1]},'conditions':{'url':{'values':[{}]}}}",
        "conditions.url.values[0].value is required");
    assertValidation(
        "{'access':{'groups':[1]},'conditions':{'url':{'values':[{'value':'a','exact_match':'yes'}]}}}",
        "conditions.url.values[0].exact_match");
    assertValidation(
        "{'access':{'groups':[1]},'conditions':{'geolocation':{'values':[{}]}}}",
        "conditions.geolocation.values[0]");
    assertThat(listed()).isEmpty();
  }

  private void assertValidation(String body, String messagePart) {
    ApiError e = error(module, V, "add_auto_access", body, "app");
    assertThat(e.type()).as(body).isEqualTo("validation");
    assertThat(e.getMessage()).as(body).contains(messagePart);
  }

  @Test
  void unknownGroupIsGroupNotFoundOnAddAndUpdate() {
    String body = "{'access':{'groups':[1,7]},'conditions':{'url':{'values':[{'value':'/x'}]}}}";
    ApiError e = error(module, V, "add_auto_access", body, "app");
    assertThat(e.type()).isEqualTo("group_not_found");
    assertThat(e.getMessage()).contains("access.groups[1]").contains("7");
    String a = add("a");
    assertThat(
            error(
                    module,
                    V,
                    "update_auto_access",
                    "{'id':'" + a + "','access':{'groups':[9]}}",
                    "app")
                .type())
        .isEqualTo("group_not_found");
    assertOrder("a");
  }

  @Test
  void stateRoundTripKeepsRulesAndOrder() {
    String a = add("a");
    add("b");
    add("c", ",'next_id':'" + a + "'");
    AutoAccessModule fresh = new AutoAccessModule(account);
    roundTrip(module, fresh);
    assertThat(call(fresh, V, "list_auto_accesses", "{}", "app"))
        .isEqualTo(call(module, V, "list_auto_accesses", "{}", "app"));
    call(fresh, V, "update_auto_access", "{'id':'" + a + "','next_id':''}", "app");
    List<String> order = new ArrayList<>();
    call(fresh, V, "list_auto_accesses", "{}", "app")
        .forEach(r -> order.add(r.path("description").asText()));
    assertThat(order).containsExactly("c", "b", "a");
    fresh.reset();
    assertThat(call(fresh, V, "list_auto_accesses", "{}", "app")).isEmpty();
  }

  @Test
  void aDeletedGroupNoLongerAppearsInRules() {
    call(
        module,
        V,
        "add_auto_access",
        "{'description':'both','access':{'groups':[1,2]},'conditions':{'url':{'values':[{'value':'/x'}]}}}",
        "app");
    account.groups.remove(2L);
    JsonNode rule = call(module, V, "list_auto_accesses", "{}", "app").get(0);
    assertThat(rule.at("/access/groups").toString()).isEqualTo("[1]");
  }
}
