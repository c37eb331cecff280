package io.chatform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.kinds.LiveReader;
import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import io.chatform.model.Kind;
import io.chatform.model.Resource;
import io.chatform.model.WebhookActions;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LargeAccountTest {
  // More webhooks than one Client ID can hold (3 per action), so the spread is exercised.
  private static final LargeAccount.Sizes SMALL = new LargeAccount.Sizes(60, 7, 13, 250);

  @ParameterizedTest
  @EnumSource(ApiVersion.class)
  void generatedManifestsLoadWithoutDiagnosticsAndWithTheRequestedCounts(
      ApiVersion version, @TempDir Path dir) throws Exception {
    new LargeAccount(SMALL, version).write(dir);

    DesiredState state =
        Workloads.load(List.of(dir), version, name -> Optional.of("test-secret-" + name));

    assertThat(state.section(Kind.AGENTS).orElseThrow()).hasSize(60);
    assertThat(state.section(Kind.GROUPS).orElseThrow()).hasSize(7);
    assertThat(state.section(Kind.AUTO_ACCESS).orElseThrow()).hasSize(13);
    assertThat(state.section(Kind.WEBHOOKS).orElseThrow()).hasSize(250);
    Resource hook = state.section(Kind.WEBHOOKS).orElseThrow().get(0);
    assertThat(hook.spec().get("secret_key").asText()).isEqualTo("test-secret-LC_WEBHOOK_SECRET");
    assertThat(hook.sensitive()).containsKey("/secret_key");
  }

  @ParameterizedTest
  @EnumSource(ApiVersion.class)
  void webhooksStayWithinThreePerActionPerClientIdAndUseTheVersionsActions(ApiVersion version) {
    var manifest = new LargeAccount(new LargeAccount.Sizes(1, 1, 0, 300), version).manifest();
    Map<String, Integer> perSlot = new HashMap<>();
    Set<String> urls = new HashSet<>();
    Set<String> owners = new HashSet<>();
    manifest
        .get("webhooks")
        .forEach(
            w -> {
              assertThat(WebhookActions.forVersion(version)).contains(w.get("action").asText());
              assertThat(w.get("owner_client_id").asText()).matches("[0-9a-f]{32}");
              owners.add(w.get("owner_client_id").asText());
              urls.add(w.get("url").asText());
              perSlot.merge(
                  w.get("owner_client_id").asText() + "/" + w.get("action").asText(),
                  1,
                  Integer::sum);
            });
    assertThat(perSlot.values()).allMatch(n -> n <= LargeAccount.WEBHOOKS_PER_ACTION);
    assertThat(urls).hasSize(300);
    int perClient = LargeAccount.WEBHOOKS_PER_ACTION * WebhookActions.forVersion(version).size();
    assertThat(owners).hasSize((300 + perClient - 1) / perClient);
  }

  @Test
  void everyMembershipAndRuleNamesAGeneratedGroup() {
    var manifest = new LargeAccount(new LargeAccount.Sizes(400, 30, 90, 0), ApiVersion.V3_6);
    var root = manifest.manifest();
    Set<String> groups = new HashSet<>();
    root.get("groups").forEach(g -> groups.add(g.get("name").asText()));
    assertThat(groups).hasSize(30);
    Set<String> used = new HashSet<>();
    root.get("agents")
        .forEach(a -> a.get("groups").forEach(m -> used.add(m.get("group").asText())));
    root.get("auto_access").forEach(r -> r.get("groups").forEach(g -> used.add(g.asText())));
    assertThat(groups).containsAll(used);
    assertThat(used).as("memberships spread over every group").isEqualTo(groups);
    Set<String> ids = new HashSet<>();
    root.get("agents").forEach(a -> ids.add(a.get("id").asText()));
    assertThat(ids).hasSize(400);
    List<String> descriptions =
        root.findValuesAsText("description").stream()
            .filter(d -> d.startsWith("Rule "))
            .collect(Collectors.toList());
    assertThat(new HashSet<>(descriptions)).hasSize(90);
  }

  @Test
  void theDefaultAccountHasTagsEverywhereAndCannedResponsesOnlyOn37() {
    LargeAccount.Sizes d = LargeAccount.Sizes.DEFAULT;
    assertThat(d.tags()).isEqualTo(200);
    assertThat(d.cannedResponses()).isEqualTo(1_000);
    assertThat(d.greetings()).isEqualTo(100);
    LargeAccount.Sizes sizes = new LargeAccount.Sizes(10, 5, 0, 0, 200, 1_000, 100);
    DesiredState v37 = Workloads.large(sizes, ApiVersion.V3_7);
    assertThat(v37.section(Kind.TAGS).orElseThrow()).hasSize(200);
    assertThat(v37.section(Kind.CANNED_RESPONSES).orElseThrow()).hasSize(1_000);
    DesiredState v36 = Workloads.large(sizes, ApiVersion.V3_6);
    assertThat(v36.section(Kind.TAGS).orElseThrow()).hasSize(200);
    assertThat(v36.manages(Kind.CANNED_RESPONSES)).isFalse();
    assertThat(v36.section(Kind.GREETINGS).orElseThrow()).hasSize(100);
    assertThat(v37.section(Kind.GREETINGS).orElseThrow()).hasSize(100);
    DesiredState v35 = Workloads.large(sizes, ApiVersion.V3_5);
    assertThat(v35.manages(Kind.GREETINGS)).isFalse();
  }

  @Test
  void aSeeded37SnapshotTakesOneCallPerPageOfEachKindAllInParallel() {
    // 1,001 responses: two pages of canned responses; 101 greetings: two pages; one of the rest.
    LargeAccount.Sizes sizes = new LargeAccount.Sizes(20, 5, 4, 0, 200, 1_001, 101);
    DesiredState desired = Workloads.large(sizes, ApiVersion.V3_7);
    BenchSettings settings = new BenchSettings(0, 16, 50, 100_000, ApiVersion.V3_7);
    try (Session s = new Session(settings)) {
      LiveReader.Snapshot empty = s.read(desired);
      s.execute(s.plan(desired, empty), s.runner(empty));
      s.emulator.resetStats();
      LiveReader.Snapshot seeded = s.read(desired);
      long calls = s.emulator.statsCounters().total();
      assertThat(s.plan(desired, seeded).hasChanges()).isFalse();
      // groups, agents, auto access, tags, 2 pages of greetings and 2 of canned responses
      assertThat(Floor.readCalls(desired)).isEqualTo(1 + 1 + 1 + 1 + 2 + 2);
      assertThat(calls).isEqualTo(Floor.readCalls(desired));
      assertThat(calls).as("one round trip at parallelism 16").isLessThanOrEqualTo(16);
    }
  }
}
