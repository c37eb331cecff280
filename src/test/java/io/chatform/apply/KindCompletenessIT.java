package io.chatform.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.bench.Floor;
import io.chatform.kinds.Creator;
import io.chatform.kinds.Exporter;
import io.chatform.kinds.Kinds;
import io.chatform.kinds.LiveObject;
import io.chatform.kinds.LiveReader;
import io.chatform.kinds.LiveState;
import io.chatform.kinds.ResourceKind;
import io.chatform.kinds.Updater;
import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import io.chatform.model.Policy;
import io.chatform.model.Reference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every registered kind has every piece the recipe "adding a kind" asks for (docs/architecture.md):
 * its class in the registry, writer abilities, its schema sections, example coverage, and an
 * emulator that answers its list calls so it is listed, shaped and exported. A forgotten piece is a
 * red build, not a silent bug.
 */
class KindCompletenessIT {
  @TempDir Path tmp;

  /**
   * examples/full and the 3.7 preview kinds kept beside it (so examples/full stays valid on 3.6),
   * read on the emulator's 3.7, which has every kind.
   */
  private static final Path[] FULL = {Path.of("examples/full"), Path.of("examples/full-3.7")};

  @Test
  void everyKindIsRegisteredUnderItsSection() {
    for (Kind k : Kind.values()) {
      assertThat(Kinds.of(k)).as(k + " registered").isNotNull();
      assertThat(Kinds.of(k.section())).as(k.section()).containsSame(Kinds.of(k));
      assertThat(Kinds.of(k).identityFields()).as(k + " identity").isNotEmpty();
    }
    assertThat(Kinds.all()).hasSize(Kind.values().length);
  }

  @Test
  void everyKindCanBeWrittenAndIsReplacedWhenItCannotBeUpdated() {
    for (ResourceKind k : Kinds.all()) {
      assertThat(k).as(k.section() + " creates").isInstanceOf(Creator.class);
      if (!(k instanceof Updater)) {
        assertThat(k.replaces("any field")).as(k.section() + " is replaced on change").isTrue();
      }
    }
  }

  @Test
  void referencesNameRegisteredKindsThatComeFirst() {
    for (ResourceKind k : Kinds.all()) {
      for (Reference r : k.references()) {
        Kind target = Kind.fromSection(r.section()).orElseThrow();
        assertThat(target.ordinal())
            .as(k.section() + " names " + r.section() + ", which must come before it")
            .isLessThan(k.kind().ordinal());
      }
    }
  }

  @Test
  void everyKindHasItsManifestSchemaSectionAndPlanKind() throws IOException {
    JsonNode manifest =
        Json.MAPPER.readTree(Path.of("schemas/chatform-manifest.schema.json").toFile());
    JsonNode plan = Json.MAPPER.readTree(Path.of("schemas/plan.schema.json").toFile());
    List<String> planKinds = new ArrayList<>();
    plan.findValues("kind").stream()
        .filter(n -> n.has("enum"))
        .forEach(n -> n.get("enum").forEach(e -> planKinds.add(e.asText())));
    for (ResourceKind k : Kinds.all()) {
      assertThat(manifest.path("properties").has(k.section()))
          .as(k.section() + " in chatform-manifest.schema.json")
          .isTrue();
      assertThat(planKinds).as("plan.schema.json kind enum").contains(k.section());
    }
  }

  @Test
  void everyKindIsListedShapedAndExportedFromTheFullExample() throws IOException {
    assertThat(Files.isDirectory(Path.of("examples/full"))).isTrue();
    try (Harness h = Harness.start(ApiVersion.V3_7, tmp)) {
      DesiredState desired = h.load(FULL);
      for (ResourceKind k : Kinds.all()) {
        assertThat(desired.manages(k.kind())).as(k.section() + " in examples/full").isTrue();
        assertThat(desired.section(k.kind()).orElseThrow())
            .as(k.section() + " objects in examples/full")
            .isNotEmpty();
      }
      h.apply(desired);
      LiveState live = h.plan(desired).snapshot().state();
      JsonNode exported = Exporter.document(live);
      for (ResourceKind k : Kinds.all()) {
        List<LiveObject> listed = live.of(k.kind());
        assertThat(listed).as(k.section() + " listed by the emulator").isNotEmpty();
        for (var want : desired.section(k.kind()).orElseThrow()) {
          assertThat(listed)
              .as(k.section() + ": " + want.address() + " shaped back to its identity")
              .anyMatch(o -> o.identity().equals(want.identity()));
        }
        assertThat(exported.has(k.section())).as(k.section() + " exported").isTrue();
      }
    }
  }

  @Test
  void everyKindIsListedWithTheCallsItsScopeAndReferencesSay() {
    try (Harness h = Harness.start(ApiVersion.V3_7, tmp)) {
      DesiredState full = h.load(FULL);
      for (ResourceKind k : Kinds.all()) {
        DesiredState only =
            new DesiredState(
                Policy.DEFAULT, Map.of(k.kind(), full.section(k.kind()).orElseThrow()), "h");
        h.emulator.statsCounters().reset();
        new LiveReader(h.client).read(only);
        assertThat(h.emulator.statsCounters().total())
            .as(k.section() + ": list calls, as bench Floor counts them from the kind's facts")
            .isEqualTo(Floor.readCalls(only))
            .isPositive();
      }
    }
  }

  @Test
  void perAppKindsAreListedOncePerAppAndTheRestOnce() {
    try (Harness h = Harness.start(ApiVersion.V3_7, tmp)) {
      Set<String> owners = Set.of(Harness.CLIENT_ID, "0123456789abcdef0123456789abcdef");
      for (ResourceKind k : Kinds.all()) {
        long expected = 0;
        for (Kind read : Kinds.withReferenced(EnumSet.of(k.kind()))) {
          expected += Kinds.of(read).listedPerApp() ? owners.size() : 1;
        }
        h.emulator.statsCounters().reset();
        new LiveReader(h.client).read(EnumSet.of(k.kind()), owners);
        assertThat(h.emulator.statsCounters().total())
            .as(k.section() + ": list calls for 2 apps (its scope " + k.scope() + ")")
            .isEqualTo(expected);
      }
    }
  }
}
