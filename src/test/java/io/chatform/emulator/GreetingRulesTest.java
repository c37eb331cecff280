package io.chatform.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.model.GreetingRules;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every documented rule-type/operator/value combination of create_greeting, its ranges and limits,
 * and the rich message and properties rules, through the emulator's module (no sockets).
 */
class GreetingRulesTest {
  private final Api api = new Api();

  /** A valid rule of each documented type. */
  private static final Map<String, String> SAMPLE =
      Map.ofEntries(
          Map.entry("visit_time_site", "'operator':'greater_than','value':'30'"),
          Map.entry("visit_time_page", "'operator':'lower_than','value':'900'"),
          Map.entry("url_current", "'operator':'contains','value':'checkout'"),
          Map.entry("url_visited", "'operator':'equals','value':'https://a.example/'"),
          Map.entry("url_funnel", "'urls':[{'url':'a.example/1','operator':'contains'}]"),
          Map.entry("pages_view_number", "'operator':'greater_or_equal','value':'3'"),
          Map.entry("url_referrer", "'operator':'doesnt_contain','value':'google'"),
          Map.entry("geolocation", "'operator':'equals','value':'PL'"),
          Map.entry("visits_number", "'operator':'equals','value':'0'"),
          Map.entry("search_keyword", "'operator':'contains','value':'shoes'"),
          Map.entry("custom_variable", "'session_field':{'plan':'gold'}"),
          Map.entry("ads_traffic", "'session_field':{'google':'campaign-1'}"),
          Map.entry(
              "url_match_page_view_number",
              "'operator':'greater_than','value':'2','urls':[{'url':'/p','operator':'contains'}]"));

  private static String rule(String type, String fields) {
    return "{'condition':'and','type':'"
        + type
        + "'"
        + (fields.isEmpty() ? "" : "," + fields)
        + "}";
  }

  private static String body(String rules, String extra) {
    return "{'type':'normal','active':true,'name':'g','group':0,'rules':["
        + rules
        + "]"
        + extra
        + "}";
  }

  private JsonNode create(String rules) {
    long id = api.call("create_greeting", body(rules, "")).get("id").asLong();
    return api.call("get_greeting", "{'id':" + id + "}");
  }

  private void refused(String rules, String text) {
    api.fails("create_greeting", body(rules, ""), "validation", text);
  }

  private void refusedWith(String extra, String text) {
    api.fails(
        "create_greeting",
        body(rule("url_current", SAMPLE.get("url_current")), extra),
        "validation",
        text);
  }

  @Test
  void theTableCoversEveryDocumentedTypeAndEachSampleIsAccepted() {
    assertThat(GreetingRules.ruleTypes()).containsExactlyInAnyOrderElementsOf(SAMPLE.keySet());
    for (String type : GreetingRules.ruleTypes()) {
      JsonNode g = create(rule(type, SAMPLE.get(type)));
      assertThat(g.at("/rules/0/type").asText()).isEqualTo(type);
    }
  }

  @Test
  void eachTypeRequiresItsFieldsAndRefusesTheOthers() {
    refused(rule("url_current", "'value':'x'"), "rules[0].operator is required");
    refused(rule("url_current", "'operator':'contains'"), "rules[0].value is required");
    refused(rule("url_funnel", ""), "rules[0].urls is required");
    refused(rule("url_match_page_view_number", "'operator':'equals','value':'1'"), "urls");
    refused(rule("custom_variable", ""), "rules[0].session_field is required");
    refused(rule("ads_traffic", ""), "session_field is required");
    refused(rule("url_funnel", SAMPLE.get("url_funnel") + ",'value':'x'"), "value is not taken");
    refused(rule("url_current", SAMPLE.get("url_current") + ",'urls':[]"), "not taken");
    refused(
        rule("geolocation", SAMPLE.get("geolocation") + ",'session_field':{'a':'b'}"), "not taken");
    refused(
        rule("custom_variable", SAMPLE.get("custom_variable") + ",'operator':'equals'"),
        "operator is not taken");
    // operator is optional where the docs say "Not required" only for these three
    create(rule("url_funnel", SAMPLE.get("url_funnel")));
  }

  @Test
  void operatorsFitTheirTypes() {
    for (String op : GreetingRules.NUMBER_OPERATORS) {
      create(rule("visit_time_site", "'operator':'" + op + "','value':'1'"));
    }
    for (String op : GreetingRules.TEXT_OPERATORS) {
      create(rule("url_current", "'operator':'" + op + "','value':'x'"));
    }
    refused(rule("url_current", "'operator':'lower_than','value':'x'"), "does not fit");
    refused(rule("visit_time_site", "'operator':'contains','value':'1'"), "does not fit");
    refused(rule("url_current", "'operator':'like','value':'x'"), "must be one of");
    refused(
        rule("url_funnel", "'urls':[{'url':'a','operator':'greater_than'}]"),
        "rules[0].urls[0].operator must be one of");
  }

  @Test
  void valueRanges() {
    for (String ok : List.of("0", "900")) {
      create(rule("visit_time_page", "'operator':'equals','value':'" + ok + "'"));
    }
    for (String bad : List.of("901", "-1", "1.5", "abc", "", "99999999999")) {
      refused(
          rule("visit_time_site", "'operator':'equals','value':'" + bad + "'"),
          "rules[0].value must be an integer between 0 and 900");
    }
    refused(rule("visits_number", "'operator':'equals','value':'-3'"), "between 0 and");
    refused(rule("pages_view_number", "'operator':'equals','value':'many'"), "between 0 and");
    refused(rule("url_current", "'operator':'equals','value':''"), "must not be empty");
    refused(rule("visit_time_site", "'operator':'equals','value':30"), "must be a string");
  }

  @Test
  void urlsHoldOneToTen() {
    String url = "{'url':'/p','operator':'contains'}";
    create(rule("url_funnel", "'urls':[" + String.join(",", Collections.nCopies(10, url)) + "]"));
    refused(
        rule("url_funnel", "'urls':[" + String.join(",", Collections.nCopies(11, url)) + "]"),
        "1 to 10");
    refused(rule("url_funnel", "'urls':[]"), "1 to 10");
    refused(rule("url_funnel", "'urls':[{'operator':'contains'}]"), "rules[0].urls[0].url");
    refused(rule("url_funnel", "'urls':[{'url':'/p'}]"), "rules[0].urls[0].operator");
  }

  @Test
  void sessionFieldsHoldExactlyOnePairWithinLimits() {
    String k255 = "k".repeat(255);
    create(rule("custom_variable", "'session_field':{'" + k255 + "':'" + k255 + "'}"));
    refused(rule("custom_variable", "'session_field':{'" + k255 + "k':'v'}"), "key must be");
    refused(rule("custom_variable", "'session_field':{'k':'" + k255 + "v'}"), "at most 255");
    refused(rule("custom_variable", "'session_field':{'a':'1','b':'2'}"), "exactly one key");
    refused(rule("custom_variable", "'session_field':{}"), "exactly one key");
    refused(rule("custom_variable", "'session_field':{'a':1}"), "must be a string");
    for (String k : GreetingRules.ADS_TRAFFIC_KEYS) {
      create(rule("ads_traffic", "'session_field':{'" + k + "':'c'}"));
    }
    refused(rule("ads_traffic", "'session_field':{'bing':'c'}"), "facebook, google");
  }

  @Test
  void rulesHoldOneToTenWithAConditionAndAKnownType() {
    String r = rule("url_current", SAMPLE.get("url_current"));
    assertThat(create(String.join(",", Collections.nCopies(10, r))).get("rules")).hasSize(10);
    refused(String.join(",", Collections.nCopies(11, r)), "1 to 10");
    refused("", "1 to 10");
    refused(r.replace("'and'", "'xor'"), "rules[0].condition must be one of and, or");
    refused(
        rule("url_current", SAMPLE.get("url_current")).replace("'condition':'and',", ""),
        "rules[0].condition is required");
    refused(rule("page_title", "'operator':'equals','value':'x'"), "is not a rule type");
    create(r.replace("'and'", "'or'"));
  }

  @Test
  void propertiesTakeTheDocumentedKeysAsStrings() {
    for (String k : GreetingRules.PROPERTY_KEYS) {
      String extra = ",'properties':{'" + k + "':'v'}";
      api.call("create_greeting", body(rule("url_current", SAMPLE.get("url_current")), extra));
    }
    refusedWith(",'properties':{'text':'hi'}", "properties.text is not a greeting property");
    refusedWith(",'properties':{'is_exit_intent':true}", "must be a string");
    refusedWith(",'properties':[]", "must be an object");
  }

  private static String element(int buttons) {
    String button = "{'text':'B','type':'url','value':'https://x.example','postback_id':'p'}";
    return "{'title':'T','subtitle':'S','image':{'url':'https://img.example/a.png'},'buttons':["
        + String.join(",", Collections.nCopies(buttons, button))
        + "]}";
  }

  private static String rich(String template, int elements, int buttons) {
    return ",'rich_message':{'template_id':'"
        + template
        + "','elements':["
        + String.join(",", Collections.nCopies(elements, element(buttons)))
        + "]}";
  }

  @Test
  void richMessageLimits() {
    for (String t : GreetingRules.TEMPLATE_IDS) {
      api.call(
          "create_greeting", body(rule("url_current", SAMPLE.get("url_current")), rich(t, 10, 13)));
    }
    refusedWith(rich("cards", 11, 0), "at most 10 elements");
    refusedWith(rich("cards", 1, 14), "rich_message.elements[0].buttons holds at most 13");
    refusedWith(rich("text", 1, 0), "rich_message.template_id must be one of");
    refusedWith(",'rich_message':{'elements':[]}", "rich_message.template_id is required");
    refusedWith(
        rich("cards", 1, 1).replace("'image':{'url':'https://img.example/a.png'},", ""),
        "rich_message.elements[0].image is required");
    refusedWith(rich("cards", 1, 1).replace("'title':'T',", ""), "elements[0].title is required");
    refusedWith(
        rich("cards", 1, 1).replace("'url','value'", "'link','value'"),
        "buttons[0].type must be one of");
    refusedWith(
        rich("cards", 1, 1).replace("'postback_id':'p'", "'role':'x','postback_id':'p'"),
        "buttons[0].role must be one of");
    refusedWith(rich("cards", 1, 1).replace(",'postback_id':'p'", ""), "postback_id is required");
  }

  @Test
  void buttonIdsAreKeptWhenGivenAndGeneratedOtherwise() {
    String withId =
        rich("quick_replies", 1, 1)
            .replace(
                "'postback_id':'p'", "'postback_id':'p','button_id':'keep-me','role':'primary'");
    long id =
        api.call("create_greeting", body(rule("url_current", SAMPLE.get("url_current")), withId))
            .get("id")
            .asLong();
    JsonNode b =
        api.call("get_greeting", "{'id':" + id + "}").at("/rich_message/elements/0/buttons/0");
    assertThat(b.get("button_id").asText()).isEqualTo("keep-me");
    api.call("update_greeting", "{'id':" + id + rich("quick_replies", 1, 1) + "}");
    JsonNode regenerated =
        api.call("get_greeting", "{'id':" + id + "}")
            .at("/rich_message/elements/0/buttons/0/button_id");
    assertThat(regenerated.asText()).isNotEmpty().isNotEqualTo("keep-me");
  }

  @Test
  void updateChecksTheSameRules() {
    long id = create(rule("url_current", SAMPLE.get("url_current"))).get("id").asLong();
    api.fails(
        "update_greeting",
        "{'id':"
            + id
            + ",'rules':["
            + rule("visit_time_site", "'operator':'equals','value':'901'")
            + "]}",
        "validation",
        "between 0 and 900");
    api.fails("update_greeting", "{'id':" + id + ",'type':'popup'}", "validation", "type");
    api.fails(
        "update_greeting",
        "{'id':" + id + ",'properties':{'x':'y'}}",
        "validation",
        "properties.x");
    assertThat(api.call("get_greeting", "{'id':" + id + "}").at("/rules/0/type").asText())
        .isEqualTo("url_current");
  }
}
