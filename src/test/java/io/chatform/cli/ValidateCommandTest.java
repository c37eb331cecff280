package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ValidateCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  @Test
  void validStarterExitsZeroWithSummary() {
    assertThat(run("validate", "-f", "examples/starter")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString()).isEqualTo("Valid: 1 file, 9 objects." + System.lineSeparator());
  }

  @Test
  void aRegionThatIsNoneIsRefusedByValidateToo() {
    assertThat(run("validate", "-f", "examples/starter", "--region", "xyz"))
        .isEqualTo(ExitCodes.ERROR);
    assertThat(err.toString()).contains("--region xyz is not a LiveChat region; use dal or fra");
    assertThat(run("validate", "-f", "examples/starter", "--region", "FRA"))
        .isEqualTo(ExitCodes.OK);
  }

  @Test
  void planRefusesTwoOutputFormats() {
    assertThat(run("plan", "--sandbox", "-f", "examples/starter", "--json", "--markdown"))
        .isEqualTo(ExitCodes.ERROR);
    assertThat(err.toString()).contains("--json and --markdown are two output formats");
  }

  @Test
  void invalidExitsOneWithEachDiagnosticThenACount() {
    int code =
        run(
            "validate",
            "-f",
            "examples/invalid/unknown-key.yaml",
            "-f",
            "examples/invalid/wrong-version.yaml");
    assertThat(code).isEqualTo(ExitCodes.ERROR);
    String[] lines = err.toString().split("\\R");
    assertThat(lines).hasSize(3);
    assertThat(lines[0])
        .startsWith("examples/invalid/unknown-key.yaml:6:5: agents[0].max_chat_count: ");
    assertThat(lines[1]).startsWith("examples/invalid/wrong-version.yaml:2:10: version: ");
    assertThat(lines[2]).isEqualTo("2 problems found.");
  }

  @Test
  void jsonOutputFollowsTheDiagnosticsSchema() throws Exception {
    assertThat(run("validate", "--json", "-f", "examples/invalid/unknown-key.yaml"))
        .isEqualTo(ExitCodes.ERROR);
    JsonNode json = new ObjectMapper().readTree(out.toString());
    assertThat(json.size()).isEqualTo(1);
    assertThat(json.get(0).get("line").asInt()).isEqualTo(6);
    assertThat(json.get(0).get("path").asText()).isEqualTo("agents[0].max_chat_count");
    JsonNode schema =
        new ObjectMapper().readTree(Files.readString(Path.of("schemas/diagnostics.schema.json")));
    var errors =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(schema)
            .validate(json);
    assertThat(errors).isEmpty();
  }

  @Test
  void jsonForValidManifestsIsAnEmptyArray() {
    assertThat(run("validate", "--json", "-f", "examples/starter")).isEqualTo(ExitCodes.OK);
    assertThat(out.toString().trim()).isEqualTo("[ ]");
  }

  @Test
  void noFileIsAClearError() {
    assertThat(run("validate")).isEqualTo(ExitCodes.ERROR);
    assertThat(err.toString())
        .contains("no manifests given: pass -f PATH")
        .doesNotContain("Exception");
  }

  @Test
  void unknownApiVersionIsAClearError() {
    assertThat(run("validate", "-f", "examples/starter", "--api-version", "2.0"))
        .isEqualTo(ExitCodes.ERROR);
    assertThat(err.toString())
        .contains("--api-version 2.0 is not supported; use 3.6 (stable) or 3.5");
  }

  @Test
  void validateTakesTheSameApiVersionsAsPlan() {
    // 3.4 is the emulator's, not the client's: validate no longer accepts what plan refuses.
    assertThat(run("validate", "-f", "examples/starter", "--api-version", "3.4"))
        .isEqualTo(ExitCodes.ERROR);
    assertThat(run("plan", "-f", "examples/starter", "--api-version", "3.4"))
        .isEqualTo(ExitCodes.ERROR);
    assertThat(err.toString().lines().filter(l -> l.startsWith("Error:")))
        .containsExactly(
            "Error: --api-version 3.4 is not supported; use 3.6 (stable) or 3.5",
            "Error: --api-version 3.4 is not supported; use 3.6 (stable) or 3.5");
    for (io.chatform.model.ApiVersion v : io.chatform.model.ApiVersion.SUPPORTED) {
      assertThat(run("validate", "-f", "examples/starter", "--api-version", v.label()))
          .as(v.label())
          .isZero();
    }
  }

  @Test
  void apiVersionChangesTheLimits() throws Exception {
    // The limits by version stay: 3.4's 100 chats (loader level, as the CLI no longer takes 3.4).
    java.nio.file.Path p = java.nio.file.Path.of("examples/invalid/out-of-range.yaml");
    io.chatform.manifest.ManifestLoader loader =
        new io.chatform.manifest.ManifestLoader(
            name -> java.util.Optional.empty(),
            io.chatform.manifest.SecretMode.SHAPE,
            java.util.Map.of(),
            java.util.List.of());
    assertThat(loader.load(java.util.List.of(p), io.chatform.model.ApiVersion.V3_4).ok()).isTrue();
    assertThat(loader.load(java.util.List.of(p), io.chatform.model.ApiVersion.V3_5).ok()).isFalse();
  }

  @Test
  void acceptsTheTargetOptionsEveryCommandTakesAndStaysOffline() {
    assertThat(
            run(
                "validate",
                "-f",
                "examples/starter",
                "--sandbox",
                "--api-url",
                "http://127.0.0.1:1",
                "--region",
                "fra",
                "--api-version",
                "3.5"))
        .isZero();
    assertThat(out.toString()).contains("Valid:");
  }

  @Test
  void aFileThatIsNotAManifestSaysSo() {
    assertThat(run("validate", "-f", "README.md")).isEqualTo(ExitCodes.ERROR);
    assertThat(err.toString())
        .startsWith("README.md:1:1: not a chatform manifest (no `version: 1`)")
        .contains("1 problem found.");
  }

  @Test
  void theFullExampleValidatesWithoutItsSecretButNotWithResolve() {
    java.util.Map<String, String> noEnv = java.util.Map.of();
    PrintWriter o = new PrintWriter(out, true);
    PrintWriter e = new PrintWriter(err, true);
    assertThat(Main.run(o, e, noEnv, "validate", "-f", "examples/full")).isEqualTo(ExitCodes.OK);
    assertThat(Main.run(o, e, noEnv, "validate", "--resolve", "-f", "examples/full"))
        .isEqualTo(ExitCodes.ERROR);
    assertThat(err.toString()).contains("environment variable LC_WEBHOOK_SECRET is not set");
  }
}
