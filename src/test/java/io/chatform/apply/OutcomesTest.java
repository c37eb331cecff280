package io.chatform.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.Json;
import io.chatform.model.Kind;
import io.chatform.plan.Action;
import io.chatform.plan.ActionType;
import io.chatform.plan.Plan;
import io.chatform.plan.Target;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Three-valued outcomes through the executor, and advice that is true for what happened. */
class OutcomesTest {
  private static Action action(String name, ActionType type, String... deps) {
    return io.chatform.plan.Steps.of(
        type,
        "groups/" + name + "#" + type.verb(),
        Kind.GROUPS,
        "groups/" + name,
        "7",
        Json.object().put("name", name),
        Json.object().put("name", name),
        List.of(),
        Arrays.stream(deps).map(d -> "groups/" + d + "#create").toList(),
        false,
        List.of());
  }

  private static Plan plan(Action... actions) {
    return new Plan(
        Plan.FORMAT_VERSION,
        new Target("u", "a", "3.6"),
        "h",
        List.of(actions),
        Map.of(),
        List.of());
  }

  /** Throws per action name: "lost" = unknown outcome, "refused" = validation, "down" = 5xx. */
  private static final class Runner implements ActionRunner {
    static final class Failure extends RuntimeException {
      final String type;
      final boolean unknown;

      Failure(String type, boolean unknown) {
        super(type + " happened");
        this.type = type;
        this.unknown = unknown;
      }
    }

    @Override
    public void run(Action a) {
      String name = a.address().substring("groups/".length());
      switch (name) {
        case "lost" -> throw new Failure("internal", true);
        case "refused" -> throw new Failure("validation", false);
        case "down" -> throw new Failure("internal", false);
        case "taken" -> throw new Failure("already_exists", false);
        default -> {}
      }
    }

    @Override
    public boolean outcomeUnknown(Exception e) {
      return e instanceof Failure f && f.unknown;
    }

    @Override
    public String errorType(Exception e) {
      return e instanceof Failure f ? f.type : "internal";
    }
  }

  private static ApplyReport run(Action... actions) {
    return new Executor(new Runner(), 2, false, Progress.NONE, () -> false).execute(plan(actions));
  }

  private static final Rerun JOURNALED =
      new Rerun(Optional.of("j.jsonl"), Optional.of(Instant.parse("2026-01-01T10:02:00Z")), true);

  @Test
  void aLostAnswerIsUnknownAndItsDependentsAreSkipped() {
    ApplyReport r =
        run(action("lost", ActionType.CREATE), action("after", ActionType.CREATE, "lost"));
    assertThat(r.results())
        .extracting(x -> x.action().address() + "=" + x.outcome())
        .containsExactly("groups/lost=UNKNOWN", "groups/after=SKIPPED");
    assertThat(r.incomplete()).isTrue();
    assertThat(r.summary()).contains("0 done, 0 failed, 1 skipped, 1 unknown");
    assertThat(r.results().get(1).message().orElseThrow()).contains("whose outcome is unknown");
    String text = r.text(JOURNALED);
    assertThat(text)
        .contains("  unknown + groups/lost [internal]")
        .contains("1 action ended with an unknown outcome")
        .contains("waits for the account to show this run's writes")
        .contains("10:02:00 UTC");
    assertThat(r.json(JOURNALED).path("unknown").asLong()).isEqualTo(1);
    assertThat(r.json(JOURNALED).path("results").get(0).path("outcome").asText())
        .isEqualTo("unknown");
  }

  @Test
  void aRefusalNeverPromisesThatARerunConverges() {
    ApplyReport r = run(action("refused", ActionType.CREATE), action("ok", ActionType.CREATE));
    String text = r.text(JOURNALED);
    assertThat(text).contains("failed  + groups/refused [validation]").contains("fix the cause");
    assertThat(text).doesNotContain("converges without duplicates");
  }

  @Test
  void transientFailuresPromiseConvergenceOnlyWithTheWindowSpelledOut() {
    ApplyReport r = run(action("down", ActionType.CREATE), action("ok", ActionType.CREATE));
    Rerun noJournal =
        new Rerun(Optional.empty(), Optional.of(Instant.parse("2026-01-01T10:02:00Z")), true);
    assertThat(r.text(noJournal))
        .contains("Wait until 10:02:00 UTC")
        .contains("converges without duplicates");
    assertThat(r.text(JOURNALED)).contains("on this machine it first waits");
    Rerun nothingWritten = new Rerun(Optional.of("j"), Optional.empty(), true);
    ApplyReport none = run(action("down", ActionType.CREATE));
    assertThat(none.text(nothingWritten)).contains("nothing was written");
  }

  @Test
  void alreadyExistsOnACreateNamesAConcurrentWriterAndTheLock() {
    ApplyReport r = run(action("taken", ActionType.CREATE));
    assertThat(r.text(JOURNALED))
        .contains("another writer")
        .contains("--lock")
        .doesNotContain("converges without duplicates");
  }

  @Test
  void aCompleteApplyHasNoAdvice() {
    ApplyReport r = run(action("ok", ActionType.CREATE));
    assertThat(r.incomplete()).isFalse();
    assertThat(r.text(JOURNALED)).doesNotContain("Run the same apply");
    assertThat(r.summary()).startsWith("Apply complete: 1 done, 0 failed, 0 skipped (");
  }
}
