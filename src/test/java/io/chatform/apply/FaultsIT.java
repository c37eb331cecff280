package io.chatform.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.api.LiveChatException;
import io.chatform.emulator.FaultConfig;
import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import io.chatform.model.Kind;
import io.chatform.plan.Action;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The acme example against an emulator that fails calls, drops connections after writes, or rate
 * limits: every apply ends in a complete report (never an exception), and reruns converge with no
 * duplicate and no lost object, judged on the emulator's state.
 */
class FaultsIT {
  @TempDir Path tmp;

  @ParameterizedTest(name = "{0} seed {1} v{2}")
  @CsvSource({
    "reset,1,3.6", "reset,2,3.5", "reset,3,3.6",
    "fail,4,3.6", "fail,5,3.5", "fail,6,3.6",
    "ratelimit,7,3.6"
  })
  void applyReportsEverythingAndRerunsConverge(String fault, long seed, String version) {
    FaultConfig faults =
        switch (fault) {
          case "reset" -> FaultConfig.none().withResetAfterWriteRate(0.3);
          case "fail" -> FaultConfig.none().withFailRate(0.3);
          default -> FaultConfig.none().withRateLimit(10);
        };
    ApiVersion v = ApiVersion.fromLabel(version).orElseThrow();
    // Two attempts per call: enough faults get through to exercise failure reports and reruns.
    try (Harness h = Harness.start(v, tmp, faults.withSeed(seed), Harness.fastRetry(2))) {
      DesiredState desired = h.acme();
      int applies = 0;
      int plans = 0;
      boolean converged = false;
      // Faults stay on in every round, so a round can lose a few actions to them: allow many
      // rounds (each is fast); what matters is that reruns converge without duplicates.
      for (int round = 0; round < 20 && !converged; round++) {
        Harness.Planned p = planWithRetries(h, desired);
        plans++;
        if (!p.plan().hasChanges()) {
          converged = true;
          break;
        }
        ApplyReport report = h.execute(p);
        applies++;
        assertAccountsForEveryAction(p, report);
      }
      assertThat(converged).as("converged within 20 rounds").isTrue();
      assertThat(applies).isPositive();
      assertNoDuplicatesAndNothingLost(h, desired);
      assertFaultsHappened(fault, h, plans * io.chatform.bench.Floor.readCalls(desired));
      // The same account without faults agrees: nothing left to do.
      try (Harness clean = Harness.start(v, tmp)) {
        clean.emulator.replaceState(h.state());
        clean.assertConverged(desired);
      }
    }
  }

  private static String withRules(String manifest, List<String> rules) {
    StringBuilder sb = new StringBuilder();
    for (String r : rules) {
      sb.append("  - description: ")
          .append(r)
          .append("\n    groups: [Support]\n    conditions: {url: {values: [{value: /")
          .append(r)
          .append("}]}}\n");
    }
    String m = manifest.replace("CID", Harness.CLIENT_ID);
    return m.replace("\nproperties:\n", "\n" + sb + "properties:\n");
  }

  /**
   * Updates, deletions in dependency order, replaces and rule moves under faults: after reruns the
   * account is exactly the second manifest.
   */
  @ParameterizedTest(name = "{0} seed {1}")
  @CsvSource({"reset,11", "reset,12", "fail,13", "fail,14"})
  void changesUnderFaultsConverge(String fault, long seed) {
    FaultConfig faults =
        fault.equals("reset")
            ? FaultConfig.none().withResetAfterWriteRate(0.3)
            : FaultConfig.none().withFailRate(0.3);
    try (Harness h =
        Harness.start(ApiVersion.V3_6, tmp, faults.withSeed(seed), Harness.fastRetry(2))) {
      DesiredState before =
          h.yaml(withRules(DeletionsIT.BASE, List.of("r1", "r2", "r3", "r4", "r5")));
      converge(h, before);
      String after =
          withRules(DeletionsIT.AFTER, List.of("r5", "r4", "r3", "r2", "r1"))
              .replace(
                  "    url: https://hooks.x.example/b\n",
                  "    url: https://hooks.x.example/b\n    description: replaced\n");
      DesiredState want = h.yaml(after);
      converge(h, want);
      assertThat(AutoAccessOrderIT.chain(h))
          .containsExactly("Mixed", "Keep", "r5", "r4", "r3", "r2", "r1");
      assertThat(h.items("groups", "groups")).hasSize(2);
      assertThat(h.items("agents", "agents")).hasSize(2);
      assertThat(h.items("bots", "bots")).hasSize(1);
      assertThat(h.items("webhooks", "webhooks"))
          .singleElement()
          .satisfies(w -> assertThat(w.path("description").asText()).isEqualTo("replaced"));
      assertThat(h.items("properties", "definitions")).hasSize(1);
    }
  }

  private static void converge(Harness h, DesiredState desired) {
    for (int round = 0; round < 20; round++) {
      Harness.Planned p = planWithRetries(h, desired, h.options(true));
      if (!p.plan().hasChanges()) {
        return;
      }
      assertAccountsForEveryAction(p, h.execute(p));
    }
    throw new AssertionError("did not converge in 20 rounds");
  }

  /** The faults were really injected, so the test exercised what it claims to. */
  private static void assertFaultsHappened(String fault, Harness h, long planReads) {
    JsonNode stats = h.emulator.stats();
    switch (fault) {
      case "fail" -> assertThat(stats.path("errors").path("internal").asLong()).isPositive();
      case "ratelimit" ->
          assertThat(stats.path("errors").path("too_many_requests").asLong()).isPositive();
      default -> {
        // Each plan reads one list per kind and app (11 for acme); more list calls are the
        // probes of creates whose answer was lost.
        long reads = 0;
        for (var e : stats.path("calls").properties()) {
          if (e.getKey().startsWith("list_") || e.getKey().startsWith("get_")) {
            reads += e.getValue().asLong();
          }
        }
        assertThat(reads).isGreaterThan(planReads);
      }
    }
  }

  /** A plan's reads may fail too (then the CLI exits 1); the test just asks again. */
  private static Harness.Planned planWithRetries(Harness h, DesiredState desired) {
    return planWithRetries(h, desired, h.options(false));
  }

  private static Harness.Planned planWithRetries(
      Harness h, DesiredState desired, io.chatform.plan.PlanOptions options) {
    for (int i = 0; ; i++) {
      try {
        return h.plan(desired, options);
      } catch (LiveChatException e) {
        if (i == 40) {
          throw e;
        }
      }
    }
  }

  private static void assertAccountsForEveryAction(Harness.Planned p, ApplyReport report) {
    assertThat(report.results())
        .extracting(r -> r.action().id())
        .containsExactlyElementsOf(p.plan().actions().stream().map(Action::id).toList());
    for (ActionResult r : report.results()) {
      if (r.outcome() == Outcome.FAILED || r.outcome() == Outcome.UNKNOWN) {
        assertThat(r.errorType()).isPresent();
        assertThat(r.message()).isPresent();
      }
      if (r.outcome() == Outcome.SKIPPED) {
        assertThat(r.message().orElseThrow()).contains("depends on");
      }
    }
    assertThat(report.incomplete())
        .isEqualTo(
            report.count(Outcome.FAILED)
                    + report.count(Outcome.UNKNOWN)
                    + report.count(Outcome.SKIPPED)
                > 0);
    assertThat(report.text()).contains(report.summary());
  }

  static void assertNoDuplicatesAndNothingLost(Harness h, DesiredState desired) {
    String cid = Harness.CLIENT_ID;
    assertUnique(
        h.items("groups", "groups"),
        g -> g.path("name").asText(),
        names(desired, Kind.GROUPS, "name"),
        "General");
    assertUnique(
        h.items("agents", "agents"),
        a -> a.path("id").asText(),
        names(desired, Kind.AGENTS, "id"),
        "owner@sandbox.chatform.dev");
    assertUnique(
        h.items("bots", "bots"),
        b -> b.path("owner_client_id").asText() + "/" + b.path("name").asText(),
        desired.section(Kind.BOTS).orElseThrow().stream()
            .map(r -> cid + "/" + r.spec().path("name").asText())
            .toList(),
        null);
    assertUnique(
        h.items("auto_access", "rules"),
        r -> r.path("description").asText(),
        names(desired, Kind.AUTO_ACCESS, "description"),
        null);
    assertUnique(
        h.items("webhooks", "webhooks"),
        w ->
            String.join(
                "/",
                w.path("owner_client_id").asText(),
                w.path("type").asText(),
                w.path("action").asText(),
                w.path("url").asText()),
        desired.section(Kind.WEBHOOKS).orElseThrow().stream()
            .map(
                r ->
                    String.join(
                        "/",
                        cid,
                        r.spec().path("type").asText(),
                        r.spec().path("action").asText(),
                        r.spec().path("url").asText()))
            .toList(),
        null);
    assertUnique(
        // The account lock's lease records (docs/locking.md) are chatform's bookkeeping.
        h.items("properties", "definitions").stream()
            .filter(d -> !io.chatform.model.LeaseNames.isLease(d.path("name").asText()))
            .toList(),
        d -> d.path("name").asText(),
        names(desired, Kind.PROPERTIES, "name"),
        null);
    if (desired.manages(Kind.BOT_TEMPLATES)) {
      assertUnique(
          h.items("bot_templates", "templates"),
          t -> t.path("name").asText(),
          names(desired, Kind.BOT_TEMPLATES, "name"),
          null);
    }
    if (desired.manages(Kind.TAGS)) {
      assertUnique(
          h.items("tags", "tags"),
          t -> t.path("name").asText(),
          names(desired, Kind.TAGS, "name"),
          null);
    }
    if (desired.manages(Kind.GREETINGS)) {
      Map<Long, String> groupNames = new java.util.HashMap<>(Map.of(0L, "General"));
      h.items("groups", "groups")
          .forEach(g -> groupNames.put(g.path("id").asLong(), g.path("name").asText()));
      assertUnique(
          h.items("greetings", "greetings"),
          g -> groupNames.get(g.path("group").asLong()) + "/" + g.path("name").asText(),
          desired.section(Kind.GREETINGS).orElseThrow().stream()
              .map(io.chatform.model.Resource::identity)
              .toList(),
          null);
    }
    assertThat(AutoAccessOrderIT.chain(h))
        .isEqualTo(names(desired, Kind.AUTO_ACCESS, "description"));
  }

  private static List<String> names(DesiredState desired, Kind kind, String field) {
    return desired.section(kind).orElseThrow().stream()
        .map(r -> r.spec().path(field).asText())
        .toList();
  }

  private static void assertUnique(
      List<JsonNode> live, Function<JsonNode, String> identity, List<String> wanted, String extra) {
    Map<String, Long> counts =
        live.stream().collect(Collectors.groupingBy(identity, Collectors.counting()));
    assertThat(counts.values()).as("duplicates in " + counts).allMatch(c -> c == 1);
    List<String> expected = new java.util.ArrayList<>(wanted);
    if (extra != null) {
      expected.add(extra);
    }
    assertThat(counts.keySet()).containsExactlyInAnyOrderElementsOf(expected);
  }
}
