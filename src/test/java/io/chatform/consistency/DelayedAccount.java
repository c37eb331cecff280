package io.chatform.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.cli.Main;
import io.chatform.emulator.Emulator;
import io.chatform.emulator.EmulatorConfig;
import io.chatform.emulator.FaultConfig;
import io.chatform.model.Json;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An emulated account whose lists lag behind writes ({@code --consistency-delay-ms}), kept in a
 * state file so it can be reopened with other faults, and the CLI run in-process against it with a
 * journal in the test's directory and short windows (seconds, not the API's 2 minutes).
 */
final class DelayedAccount implements AutoCloseable {
  static final String CID = EmulatorConfig.SANDBOX_CLIENT_ID;
  static final String SECRET = "delay-s3cr3t-4f1e9a";
  static final Map<String, String> ENV =
      Map.of(
          "LIVECHAT_ACCOUNT_ID", EmulatorConfig.SANDBOX_ACCOUNT_ID,
          "LIVECHAT_PAT", EmulatorConfig.SANDBOX_PAT,
          "LC_WEBHOOK_SECRET", SECRET);

  final Emulator emulator;
  final Path dir;
  final Path journal;

  private DelayedAccount(Emulator emulator, Path dir) {
    this.emulator = emulator;
    this.dir = dir;
    this.journal = dir.resolve("journal");
  }

  /** Opens the account kept in {@code dir} (empty at first) with {@code faults}. */
  static DelayedAccount open(Path dir, FaultConfig faults) {
    try {
      return new DelayedAccount(
          Emulator.start(
              EmulatorConfig.defaults()
                  .withStatePath(dir.resolve("state.json"))
                  .withFaults(faults)),
          dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  record Run(int code, String out, String err) {
    JsonNode json() {
      try {
        return Json.MAPPER.readTree(out);
      } catch (IOException e) {
        throw new AssertionError("stdout is not one JSON document:\n" + this, e);
      }
    }

    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /**
   * {@code chatform apply} against this account with the test's windows and journal (unless {@code
   * args} give their own), then {@code args}.
   */
  Run apply(String... args) {
    List<String> all = new ArrayList<>();
    all.addAll(
        List.of(
            "apply",
            "--api-url",
            emulator.baseUrl(),
            "--auto-approve",
            "--no-color",
            "--progress",
            "plain"));
    Map<String, String> defaults =
        Map.of(
            "--consistency-window",
            "3",
            "--consistency-wait",
            "2.5",
            "--verify-timeout",
            "4",
            "--journal",
            journal.toString());
    List<String> given = List.of(args);
    defaults.forEach(
        (k, v) -> {
          if (!given.contains(k)) {
            all.add(k);
            all.add(v);
          }
        });
    all.addAll(given);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code =
        Main.run(
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            ENV,
            all.toArray(String[]::new));
    Run r = new Run(code, out.toString(), err.toString());
    assertThat(r.out() + r.err()).as("secrets never printed").doesNotContain(SECRET);
    return r;
  }

  /** Address (as plans print it) → live ids with that identity, from the emulator's own state. */
  Map<String, List<String>> objects() {
    return io.chatform.cli.SoakAudit.objects(emulator.state());
  }

  /** Every address at most once: nothing was created twice. */
  void assertNoDuplicates() {
    Map<String, List<String>> objects = objects();
    objects.forEach(
        (address, ids) -> assertThat(ids).as("copies of " + address + " in " + objects).hasSize(1));
  }

  /**
   * The report (apply --json's {@code report}, also inside an error document) agrees with the
   * account object by object: done means it is there (or gone, for a delete), failed means the API
   * said no and nothing changed, a replace whose object is gone never says done or "unchanged".
   */
  void assertReportMatches(JsonNode report) {
    Map<String, List<String>> objects = objects();
    for (JsonNode r : report.path("results")) {
      String address = r.path("address").asText();
      String type = r.path("type").asText();
      String outcome = r.path("outcome").asText();
      boolean there = objects.containsKey(address);
      if (!address.startsWith("groups/")
          && !address.startsWith("bots/")
          && !address.startsWith("agents/")
          && !address.startsWith("auto_access/")
          && !address.startsWith("webhooks/")
          && !address.startsWith("properties/")) {
        continue; // values and switches: no object of their own to look for
      }
      String what = address + " " + type + " " + outcome + ": " + r.path("message").asText();
      switch (outcome) {
        case "done" -> assertThat(there).as(what).isEqualTo(!type.equals("delete"));
        case "failed" -> {
          if (type.equals("create")) {
            assertThat(there).as(what).isFalse();
          }
          if (type.equals("replace")) {
            assertThat(r.path("message").asText())
                .as(what)
                .contains(there ? "is unchanged" : "already deleted");
          }
        }
        case "unknown" -> assertThat(r.path("message").asText()).as(what).isNotBlank();
        case "skipped" -> {}
        default -> throw new AssertionError("outcome " + outcome + " in " + r);
      }
    }
  }

  @Override
  public void close() {
    emulator.close();
  }
}
