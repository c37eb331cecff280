package io.chatform.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.model.ApiVersion;
import io.chatform.model.Kind;
import io.chatform.model.Resource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ${var:NAME}}: typed when alone, text inside text, located errors when unset or wrong. */
class VariablesTest {
  @TempDir Path tmp;

  static final String SECRET = "s3cr3t-token-value-99";

  private LoadResult load(Map<String, String> vars, String yaml) throws Exception {
    Files.writeString(tmp.resolve("m.yaml"), yaml);
    Map<String, String> env = new java.util.HashMap<>(Map.of("TOKEN", SECRET));
    vars.forEach((k, v) -> env.put(Variables.ENV_PREFIX + k, v));
    return new ManifestLoader(n -> Optional.ofNullable(env.get(n)))
        .withVariables(Variables.fromEnv(env))
        .load(List.of(tmp.resolve("m.yaml")), ApiVersion.V3_6);
  }

  private List<String> problems(LoadResult r) {
    return r.diagnostics().stream().map(d -> d.format().replace(tmp.toString() + "/", "")).toList();
  }

  private static JsonNode agent(LoadResult r) {
    assertThat(r.diagnostics()).isEmpty();
    Resource a = r.state().orElseThrow().sections().get(Kind.AGENTS).get(0);
    return a.spec();
  }

  static final String AGENT =
      """
      version: 1
      agents:
        - id: a@x.example
          name: "${var:team} lead"
          role: normal
          max_chats_count: ${var:max_chats}
      """;

  @Test
  void aValueThatIsOneReferenceTakesTheVariablesType() throws Exception {
    JsonNode spec = agent(load(Map.of("max_chats", "5", "team", "Sales"), AGENT));
    assertThat(spec.get("max_chats_count").isInt()).isTrue();
    assertThat(spec.get("max_chats_count").asInt()).isEqualTo(5);
    assertThat(spec.get("name").asText()).isEqualTo("Sales lead");
  }

  @Test
  void quotedAndInFlowItIsTypedToo() throws Exception {
    String yaml =
        "version: 1\nagents:\n  - {id: a@x.example, name: A, role: normal,"
            + " max_chats_count: \"${var:n}\"}\n";
    assertThat(agent(load(Map.of("n", "3"), yaml)).get("max_chats_count").asInt()).isEqualTo(3);
  }

  @Test
  void anUnsetVariableIsLocatedAndSuggestsTheClosestName() throws Exception {
    LoadResult r = load(Map.of("max_chat", "5", "team", "Sales"), AGENT);
    assertThat(problems(r))
        .containsExactly(
            "m.yaml:6:22: agents[0].max_chats_count: variable max_chats is not set (referenced as"
                + " ${var:max_chats}) (did you mean 'max_chat'? or set it under variables: in"
                + " chatform.yaml (for the account, or for all accounts), or pass --var"
                + " max_chats=VALUE)");
  }

  @Test
  void withNoVariablesAtAllTheHintSaysSo() throws Exception {
    List<String> p = problems(load(Map.of(), AGENT));
    assertThat(p).hasSize(2);
    assertThat(p.get(0)).startsWith("m.yaml:4:11: agents[0].name: variable team is not set");
    assertThat(p.get(1)).contains("no variables are set");
  }

  @Test
  void aWrongTypeIsCaughtByTheSchemaAtTheReference() throws Exception {
    LoadResult r = load(Map.of("max_chats", "many", "team", "T"), AGENT);
    assertThat(problems(r)).hasSize(1);
    assertThat(problems(r).get(0))
        .startsWith("m.yaml:6:22: agents[0].max_chats_count: ")
        .contains("integer");
  }

  @Test
  void aQuotedNumberIsAString() {
    assertThat(Variables.parse("\"4\"").isTextual()).isTrue();
    assertThat(Variables.parse("4").isInt()).isTrue();
    assertThat(Variables.parse("true").isBoolean()).isTrue();
    assertThat(Variables.parse("4.5").isNumber()).isTrue();
    assertThat(Variables.parse("yes").isTextual()).isTrue();
    for (String text : List.of("4", "-12", "true", "false", "staging", "\"4\"", "a \"b\" c")) {
      JsonNode v = Variables.parse(text);
      assertThat(Variables.parse(Variables.encode(v))).as(text).isEqualTo(v);
    }
  }

  @Test
  void doubledDollarIsALiteralAndAnUnclosedReferenceIsReported() throws Exception {
    String yaml = AGENT.replace("\"${var:team} lead\"", "\"$${var:team} lead\"");
    assertThat(agent(load(Map.of("max_chats", "5"), yaml)).get("name").asText())
        .isEqualTo("${var:team} lead");
    String open = AGENT.replace("\"${var:team} lead\"", "\"${var:team lead\"");
    assertThat(problems(load(Map.of("max_chats", "5"), open)))
        .singleElement()
        .asString()
        .contains("agents[0].name: a reference starting '${var:' has no '}'");
  }

  @Test
  void variablesAreNeverSecretsAndMixingLeaksNothing() throws Exception {
    String yaml =
        """
        version: 1
        webhooks:
          - owner_client_id: c0ffee00c0ffee00c0ffee00c0ffee00
            type: license
            action: incoming_chat
            url: "https://${var:host}/hook"
            secret_key: "${var:prefix}-${env:TOKEN}"
        """;
    LoadResult r = load(Map.of("host", "h.example", "prefix", "p"), yaml);
    assertThat(r.diagnostics()).isEmpty();
    Resource hook = r.state().orElseThrow().sections().get(Kind.WEBHOOKS).get(0);
    assertThat(hook.spec().get("url").asText()).isEqualTo("https://h.example/hook");
    assertThat(hook.spec().get("secret_key").asText()).isEqualTo("p-" + SECRET);
    // The secret field is sensitive as a whole; the url (variables only) is not.
    assertThat(hook.sensitive()).containsKey("/secret_key").doesNotContainKey("/url");
    assertThat(hook.sensitive().get("/secret_key")).doesNotContain(SECRET);
    // A variable cannot smuggle a reference in.
    LoadResult smuggled = load(Map.of("host", "${env:TOKEN}", "prefix", "p"), yaml);
    assertThat(problems(smuggled))
        .singleElement()
        .asString()
        .contains("webhooks[0].url: variable host cannot be used")
        .doesNotContain(SECRET);
  }

  @Test
  void aReferenceInAKeyIsReported() throws Exception {
    String yaml = "version: 1\nlicense_webhooks:\n  \"${var:cid}\": enabled\n";
    assertThat(problems(load(Map.of("cid", "x"), yaml)))
        .anyMatch(p -> p.contains("${var:…} is not substituted in keys"));
  }

  @Test
  void aValueEndingInDollarMakesNoSecretReferenceOfTheTextAfterIt() throws Exception {
    String yaml = "version: 1\ngroups:\n  - {name: \"${var:d}{env:TOKEN}\", language_code: en}\n";
    LoadResult r = load(Map.of("d", "US$"), yaml);
    assertThat(r.diagnostics()).isEmpty();
    Resource g = r.state().orElseThrow().sections().get(Kind.GROUPS).get(0);
    assertThat(g.spec().get("name").asText()).isEqualTo("US${env:TOKEN}");
    assertThat(g.sensitive()).isEmpty();
  }
}
