package io.chatform.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.emulator.FaultConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Process death and late failures under lagging lists: kill -9 of a real apply process at two
 * points, then a rerun started at once; SIGTERM during verification; and a verification that fails
 * after the writes still hands over the report (in the --json error document).
 */
class KillAndReportIT {
  @TempDir Path tmp;

  private Process child(DelayedAccount a, Path out, Path err, String... extra) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        new ArrayList<>(
            List.of(
                java,
                "-jar",
                "target/chatform.jar",
                "apply",
                "-f",
                "examples/acme",
                "--api-url",
                a.emulator.baseUrl(),
                "--auto-approve",
                "--progress",
                "plain",
                "--parallelism",
                "2",
                "--journal",
                a.journal.toString(),
                // A killed child holds the account lock: a short TTL lets the rerun take it over.
                "--lock-ttl",
                "2"));
    if (!List.of(extra).contains("--consistency-window")) {
      cmd.addAll(List.of("--consistency-window", "5"));
    }
    cmd.addAll(List.of(extra));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(DelayedAccount.ENV);
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    return pb.start();
  }

  private static void awaitText(Path file, String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.readString(file).contains(text) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(Files.readString(file)).as("the child got to " + text).contains(text);
  }

  @Test
  void killMinusNineThenAnImmediateRerunConvergesWithoutDuplicates() throws Exception {
    FaultConfig faults = FaultConfig.none().withLatency(80, 0).withConsistencyDelayMs(4000);
    for (String point : List.of("[1/", "[9/")) {
      Path dir = Files.createDirectories(tmp.resolve("kill" + point.substring(1, 2)));
      try (DelayedAccount a = DelayedAccount.open(dir, faults)) {
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p = child(a, out, err, "--verify-timeout", "0");
        awaitText(err, point);
        p.destroyForcibly(); // kill -9: no hook, no report, a create maybe in flight
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        a.assertNoDuplicates();

        // Started at once: the killed run's last creates are not listed yet (4 s behind).
        String[] again = {
          "-f", "examples/acme", "--json", "--consistency-window", "5", "--lock-timeout", "30"
        };
        DelayedAccount.Run rerun = a.apply(again);
        for (int i = 0; i < 3 && rerun.code() != 0; i++) {
          a.assertNoDuplicates();
          rerun = a.apply(again);
        }
        assertThat(rerun.code()).as(rerun.toString()).isZero();
        a.assertNoDuplicates();
        a.assertReportMatches(rerun.json().path("report"));
        DelayedAccount.Run check =
            a.apply("-f", "examples/acme", "--consistency-window", "0", "--lock-timeout", "30");
        assertThat(check.out()).as("nothing lost: " + check).contains("No changes.");
      }
    }
  }

  @Test
  void sigtermDuringVerificationPrintsTheReportAndExitsNonZero() throws Exception {
    FaultConfig faults = FaultConfig.none().withConsistencyDelayMs(20_000);
    try (DelayedAccount a = DelayedAccount.open(tmp, faults)) {
      Path out = tmp.resolve("out.txt");
      Path err = tmp.resolve("err.txt");
      Process p = child(a, out, err, "--verify-timeout", "60", "--consistency-window", "30");
      awaitText(err, "Verifying:");
      Thread.sleep(300);
      p.destroy(); // SIGTERM
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      String stdout = Files.readString(out);
      assertThat(p.exitValue()).as(stdout).isNotZero();
      assertThat(stdout)
          .contains("Apply complete:")
          .contains("Interrupted while verifying (the changes above were made; not verified).");
    }
  }

  @Test
  void sigtermWhilePlanningSaysNothingWasAppliedAndExitsNonZero() throws Exception {
    try (DelayedAccount a = DelayedAccount.open(tmp, FaultConfig.none())) {
      // The journal names a create the account does not list: the apply waits before planning.
      io.chatform.apply.WriteJournal.open(
              a.journal,
              a.emulator.baseUrl(),
              io.chatform.emulator.EmulatorConfig.SANDBOX_ACCOUNT_ID,
              java.time.Instant.EPOCH,
              x -> x)
          .written(
              new io.chatform.api.WriteLog.Entry(
                  java.time.Instant.now(),
                  io.chatform.model.Kind.GROUPS,
                  io.chatform.api.WriteLog.Op.CREATED,
                  "999",
                  "Support"));
      Path out = tmp.resolve("out.txt");
      Path err = tmp.resolve("err.txt");
      Process p = child(a, out, err, "--consistency-window", "60");
      awaitText(err, "Waiting up to");
      p.destroy(); // SIGTERM
      assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(p.exitValue()).isNotZero();
      assertThat(Files.readString(out))
          .contains("Apply interrupted while planning: nothing was applied.");
      assertThat(a.objects())
          .containsOnlyKeys(
              "groups/General", "agents/" + io.chatform.emulator.EmulatorConfig.SANDBOX_OWNER);
    }
  }

  /** Reproduction 3: verification fails after the writes (a refused re-plan): the report stays. */
  @Test
  void jsonCarriesTheReportWhenVerificationFails() throws Exception {
    FaultConfig faults = FaultConfig.none().withLatency(150, 0).withConsistencyDelayMs(300);
    try (DelayedAccount a = DelayedAccount.open(tmp, faults)) {
      Path m = tmp.resolve("m.yaml");
      Files.writeString(
          m, "version: 1\ngroups:\n  - {name: Support}\n  - {name: Sales}\n  - {name: Billing}\n");
      CompletableFuture<DelayedAccount.Run> run =
          CompletableFuture.supplyAsync(
              // No Client ID in these manifests for the lease; the lock is not what is tested.
              () -> a.apply("-f", m.toString(), "--json", "--parallelism", "1", "--lock", "none"));
      // A second "Support" appears behind the apply's back (a hand edit, another writer).
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!a.objects().containsKey("groups/Support") && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      ObjectNode state = a.emulator.state();
      ObjectNode groups = (ObjectNode) state.path("groups");
      long next = groups.path("next_id").asLong();
      ((ArrayNode) groups.path("groups")).addObject().put("id", next).put("name", "Support");
      groups.put("next_id", next + 1);
      a.emulator.replaceState(state);

      DelayedAccount.Run r = run.get(60, TimeUnit.SECONDS);
      assertThat(r.code()).as(r.toString()).isEqualTo(1);
      JsonNode doc = r.json();
      assertThat(doc.path("format_version").asInt()).isEqualTo(1);
      assertThat(doc.path("error").path("message").asText())
          .as(r.toString())
          .contains("verification")
          .contains("Support");
      JsonNode report = doc.path("report");
      assertThat(report.path("done").asInt()).as(r.toString()).isEqualTo(3);
      assertThat(report.path("results")).hasSize(3);
      assertThat(r.err()).contains("Error: ");
      com.networknt.schema.Schema schema =
          com.networknt.schema.SchemaRegistry.withDefaultDialect(
                  com.networknt.schema.SpecificationVersion.DRAFT_2020_12)
              .getSchema(
                  io.chatform.model.Json.MAPPER.readTree(
                      Path.of("schemas/plan.schema.json").toFile()));
      assertThat(schema.validate(doc)).as("the error document keeps its schema").isEmpty();
      JsonNode broken = doc.deepCopy();
      ((ObjectNode) broken.path("report").path("results").get(0)).put("outcome", "probably");
      assertThat(schema.validate(broken)).as("the schema documents the outcomes").isNotEmpty();
    }
  }
}
