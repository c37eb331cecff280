package io.chatform.plan;

import static io.chatform.plan.Fixtures.live;
import static io.chatform.plan.Fixtures.liveState;
import static io.chatform.plan.Fixtures.only;
import static io.chatform.plan.Fixtures.res;
import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import io.chatform.model.FieldMode;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import io.chatform.model.Policy;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Field ownership (#16): in the owned mode (the default) an owned field the manifest omits compares
 * as its API default, {@code null} means unset in both modes, runtime state is compared only when
 * declared, and the declared mode keeps comparing only declared keys.
 */
class FieldOwnershipTest {
  private static final String SCHEDULE =
      "{'timezone':'Europe/Warsaw','schedule':[{'day':'monday','enabled':true,"
          + "'start':'09:00','end':'17:00'}]}";
  private static final String SET_AGENT =
      "{'id':'ann@x.example','name':'Ann','job_title':'Support lead','mobile':'',"
          + "'max_chats_count':6,'login_status':'accepting chats','work_scheduler':"
          + SCHEDULE
          + ",'groups':[{'group':'General','priority':'normal'}]}";

  private static DesiredState agent(String spec, Policy policy) {
    return new Fixtures.Desired()
        .section(Kind.AGENTS, res(Kind.AGENTS, spec))
        .policy(policy)
        .build();
  }

  private static Plan plan(DesiredState d, String liveAgent, Optional<FieldMode> flag) {
    var opts = PlanOptions.defaults(ApiVersion.V3_6, Fixtures.TARGET).withFields(flag);
    return new Planner().plan(d, liveState(live(Kind.AGENTS, "ann@x.example", liveAgent)), opts);
  }

  static Plan fieldRemoval() {
    return Fixtures.plan(
        agent("{'id':'ann@x.example','name':'Ann'}", Policy.DEFAULT),
        liveState(live(Kind.AGENTS, "ann@x.example", SET_AGENT)));
  }

  @Test
  void removingOwnedFieldsPlansTheirResetToTheApiDefault() {
    Plan p = fieldRemoval();
    Action a = only(p);
    assertThat(p.fields()).isEqualTo(FieldMode.OWNED);
    assertThat(a.type()).isEqualTo(ActionType.UPDATE);
    assertThat(a.changes())
        .extracting(FieldChange::field)
        .containsExactlyInAnyOrder("job_title", "work_scheduler");
    assertThat(a.changes()).allSatisfy(c -> assertThat(c.unset()).isTrue());
    // What the update sends resets the fields; login_status (runtime state) is not touched.
    assertThat(a.desired().orElseThrow().path("job_title").asText("x")).isEmpty();
    assertThat(a.desired().orElseThrow().path("work_scheduler").path("schedule").isArray())
        .isTrue();
    assertThat(a.desired().orElseThrow().path("work_scheduler").path("schedule")).isEmpty();
    assertThat(a.desired().orElseThrow().has("mobile")).as("unchanged: not written").isFalse();
    assertThat(a.desired().orElseThrow().has("login_status")).isFalse();
    assertThat(new TextRenderer(false).render(p))
        .contains(
            "\nFields: owned (an owned field the manifests omit means its API default)\nPlan:")
        .contains("job_title: \"Support lead\" → (unset)");
  }

  @Test
  void liveValuesAtTheirDefaultAreNoChange() {
    String atDefault =
        "{'id':'ann@x.example','name':'Ann','job_title':'','mobile':'','max_chats_count':6,"
            + "'work_scheduler':{'timezone':'','schedule':[]},"
            + "'groups':[{'group':'General','priority':'normal'}]}";
    Plan p = plan(agent("{'id':'ann@x.example','name':'Ann'}", Policy.DEFAULT), atDefault, none());
    assertThat(p.actions()).isEmpty();
  }

  @Test
  void loginStatusIsComparedOnlyWhenDeclared() {
    String live = SET_AGENT.replace("'job_title':'Support lead'", "'job_title':''");
    String liveNoSchedule = live.replace(SCHEDULE, "{'timezone':'','schedule':[]}");
    Plan quiet = plan(agent("{'id':'ann@x.example'}", Policy.DEFAULT), liveNoSchedule, none());
    assertThat(quiet.actions()).as("login_status is runtime state").isEmpty();
    Plan declared =
        plan(
            agent("{'id':'ann@x.example','login_status':'not accepting chats'}", Policy.DEFAULT),
            liveNoSchedule,
            none());
    assertThat(only(declared).changes()).extracting(FieldChange::field).contains("login_status");
  }

  @Test
  void declaredModeComparesOnlyDeclaredKeysAndTheFlagWins() {
    Policy declared = new Policy(true, List.of(), List.of(), FieldMode.DECLARED);
    String spec = "{'id':'ann@x.example','name':'Ann'}";
    Plan byPolicy = plan(agent(spec, declared), SET_AGENT, none());
    assertThat(byPolicy.actions()).isEmpty();
    assertThat(byPolicy.fields()).isEqualTo(FieldMode.DECLARED);
    assertThat(new TextRenderer(false).render(byPolicy))
        .isEqualTo(
            "Fields: declared (only the fields the manifests write are compared)\nNo changes.\n");
    Plan byFlag = plan(agent(spec, Policy.DEFAULT), SET_AGENT, Optional.of(FieldMode.DECLARED));
    assertThat(byFlag.actions()).isEmpty();
    Plan flagOwned = plan(agent(spec, declared), SET_AGENT, Optional.of(FieldMode.OWNED));
    assertThat(only(flagOwned).changes()).hasSize(2);
  }

  @Test
  void nullOnAnOwnedFieldUnsetsItInBothModes() {
    Policy declared = new Policy(true, List.of(), List.of(), FieldMode.DECLARED);
    Plan p = plan(agent("{'id':'ann@x.example','job_title':null}", declared), SET_AGENT, none());
    Action a = only(p);
    assertThat(a.changes()).extracting(FieldChange::field).containsExactly("job_title");
    assertThat(a.changes().get(0).unset()).isTrue();
    assertThat(a.desired().orElseThrow().get("job_title").asText("x")).isEmpty();
  }

  @Test
  void aCreateLeavesNullFieldsToTheApi() {
    var d = agent("{'id':'new@x.example','name':'New','job_title':null}", Policy.DEFAULT);
    Action a = only(Fixtures.plan(d, liveState()));
    assertThat(a.type()).isEqualTo(ActionType.CREATE);
    assertThat(a.desired().orElseThrow().has("job_title")).isFalse();
  }

  @Test
  void aRemovedWebhookFilterReplacesTheWebhookWithoutIt() {
    String hook =
        "{'owner_client_id':'c1','type':'license','action':'incoming_chat',"
            + "'url':'https://h.example/x'%s}";
    var d =
        new Fixtures.Desired()
            .section(Kind.WEBHOOKS, res(Kind.WEBHOOKS, String.format(hook, "")))
            .build();
    var l =
        liveState(
            live(Kind.WEBHOOKS, "w1", String.format(hook, ",'filters':{'only_my_chats':true}")));
    Action a = only(Fixtures.plan(d, l));
    assertThat(a.type()).isEqualTo(ActionType.REPLACE);
    assertThat(a.changes()).extracting(FieldChange::field).containsExactly("filters");
    assertThat(a.desired().orElseThrow().has("filters")).isFalse();
    assertThat(ReplaceReasons.warning(a)).isPresent();
  }

  private static final String GREETING =
      "{'name':'Hi','group':'Sales','rules':[{'condition':'and','type':'visit_time_site',"
          + "'operator':'greater_than','value':'30'}]";

  /** Each owned field of each kind (beyond agents), removed from the manifest, plans its reset. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "groups|{'name':'Sales'}|{'name':'Sales','language_code':'de'}|language_code|\"en\"",
        "tags|{'name':'vip'}|{'name':'vip','groups':['Sales']}|groups|[]",
        "bots|{'owner_client_id':'c1','name':'B'}|{'owner_client_id':'c1','name':'B',"
            + "'job_title':'Helper'}|job_title|\"\"",
        "bots|{'owner_client_id':'c1','name':'B'}|{'owner_client_id':'c1','name':'B',"
            + "'max_chats_count':9}|max_chats_count|6",
        "bots|{'owner_client_id':'c1','name':'B'}|{'owner_client_id':'c1','name':'B',"
            + "'default_group_priority':'first'}|default_group_priority|\"normal\"",
        "bot_templates|{'owner_client_id':'c1','name':'T'}|{'owner_client_id':'c1','name':'T',"
            + "'job_title':'Helper'}|job_title|\"\"",
        "greetings|" + GREETING + "}|" + GREETING + ",'type':'announcement'}|type|\"normal\"",
        "greetings|" + GREETING + "}|" + GREETING + ",'active':false}|active|true",
        "agents|{'id':'a@x.example'}|{'id':'a@x.example','mobile':'123'}|mobile|\"\"",
        "agents|{'id':'a@x.example'}|{'id':'a@x.example','max_chats_count':3}|max_chats_count|6",
        "agents|{'id':'a@x.example'}|{'id':'a@x.example','groups':[{'group':'Sales',"
            + "'priority':'first'}]}|groups|[]",
      })
  void eachOwnedFieldResets(String section, String want, String have, String field, String reset)
      throws Exception {
    Kind kind = Kind.fromSection(section).orElseThrow();
    var d = new Fixtures.Desired().section(kind, res(kind, want)).build();
    Action a = only(Fixtures.plan(d, liveState(live(kind, "x1", have))));
    assertThat(a.changes()).extracting(FieldChange::field).containsExactly(field);
    assertThat(a.changes().get(0).unset()).isTrue();
    assertThat(a.desired().orElseThrow().get(field)).isEqualTo(Json.MAPPER.readTree(reset));
    var again = new Fixtures.Desired().section(kind, res(kind, want)).build();
    var reset1 = Fixtures.json(have);
    reset1.set(field, Json.MAPPER.readTree(reset));
    assertThat(Fixtures.plan(again, liveState(live(kind, "x1", reset1.toString()))).actions())
        .as("converged")
        .isEmpty();
  }

  @Test
  void theModeAndTheResetSurviveASavedPlan() {
    Plan p = fieldRemoval().withFields(FieldMode.DECLARED);
    Plan read = PlanJson.read(PlanJson.write(p), (address, pointer, ref) -> "x");
    assertThat(read.fields()).isEqualTo(FieldMode.DECLARED);
    assertThat(read.actions().get(0).changes()).allSatisfy(c -> assertThat(c.unset()).isTrue());
    var old = PlanJson.write(p);
    old.remove("fields");
    assertThat(PlanJson.read(old, (address, pointer, ref) -> "x").fields())
        .as("saved before #16: made comparing declared fields")
        .isEqualTo(FieldMode.DECLARED);
  }

  @Test
  void goldenFieldRemoval() throws Exception {
    Golden.all("field-removal", fieldRemoval());
  }

  private static Optional<FieldMode> none() {
    return Optional.empty();
  }
}
