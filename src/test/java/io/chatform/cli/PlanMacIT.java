package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code CHATFORM_PLAN_KEY}: plan --out signs the plan, apply requires and checks the MAC. */
class PlanMacIT {
  static final String KEY = "plan-key-never-printed-8e21";

  @TempDir Path tmp;
  Cli cli;
  String manifest;
  Path planFile;
  final List<String> seen = new ArrayList<>();

  @BeforeEach
  void setUp() {
    cli = new Cli(tmp);
    manifest = cli.write("m.yaml", "version: 1\ngroups:\n  - {name: Support}\n");
    planFile = tmp.resolve("plan.json");
  }

  private Cli.Result run(String... args) {
    Cli.Result r = cli.sandbox(args[0], java.util.Arrays.copyOfRange(args, 1, args.length));
    seen.add(r.all());
    return r;
  }

  @Test
  void aSignedPlanAppliesAndAnyEditOrAnotherKeyIsRefused() throws Exception {
    cli.env.put(PlanMac.KEY_VARIABLE, KEY);
    assertThat(run("plan", "-f", manifest, "--out", "" + planFile).code()).isZero();
    String text = Files.readString(planFile);
    seen.add(text);
    ObjectNode signed = (ObjectNode) Json.MAPPER.readTree(text);
    assertThat(signed.path("mac").asText()).matches("hmac-sha256:[0-9a-f]{64}");
    var schema =
        com.networknt.schema.SchemaRegistry.withDefaultDialect(
                com.networknt.schema.SpecificationVersion.DRAFT_2020_12)
            .getSchema(Json.MAPPER.readTree(Path.of("schemas/plan.schema.json").toFile()));
    assertThat(schema.validate(signed)).isEmpty();
    ObjectNode badMac = signed.deepCopy().put("mac", "md5:00");
    assertThat(schema.validate(badMac)).isNotEmpty();
    String before = StateWithoutLease.read(cli.state);

    // Edited after signing (even only the recorded manifests): refused before anything is read.
    ObjectNode edited = signed.deepCopy();
    edited.withArray("manifests").add("other.yaml");
    Files.writeString(tmp.resolve("edited.json"), edited.toPrettyString());
    Cli.Result r = run("apply", "" + tmp.resolve("edited.json"), "-f", manifest, "--auto-approve");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("fails its MAC check").contains("Nothing was applied");

    // Unsigned, while the key is set.
    ObjectNode unsigned = signed.deepCopy();
    unsigned.remove("mac");
    Files.writeString(tmp.resolve("unsigned.json"), unsigned.toPrettyString());
    r = run("apply", "" + tmp.resolve("unsigned.json"), "--auto-approve");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("carries no MAC").contains(PlanMac.KEY_VARIABLE);

    // Another key.
    cli.env.put(PlanMac.KEY_VARIABLE, KEY + "-other");
    r = run("apply", "" + planFile, "--auto-approve");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).contains("fails its MAC check");
    assertThat(StateWithoutLease.read(cli.state)).isEqualTo(before);

    cli.env.put(PlanMac.KEY_VARIABLE, KEY);
    r = run("apply", "" + planFile, "--auto-approve");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).doesNotContain("unauthenticated");
    seen.forEach(s -> assertThat(s).doesNotContain(KEY));
  }

  @Test
  void withoutTheKeyASignedPlanIsSaidToBeUnauthenticatedAndStillProven() {
    cli.env.put(PlanMac.KEY_VARIABLE, KEY);
    assertThat(run("plan", "-f", manifest, "--out", "" + planFile).code()).isZero();
    cli.env.remove(PlanMac.KEY_VARIABLE);
    Cli.Result r = run("apply", "" + planFile, "--auto-approve");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).contains("carries a MAC").contains("unauthenticated");
    seen.forEach(s -> assertThat(s).doesNotContain(KEY));
  }

  @Test
  void withoutAnyKeyNoMacIsWrittenAndNothingIsSaid() throws Exception {
    assertThat(run("plan", "-f", manifest, "--out", "" + planFile).code()).isZero();
    assertThat(Json.MAPPER.readTree(Files.readString(planFile)).has("mac")).isFalse();
    Cli.Result r = run("apply", "" + planFile, "--auto-approve");
    assertThat(r.code()).as(r.toString()).isZero();
    assertThat(r.err()).doesNotContain("MAC");
  }
}
