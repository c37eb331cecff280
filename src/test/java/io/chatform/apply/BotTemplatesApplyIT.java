package io.chatform.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import io.chatform.plan.Action;
import io.chatform.plan.ActionType;
import io.chatform.plan.Plan;
import io.chatform.plan.PlanJson;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bot templates end to end on the emulator: from empty to "No changes.", an update in place, a full
 * app's template swapped (delete first), faults converging with each template created once, and the
 * secrets the emulator made never in a plan, a report or a live object.
 */
class BotTemplatesApplyIT {
  @TempDir Path tmp;

  private static String manifest(String... names) {
    StringBuilder sb = new StringBuilder("version: 1\nbot_templates:\n");
    for (String n : names) {
      sb.append("  - {owner_client_id: ")
          .append(Harness.CLIENT_ID)
          .append(", name: ")
          .append(n)
          .append(", job_title: Helper, avatar: 'https://cdn.example/")
          .append(n)
          .append(".png'}\n");
    }
    return sb.toString();
  }

  private static long calls(Harness h, String method) {
    return h.emulator.stats().path("calls").path(method).asLong();
  }

  private static List<String> names(Harness h) {
    return h.items("bot_templates", "templates").stream()
        .map(t -> t.path("name").asText())
        .sorted()
        .toList();
  }

  /**
   * The emulator's secrets, like its template ids, are 32 hex characters: every such token in
   * {@code text} must be a template id or the Client ID, so no secret of a create is in it.
   */
  private static void assertNoSecretIn(Harness h, String text) {
    java.util.Set<String> allowed = new java.util.HashSet<>();
    allowed.add(Harness.CLIENT_ID);
    h.items("bot_templates", "templates").forEach(t -> allowed.add(t.path("id").asText()));
    assertThat(allowed).hasSizeGreaterThan(1);
    var m = java.util.regex.Pattern.compile("(?<![0-9a-f])[0-9a-f]{32}(?![0-9a-f])").matcher(text);
    while (m.find()) {
      assertThat(allowed).as("a 32-hex token in output").contains(m.group());
    }
  }

  /** A secret a reset answers (the client is given it): never in what is read or planned after. */
  private static String resetSecret(Harness h) {
    JsonNode t = h.items("bot_templates", "templates").get(0);
    JsonNode r =
        h.client.call(
            "reset_bot_template_secret",
            io.chatform.model.Json.object()
                .put("id", t.path("id").asText())
                .put("owner_client_id", Harness.CLIENT_ID));
    String secret = r.path("secret").asText();
    assertThat(secret).hasSize(32);
    return secret;
  }

  @ParameterizedTest(name = "v{0}")
  @ValueSource(strings = {"3.5", "3.6"})
  void appliesFromEmptyThenPlansNoChangesWithoutShowingSecrets(String version) {
    try (Harness h = Harness.start(ApiVersion.fromLabel(version).orElseThrow(), tmp)) {
      DesiredState desired = h.yaml(manifest("Greeter", "Router"));
      ApplyReport report = h.apply(desired);
      h.assertConverged(desired);
      assertThat(names(h)).containsExactly("Greeter", "Router");
      // listBotTemplates.json spells the avatar avatar in 3.5 and avatar_path from 3.6: read
      // either way, it converges (no update planned) in both.
      JsonNode listed =
          h.client
              .call(
                  "list_bot_templates",
                  io.chatform.model.Json.object().put("owner_client_id", Harness.CLIENT_ID))
              .get(0);
      assertThat(listed.path(version.equals("3.5") ? "avatar" : "avatar_path").asText())
          .startsWith("https://cdn.example/");
      String reset = resetSecret(h);
      Harness.Planned again = h.plan(desired);
      String live =
          again.snapshot().state().of(io.chatform.model.Kind.BOT_TEMPLATES).stream()
              .map(o -> o.spec().toString() + o.liveId())
              .toList()
              .toString();
      String planned = PlanJson.write(again.plan()).toString();
      assertNoSecretIn(h, report.text() + planned + live);
      assertThat(report.text() + planned + live).doesNotContain(reset);
    }
  }

  @Test
  void anUpdateIsInPlaceAndAFullAppDeletesBeforeItCreates() {
    try (Harness h = Harness.start(ApiVersion.V3_6, tmp)) {
      h.apply(h.yaml(manifest("a", "b", "c", "d", "e")));
      long created = calls(h, "create_bot_template");
      DesiredState changed = h.yaml(manifest("a", "b", "c", "d", "e").replace("Helper", "Guide"));
      h.apply(changed);
      h.assertConverged(changed);
      assertThat(calls(h, "create_bot_template")).isEqualTo(created);
      assertThat(calls(h, "update_bot_template")).isEqualTo(5);

      DesiredState swapped = h.yaml(manifest("a", "b", "c", "d", "f").replace("Helper", "Guide"));
      Plan p = h.plan(swapped).plan();
      Action delete =
          p.actions().stream().filter(a -> a.type() == ActionType.DELETE).findFirst().get();
      Action create =
          p.actions().stream().filter(a -> a.type() == ActionType.CREATE).findFirst().get();
      assertThat(create.dependsOn()).contains(delete.id());
      assertThat(delete.notes()).singleElement().asString().contains("false");
      h.apply(swapped);
      h.assertConverged(swapped);
      assertThat(names(h)).containsExactly("a", "b", "c", "d", "f");
    }
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @CsvSource({"reset,31", "reset,32", "fail,33", "ratelimit,34"})
  void faultsConvergeWithEachTemplateCreatedOnce(String fault, long seed) {
    try (Harness h =
        Harness.start(ApiVersion.V3_6, tmp, Reruns.faults(fault, seed), Harness.fastRetry(2))) {
      DesiredState desired = h.yaml(manifest("a", "b", "c", "d", "e"));
      int plans = Reruns.untilConverged(h, desired);
      // The API itself allows two templates with one name: only the probe prevents duplicates.
      assertThat(names(h)).containsExactly("a", "b", "c", "d", "e");
      Reruns.assertFaultsHappened(h, fault, "list_bot_templates", plans);
    }
  }
}
