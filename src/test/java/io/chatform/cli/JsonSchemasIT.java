package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.chatform.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real apply --json and drift --json documents against schemas/apply and schemas/drift. */
class JsonSchemasIT {
  @TempDir Path tmp;
  Cli cli;
  String manifest;

  /** A schema of schemas/, with its $refs to the others resolved from the same directory. */
  static Schema schema(String name) throws Exception {
    Map<String, String> all = new HashMap<>();
    for (String s : new String[] {"plan", "apply", "drift"}) {
      all.put(
          "https://chatform.io/schemas/" + s + ".schema.json",
          Files.readString(Path.of("schemas", s + ".schema.json")));
    }
    return SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, b -> b.schemas(all))
        .getSchema(Json.MAPPER.readTree(all.get("https://chatform.io/schemas/" + name)));
  }

  @BeforeEach
  void setUp() {
    cli = new Cli(tmp);
    manifest = cli.write("m.yaml", "version: 1\ngroups:\n  - {name: Support}\n  - {name: Sales}\n");
  }

  private static JsonNode doc(Cli.Result r) throws Exception {
    return Json.MAPPER.readTree(r.out());
  }

  @Test
  void applyDocumentsMatchTheirSchema() throws Exception {
    Schema apply = schema("apply.schema.json");
    Cli.Result applied = cli.sandbox("apply", "-f", manifest, "--auto-approve", "--json");
    assertThat(applied.code()).as("%s", applied).isZero();
    JsonNode done = doc(applied);
    assertThat(done.path("format_version").asInt()).isEqualTo(1);
    assertThat(done.has("report")).isTrue();
    assertThat(done.has("verify")).isTrue();
    assertThat(apply.validate(done)).isEmpty();

    Cli.Result nothing = cli.sandbox("apply", "-f", manifest, "--auto-approve", "--json");
    assertThat(nothing.code()).isZero();
    assertThat(doc(nothing).has("report")).isFalse();
    assertThat(apply.validate(doc(nothing))).isEmpty();

    Cli.Result failed =
        cli.sandbox("apply", "-f", tmp.resolve("nope.yaml").toString(), "--json", "--auto-approve");
    assertThat(failed.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(apply.validate(doc(failed))).isEmpty();

    // The schema can fail: no format_version, an unknown field, both plan and error.
    ObjectNode broken = ((ObjectNode) done).deepCopy();
    broken.remove("format_version");
    assertThat(apply.validate(broken)).isNotEmpty();
    ObjectNode extra = ((ObjectNode) done).deepCopy();
    extra.put("surprise", true);
    assertThat(apply.validate(extra)).isNotEmpty();
    ObjectNode planless = ((ObjectNode) done).deepCopy();
    ((ObjectNode) planless.get("plan")).remove("actions"); // checked by plan.schema.json
    assertThat(apply.validate(planless)).isNotEmpty();
    ObjectNode badVerify = ((ObjectNode) done).deepCopy();
    ((ObjectNode) badVerify.get("verify")).put("matches", "yes");
    assertThat(apply.validate(badVerify)).isNotEmpty();
    ObjectNode both = ((ObjectNode) done).deepCopy();
    both.set("error", doc(failed).get("error"));
    assertThat(apply.validate(both)).isNotEmpty();
  }

  @Test
  void driftDocumentsMatchTheirSchema() throws Exception {
    Schema drift = schema("drift.schema.json");
    Cli.Result some = cli.sandbox("drift", "-f", manifest, "--json");
    assertThat(some.code()).as("%s", some).isEqualTo(ExitCodes.CHANGES);
    assertThat(doc(some).path("format_version").asInt()).isEqualTo(1);
    assertThat(drift.validate(doc(some))).isEmpty();

    assertThat(cli.sandbox("apply", "-f", manifest, "--auto-approve").code()).isZero();
    Cli.Result none = cli.sandbox("drift", "-f", manifest, "--json");
    assertThat(none.code()).isZero();
    assertThat(doc(none).path("actions")).isEmpty();
    assertThat(drift.validate(doc(none))).isEmpty();

    Cli.Result failed = cli.sandbox("drift", "-f", tmp.resolve("nope.yaml").toString(), "--json");
    assertThat(failed.code()).isEqualTo(ExitCodes.ERROR);
    assertThat(drift.validate(doc(failed))).isEmpty();

    ObjectNode broken = (ObjectNode) doc(some);
    broken.remove("actions");
    assertThat(drift.validate(broken)).isNotEmpty();
  }
}
