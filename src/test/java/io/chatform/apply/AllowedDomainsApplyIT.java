package io.chatform.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import io.chatform.plan.Action;
import io.chatform.plan.Plan;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Allowed domains end to end on the emulator's 3.7: added from empty to "No changes.", a live
 * domain differing only in case left alone, removed domains deleted (there is no update), and
 * faults converging with each domain added once.
 */
class AllowedDomainsApplyIT {
  @TempDir Path tmp;

  private static List<String> domains(Harness h) {
    return h.items("allowed_domains", "domains").stream()
        .map(d -> d.path("domain").asText())
        .toList();
  }

  private static long calls(Harness h, String method) {
    return h.emulator.stats().path("calls").path(method).asLong();
  }

  @Test
  void addsFromEmptyThenPlansNoChangesAndDeletesWhatIsGone() {
    try (Harness h = Harness.start(ApiVersion.V3_7, tmp)) {
      DesiredState desired =
          h.yaml(
              "version: 1\nallowed_domains:\n  - acme.example\n  - \"*.acme.example\"\n"
                  + "  - {domain: shop.example}\n");
      h.apply(desired);
      h.assertConverged(desired);
      assertThat(domains(h))
          .containsExactlyInAnyOrder("acme.example", "*.acme.example", "shop.example");

      DesiredState after =
          h.yaml("version: 1\nallowed_domains: [ACME.example, \"*.acme.example\"]\n");
      Plan p = h.plan(after).plan();
      assertThat(p.actions())
          .extracting(Action::id)
          .containsExactly("allowed_domains/shop.example#delete");
      h.apply(after);
      h.assertConverged(after);
      assertThat(domains(h)).containsExactlyInAnyOrder("acme.example", "*.acme.example");
      assertThat(calls(h, "add_allowed_domain")).isEqualTo(3);
    }
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @CsvSource({"reset,41", "reset,42", "fail,43", "ratelimit,44"})
  void faultsConvergeWithEachDomainAddedOnce(String fault, long seed) {
    StringBuilder many = new StringBuilder("version: 1\nallowed_domains:\n");
    for (int i = 0; i < 30; i++) {
      many.append("  - d").append(i).append(".example\n");
    }
    try (Harness h =
        Harness.start(ApiVersion.V3_7, tmp, Reruns.faults(fault, seed), Harness.fastRetry(2))) {
      DesiredState desired = h.yaml(many.toString());
      int plans = Reruns.untilConverged(h, desired);
      assertThat(domains(h)).hasSize(30).doesNotHaveDuplicates();
      Reruns.assertFaultsHappened(h, fault, "list_allowed_domains", plans);
    }
  }

  @Test
  void aDomainAddedByHandIsPrunedAndTheListIsOneCall() {
    try (Harness h = Harness.start(ApiVersion.V3_7, tmp)) {
      h.client.call(
          "add_allowed_domain", io.chatform.model.Json.object().put("domain", "x.example"));
      DesiredState desired = h.yaml("version: 1\nallowed_domains: [acme.example]\n");
      long before = calls(h, "list_allowed_domains");
      Plan p = h.plan(desired).plan();
      assertThat(calls(h, "list_allowed_domains") - before).isEqualTo(1);
      assertThat(p.actions())
          .extracting(Action::id)
          .containsExactlyInAnyOrder(
              "allowed_domains/acme.example#create", "allowed_domains/x.example#delete");
      h.apply(desired);
      JsonNode only = h.items("allowed_domains", "domains").get(0);
      assertThat(only.path("domain").asText()).isEqualTo("acme.example");
    }
  }
}
