package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.chatform.model.Json;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a CI pipeline relies on: JSON-only stdout on failure, stable and readable stale errors. */
class PipelineIT {
  @TempDir Path tmp;
  Cli cli;
  Schema schema;

  @BeforeEach
  void setUp() throws Exception {
    cli = new Cli(tmp);
    schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(Json.MAPPER.readTree(Path.of("schemas/plan.schema.json").toFile()));
  }

  private String agents(int n) {
    StringBuilder sb = new StringBuilder("version: 1\nagents:\n");
    for (int i = 0; i < n; i++) {
      sb.append("  - {id: a").append(i).append("@x.example, name: A").append(i);
      sb.append(", role: normal}\n");
    }
    return cli.write("team.yaml", sb.toString());
  }

  @Test
  void everyJsonCommandPrintsOneSchemaValidDocumentOnFailure() throws Exception {
    String missing = tmp.resolve("nope.yaml").toString();
    for (String command : List.of("plan", "drift", "apply")) {
      Cli.Result r =
          command.equals("apply")
              ? cli.sandbox(command, "-f", missing, "--json", "--auto-approve")
              : cli.sandbox(command, "-f", missing, "--json");
      assertThat(r.code()).as(command + ": " + r).isEqualTo(1);
      JsonNode doc = Json.MAPPER.readTree(r.out());
      assertThat(doc.path("error").path("message").asText()).as(command).contains("nope.yaml");
      assertThat(schema.validate(doc)).as(command).isEmpty();
      assertThat(r.err()).as(command).contains("Error:").contains("nope.yaml");
    }
    // An error document is no plan: the plan branch of the schema still applies to plans.
    assertThat(schema.validate(Json.MAPPER.readTree("{\"format_version\": 1}"))).isNotEmpty();
  }

  @Test
  void applyWithJsonRefusingWithoutATerminalKeepsStdoutJson() throws Exception {
    Cli.Result r = cli.sandbox("apply", "-f", agents(1), "--json");
    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(Json.MAPPER.readTree(r.out()).path("error").path("message").asText())
        .contains("--auto-approve");
    assertThat(r.out()).doesNotContain("Apply these changes");
  }

  @Test
  void aStaleSavedPlanListsChangesSortedAndCapped() {
    String manifest = agents(SavedPlans.MAX_LISTED + 5);
    Path plan = tmp.resolve("plan.json");
    assertThat(cli.sandbox("plan", "-f", manifest, "--out", "" + plan).code()).isZero();
    assertThat(cli.sandbox("apply", "" + plan, "--auto-approve").code()).isZero();

    Cli.Result again = cli.sandbox("apply", "" + plan, "--auto-approve");
    assertThat(again.code()).as(again.toString()).isEqualTo(1);
    List<String> listed = new ArrayList<>();
    for (String line : again.err().split("\n")) {
      if (line.startsWith("  - ")) {
        listed.add(line);
      }
    }
    assertThat(listed).hasSize(SavedPlans.MAX_LISTED).isSorted();
    assertThat(again.err())
        .contains("(" + (SavedPlans.MAX_LISTED + 5) + " objects)")
        .contains("… and 5 more")
        .contains("was this plan applied already?");
    assertThat(cli.sandbox("apply", "" + plan, "--auto-approve").err()).isEqualTo(again.err());
  }

  @Test
  void aSavedPlanGivenWithMinusFSuggestsApplyPlanfile() {
    Path plan = tmp.resolve("plan.json");
    assertThat(cli.sandbox("plan", "-f", agents(1), "--out", "" + plan).code()).isZero();
    for (String command : List.of("plan", "apply")) {
      Cli.Result r = cli.sandbox(command, "-f", "" + plan);
      assertThat(r.code()).as(r.toString()).isEqualTo(1);
      assertThat(r.err())
          .contains("is a plan saved by chatform plan --out")
          .contains("chatform apply " + plan)
          .doesNotContain("unknown key");
    }
  }

  @Test
  void driftAcceptsPlansDetailedExitcodeFlag() {
    String manifest = agents(1);
    Cli.Result r = cli.sandbox("drift", "-f", manifest, "--detailed-exitcode");
    assertThat(r.code()).as(r.toString()).isEqualTo(2);
    assertThat(cli.sandbox("apply", "-f", manifest, "--auto-approve").code()).isZero();
    assertThat(cli.sandbox("drift", "-f", manifest, "--detailed-exitcode").code()).isZero();
  }

  @Test
  void aDirectoryGivenAsPlanFileSuggestsMinusF() {
    Cli.Result r = cli.sandbox("apply", tmp.toString(), "--auto-approve");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("is a directory").contains("-f " + tmp);
  }
}
