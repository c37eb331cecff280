package io.chatform.consistency;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.emulator.FaultConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API's consistency delay ("configurations … will have action in system after max 2 minutes")
 * modelled by the emulator: replaces under faults never lose an object behind a "done", reruns
 * started at once never duplicate, and every report agrees with the account object by object.
 */
class ConsistencyIT {
  static final String CID = DelayedAccount.CID;
  static final String HOOK =
      "webhooks/" + CID + "/license/incoming_chat/https://hooks.acme.example/a";
  static final String PROP = "properties/" + CID + "/tier";

  static final String MANIFEST =
      """
      version: 1
      groups:
        - {name: Support}
        - {name: Sales}
      properties:
        - owner_client_id: CID
          name: tier
          type: string
          access: {license: {agent: [read, write]}}
          description: tiers
      webhooks:
        - owner_client_id: CID
          type: license
          action: incoming_chat
          url: https://hooks.acme.example/a
          secret_key: ${env:LC_WEBHOOK_SECRET}
      bots:
        - {owner_client_id: CID, name: Helper}
      """
          .replace("CID", CID);

  @TempDir Path tmp;

  private String manifest(Path dir) throws Exception {
    Path f = dir.resolve("chatform.yaml");
    Files.writeString(f, MANIFEST);
    return f.toString();
  }

  /**
   * Reproduction 1: --replace of a webhook and a property with half the calls failing and lists 1.2
   * s behind. The create after the delete must find a new id, never the deleted one.
   */
  @Test
  void replacesUnderFaultsAndDelayNeverLoseAnObjectBehindADone() throws Exception {
    for (long seed = 1; seed <= 2; seed++) {
      Path dir = Files.createDirectories(tmp.resolve("seed" + seed));
      String m = manifest(dir);
      String oldHook;
      try (DelayedAccount setup = DelayedAccount.open(dir, FaultConfig.none())) {
        assertThat(setup.apply("-f", m).code()).isZero();
        oldHook = setup.objects().get(HOOK).get(0);
      }
      FaultConfig faults =
          FaultConfig.none()
              .withSeed(seed)
              .withFailRate(0.4)
              .withConsistencyDelayMs(1200)
              .withConsistencyJitter(seed % 2 == 0); // seed 2: servers lag by 0..1.2 s each
      try (DelayedAccount a = DelayedAccount.open(dir, faults)) {
        DelayedAccount.Run first = a.apply("-f", m, "--json", "--replace", HOOK, "--replace", PROP);
        JsonNode doc = first.json();
        a.assertNoDuplicates();
        if (doc.has("report")) {
          JsonNode report = doc.path("report");
          a.assertReportMatches(report);
          for (JsonNode r : report.path("results")) {
            if (r.path("address").asText().equals(HOOK)
                && r.path("outcome").asText().equals("done")) {
              assertThat(a.objects().get(HOOK)).as(first.toString()).doesNotContain(oldHook);
            }
          }
        }
        if (first.code() == 0) {
          assertThat(doc.path("verify").path("matches").asBoolean()).as(first.toString()).isTrue();
        }
        // Reruns started at once converge: nothing lost, nothing twice.
        DelayedAccount.Run last = first;
        for (int i = 0; i < 6 && last.code() != 0; i++) {
          last = a.apply("-f", m, "--json");
          a.assertNoDuplicates();
          if (last.json().has("report")) {
            a.assertReportMatches(last.json().path("report"));
          }
        }
        assertThat(last.code()).as(last.toString()).isZero();
        Map<String, List<String>> objects = a.objects();
        assertThat(objects.get(HOOK)).as("the webhook survives").hasSize(1);
        assertThat(objects.get(PROP)).as("the property survives").hasSize(1);
      }
    }
  }

  /**
   * Reproduction 2: a rerun started at once after a failed apply plans from lists that do not show
   * the first run's creates yet; the journal makes it wait for them instead of creating them twice.
   * Lists lag 3 s (the window is set to 4 s to cover it): the first run cannot verify within 1 s,
   * so it fails with "not yet visible", and CI retries at once. Without the lock ({@link
   * #NO_LOCK}): the journal is what is tested here.
   */
  @Test
  void anImmediateRerunAfterAFailedApplyWaitsForItsWritesAndDuplicatesNothing() throws Exception {
    String m = manifest(tmp);
    FaultConfig faults = FaultConfig.none().withConsistencyDelayMs(3000);
    try (DelayedAccount a = DelayedAccount.open(tmp, faults)) {
      DelayedAccount.Run first =
          a.apply(
              concat(
                  NO_LOCK,
                  "-f",
                  m,
                  "--json",
                  "--verify-timeout",
                  "1",
                  "--consistency-window",
                  "4"));
      assertThat(first.code()).as(first.toString()).isNotZero();
      JsonNode doc = first.json();
      a.assertReportMatches(doc.path("report"));
      assertThat(doc.path("report").path("done").asInt()).isEqualTo(5);
      assertThat(doc.path("verify").path("matches").asBoolean()).isFalse();
      assertThat(doc.path("verify").path("not_yet_visible").asBoolean()).isTrue();
      assertThat(doc.path("verify").path("unlisted_writes").size()).isPositive();
      DelayedAccount.Run last = first;
      boolean waited = false;
      for (int i = 0; i < 8 && last.code() != 0; i++) {
        last = a.apply(concat(NO_LOCK, "-f", m, "--json", "--consistency-window", "4"));
        waited |= last.err().contains("Waiting up to");
        a.assertNoDuplicates();
        if (last.json().has("report")) {
          a.assertReportMatches(last.json().path("report"));
        }
      }
      assertThat(last.code()).as(last.toString()).isZero();
      assertThat(last.json().path("plan").path("summary").path("create").asInt()).isZero();
      assertThat(a.objects().keySet())
          .contains("groups/Support", "groups/Sales", HOOK, PROP, "bots/" + CID + "/Helper");
      assertThat(waited).as("a rerun waited for the lists to show earlier writes").isTrue();
    }
  }

  /**
   * Lists lag the lease as well: with the lock, a rerun at once may find it still listed as held
   * and wait for the lock instead, which hides the journal. These tests of the journal go without.
   */
  static final String[] NO_LOCK = {"--lock", "none"};

  /** Under the lock, lists lag its lease too: wait for the release to show. */
  static final String[] LOCK = {"--lock", "lease", "--lock-timeout", "30"};

  /** An immediate rerun waits for the journal's writes; without the journal it duplicates. */
  @Test
  void theJournalIsWhatKeepsAnImmediateRerunFromDuplicating() throws Exception {
    FaultConfig lag = FaultConfig.none().withConsistencyDelayMs(2500);
    Path withJournal = Files.createDirectories(tmp.resolve("journal"));
    try (DelayedAccount a = DelayedAccount.open(withJournal, lag)) {
      String m = manifest(withJournal);
      assertThat(a.apply(concat(NO_LOCK, "-f", m, "--verify-timeout", "0")).code()).isZero();
      DelayedAccount.Run rerun = a.apply(concat(NO_LOCK, "-f", m, "--verify-timeout", "0"));
      assertThat(rerun.err()).as(rerun.toString()).contains("Waiting up to");
      assertThat(rerun.out()).as(rerun.toString()).contains("No changes.");
      assertThat(rerun.code()).isZero();
      a.assertNoDuplicates();
    }
    Path blind = Files.createDirectories(tmp.resolve("blind"));
    try (DelayedAccount a = DelayedAccount.open(blind, lag)) {
      String m = manifest(blind);
      String[] blindly = concat(NO_LOCK, "-f", m, "--verify-timeout", "0", "--no-journal");
      assertThat(a.apply(blindly).code()).isZero();
      a.apply(blindly);
      // The emulator's lists lag as the API's do: planned from them, the groups come twice.
      assertThat(a.objects().get("groups/Support")).hasSize(2);
    }
  }

  /**
   * A fresh CI job (another machine: its own journal, empty) applies seconds after another
   * machine's apply released the lock: the lease says that apply wrote inside the window and no
   * journal here covers it, so planning waits for its writes to show instead of duplicating them.
   * An apply whose own journal covers the previous run, or after one that wrote nothing, does not.
   */
  @Test
  void anApplyOnAnotherMachineInsideTheWindowIsWaitedForAndNothingIsCreatedTwice()
      throws Exception {
    FaultConfig lag = FaultConfig.none().withConsistencyDelayMs(3000);
    Path two = Files.createDirectories(tmp.resolve("two-machines"));
    try (DelayedAccount a = DelayedAccount.open(two, lag)) {
      String[] common =
          concat(LOCK, "-f", manifest(two), "--verify-timeout", "0", "--consistency-window", "8");
      String[] onA = concat(common, "--journal", two.resolve("machine-a").toString());
      String[] onB = concat(common, "--journal", two.resolve("machine-b").toString());
      DelayedAccount.Run first = a.apply(onA);
      assertThat(first.code()).as(first.toString()).isZero();
      assertThat(first.out()).contains("Apply complete");

      DelayedAccount.Run other = a.apply(onB);
      assertThat(other.code()).as(other.toString()).isZero();
      assertThat(other.err())
          .as(other.toString())
          .containsPattern(
              "Another apply \\(holder \\S+@\\S+ pid \\d+\\) ended \\d+ s ago on another machine"
                  + " \\(its run is not in this machine's journal\\); waiting up to \\d+ s for its"
                  + " writes to show, so nothing is created twice\\.");
      assertThat(other.out()).as(other.toString()).contains("No changes.");
      Map<String, List<String>> objects = a.objects();
      for (String address :
          List.of("groups/Support", "groups/Sales", HOOK, PROP, "bots/" + CID + "/Helper")) {
        assertThat(objects.get(address)).as(address + " in " + objects).hasSize(1);
      }
      a.assertNoDuplicates();

      // B wrote nothing: A's next apply has nothing to wait for from the lease.
      DelayedAccount.Run again = a.apply(onA);
      assertThat(again.code()).as(again.toString()).isZero();
      assertThat(again.err()).as(again.toString()).doesNotContain("nother apply");
      assertThat(again.out()).contains("No changes.");
      a.assertNoDuplicates();
    }
    Path one = Files.createDirectories(tmp.resolve("one-machine"));
    try (DelayedAccount a = DelayedAccount.open(one, lag)) {
      String[] here = concat(LOCK, "-f", manifest(one), "--verify-timeout", "0");
      assertThat(a.apply(here).code()).isZero();
      DelayedAccount.Run rerun = a.apply(here);
      assertThat(rerun.code()).as(rerun.toString()).isZero();
      assertThat(rerun.err())
          .as("this machine's journal covers the previous run: no wait for the lease")
          .doesNotContain("nother apply");
      assertThat(rerun.out()).contains("No changes.");
      a.assertNoDuplicates();
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
