package io.chatform.plan;

import static io.chatform.plan.Fixtures.live;
import static io.chatform.plan.Fixtures.liveState;
import static io.chatform.plan.Fixtures.only;
import static io.chatform.plan.Fixtures.plan;
import static io.chatform.plan.Fixtures.res;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.kinds.Exporter;
import io.chatform.kinds.LiveState;
import io.chatform.model.Kind;
import org.junit.jupiter.api.Test;

/**
 * Greetings in the plan: numbers and strings as rule values, one moment in two offsets and
 * generated button ids make no diff; a changed rule is an update in place, another group another
 * greeting; greetings are created after and deleted before their group; export drops button ids.
 */
class GreetingPlanTest {
  private static final String RULES =
      "'rules':[{'condition':'and','type':'visit_time_site','operator':'greater_than','value':%s}]";

  private static String greeting(String group, String value, String extra) {
    return "{'name':'Hi','group':'" + group + "'," + String.format(RULES, value) + extra + "}";
  }

  private static final String RICH =
      ",'rich_message':{'template_id':'cards','elements':[{'title':'t','subtitle':'s',"
          + "'image':{'url':'u'},'buttons':[{'text':'b','type':'message','value':'v',"
          + "'postback_id':'p'%s}]}]}";

  @Test
  void numbersOffsetsAndGeneratedButtonIdsMakeNoDiff() {
    var d =
        new Fixtures.Desired()
            .section(
                Kind.GREETINGS,
                res(
                    Kind.GREETINGS,
                    greeting(
                        "Sales",
                        "30",
                        ",'active_from':'2026-01-01T01:00:00+01:00'" + String.format(RICH, ""))))
            .build();
    var l =
        liveState(
            live(
                Kind.GREETINGS,
                "7",
                greeting(
                    "Sales",
                    "'30'",
                    ",'active_from':'2026-01-01T00:00:00Z'"
                        + String.format(RICH, ",'button_id':'abc-123'"))));
    assertThat(plan(d, l).actions()).isEmpty();
  }

  @Test
  void aButtonIdTheManifestWritesIsCompared() {
    var d =
        new Fixtures.Desired()
            .section(
                Kind.GREETINGS,
                res(
                    Kind.GREETINGS,
                    greeting("Sales", "30", String.format(RICH, ",'button_id':'mine'"))))
            .build();
    var l =
        liveState(
            live(
                Kind.GREETINGS,
                "7",
                greeting("Sales", "'30'", String.format(RICH, ",'button_id':'abc-123'"))));
    Action a = only(plan(d, l));
    assertThat(a.type()).isEqualTo(ActionType.UPDATE);
    assertThat(a.changes()).extracting(FieldChange::field).containsExactly("rich_message");
  }

  @Test
  void aChangedValueIsAnUpdateInPlace() {
    var d =
        new Fixtures.Desired()
            .section(Kind.GREETINGS, res(Kind.GREETINGS, greeting("Sales", "60", "")))
            .build();
    var l = liveState(live(Kind.GREETINGS, "7", greeting("Sales", "'30'", "")));
    Action a = only(plan(d, l));
    assertThat(a.type()).isEqualTo(ActionType.UPDATE);
    assertThat(a.address()).isEqualTo("greetings/Sales/Hi");
    assertThat(a.changes()).extracting(FieldChange::field).containsExactly("rules");
  }

  @Test
  void anotherGroupIsAnotherGreetingCreatedAfterItsGroup() {
    var d =
        new Fixtures.Desired()
            .section(Kind.GROUPS, res(Kind.GROUPS, "{'name':'Sales'}"))
            .section(Kind.GREETINGS, res(Kind.GREETINGS, greeting("Sales", "30", "")))
            .build();
    var l = liveState(live(Kind.GREETINGS, "7", greeting("General", "'30'", "")));
    Plan p = plan(d, l);
    assertThat(p.actions())
        .extracting(Action::id)
        .containsExactlyInAnyOrder(
            "groups/Sales#create", "greetings/Sales/Hi#create", "greetings/General/Hi#delete");
    Action create =
        p.actions().stream()
            .filter(a -> a.id().equals("greetings/Sales/Hi#create"))
            .findFirst()
            .orElseThrow();
    assertThat(create.dependsOn()).contains("groups/Sales#create");
  }

  /**
   * Field ownership: the activity window, properties and rich message are compared only when
   * declared (update_greeting documents no way to clear them), so removing them plans nothing.
   */
  @Test
  void fieldsTheApiCannotClearAreComparedOnlyWhenDeclared() {
    var d =
        new Fixtures.Desired()
            .section(Kind.GREETINGS, res(Kind.GREETINGS, greeting("Sales", "30", "")))
            .build();
    var l =
        liveState(
            live(
                Kind.GREETINGS,
                "7",
                greeting(
                    "Sales",
                    "'30'",
                    ",'active_from':'2026-01-01T00:00:00Z','active_until':'2026-02-01T00:00:00Z',"
                        + "'properties':{'addon':'x'}"
                        + String.format(RICH, ",'button_id':'abc-123'"))));
    assertThat(plan(d, l).actions()).isEmpty();
    var declared =
        new Fixtures.Desired()
            .section(
                Kind.GREETINGS,
                res(Kind.GREETINGS, greeting("Sales", "30", ",'properties':{'addon':'y'}")))
            .build();
    assertThat(only(plan(declared, l)).changes())
        .extracting(FieldChange::field)
        .containsExactly("properties");
  }

  @Test
  void exportDropsGeneratedButtonIdsAndKeepsTheRest() {
    LiveState l =
        liveState(
            live(
                Kind.GREETINGS,
                "7",
                greeting("Sales", "'30'", String.format(RICH, ",'button_id':'abc-123'"))));
    var doc = Exporter.document(l);
    assertThat(doc.at("/greetings/0/group").asText()).isEqualTo("Sales");
    assertThat(doc.at("/greetings/0/rich_message/elements/0/buttons/0/postback_id").asText())
        .isEqualTo("p");
    assertThat(doc.at("/greetings/0/rich_message/elements/0/buttons/0").has("button_id")).isFalse();
  }

  /** The rich message of the documented list answer (listGreetings.json): no template_id. */
  private static final String DOCS_RICH =
      ",'rich_message':{'elements':[{'title':'Welcome!','subtitle':'How can we help?',"
          + "'buttons':[{'text':'Get Support','type':'message','value':'I need support',"
          + "'postback_id':'support_request','button_id':'20ff0b3f'}]}]}";

  @Test
  void aTemplateIdTheListAnswerLacksIsNotPlannedAgainAndAgain() {
    var d =
        new Fixtures.Desired()
            .section(
                Kind.GREETINGS,
                res(Kind.GREETINGS, greeting("Sales", "30", String.format(RICH, ""))))
            .build();
    String liveRich = String.format(RICH, "").replace("'template_id':'cards',", "");
    assertThat(
            plan(d, liveState(live(Kind.GREETINGS, "7", greeting("Sales", "'30'", liveRich))))
                .actions())
        .isEmpty();
    // Another element is still a change.
    String otherTitle = liveRich.replace("'title':'t'", "'title':'changed by hand'");
    assertThat(
            only(plan(
                    d, liveState(live(Kind.GREETINGS, "7", greeting("Sales", "'30'", otherTitle)))))
                .changes())
        .extracting(FieldChange::field)
        .containsExactly("rich_message");
  }

  @Test
  void exportWritesOnlyWhatAManifestCanDeclareOfTheDocumentedAnswer() {
    LiveState l =
        liveState(
            live(
                Kind.GREETINGS,
                "123",
                greeting(
                    "Sales",
                    "'10'",
                    ",'properties':{'text':'Hello!','addon':'chat_widget'}" + DOCS_RICH)));
    var doc = Exporter.document(l);
    assertThat(doc.at("/greetings/0/name").asText()).isEqualTo("Hi");
    assertThat(doc.at("/greetings/0/properties").toString())
        .isEqualTo("{\"addon\":\"chat_widget\"}");
    assertThat(doc.at("/greetings/0").has("rich_message")).isFalse();
    assertThat(io.chatform.model.ManifestSchema.refused(doc)).isEmpty();
    // What the manifest schema accepts is exported as it is.
    var full =
        Exporter.document(
            liveState(
                live(Kind.GREETINGS, "7", greeting("Sales", "'30'", String.format(RICH, "")))));
    assertThat(full.at("/greetings/0/rich_message/template_id").asText()).isEqualTo("cards");
  }
}
