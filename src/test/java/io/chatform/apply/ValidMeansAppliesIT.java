package io.chatform.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.manifest.LoadResult;
import io.chatform.manifest.ManifestLoader;
import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import io.chatform.plan.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

/**
 * "Valid" means it will apply: for manifests generated from the schema's domains (edges and
 * mistakes included, see {@link ManifestGenerator}), whenever validate accepts one, applying it to
 * an empty emulated account succeeds and a fresh plan says "No changes.". Bounded: 200 tries on one
 * emulator whose state is reset between tries.
 */
class ValidMeansAppliesIT {
  private static Path dir;
  private static Harness v36;
  private static Harness v35;
  private static JsonNode empty;

  @BeforeContainer
  static void start() throws IOException {
    dir = Files.createTempDirectory("valid-applies");
    v36 = Harness.start(ApiVersion.V3_6, dir);
    v35 = Harness.start(ApiVersion.V3_5, dir);
    empty = v36.state().deepCopy();
  }

  @AfterContainer
  static void stop() {
    v36.close();
    v35.close();
  }

  @Property(tries = 200, seed = "1313")
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void whatValidatesApplies(@ForAll long seed) throws IOException {
    check(v36, seed);
  }

  /** The limits differ by version (bot type only from 3.6, for one): 3.5 too, fewer tries. */
  @Property(tries = 100, seed = "1335")
  @StatisticsReport(StatisticsReport.StatisticsReportMode.OFF)
  void whatValidatesAppliesOn35(@ForAll long seed) throws IOException {
    check(v35, seed);
  }

  private static void check(Harness harness, long seed) throws IOException {
    String yaml = new ManifestGenerator(seed).manifest();
    Path f = dir.resolve("m.yaml");
    Files.writeString(f, yaml);
    LoadResult r =
        new ManifestLoader(n -> Optional.ofNullable(Harness.ENV.get(n)))
            .load(List.of(f), harness.version);
    Statistics.label("validate").collect(r.ok() ? "accepted" : "refused");
    // Not vacuous: a good share of the generated manifests must be valid (and so applied).
    Statistics.label("validate").coverage(c -> c.check("accepted").percentage(pct -> pct >= 20));
    if (!r.ok()) {
      assertThat(r.diagnostics()).isNotEmpty();
      return;
    }
    harness.emulator.replaceState(empty);
    DesiredState desired = r.state().orElseThrow();
    Harness.Planned p = harness.plan(desired);
    ApplyReport report = harness.execute(p);
    assertThat(report.incomplete()).as("apply of\n%s\n%s", yaml, report.text()).isFalse();
    Plan again = harness.plan(desired).plan();
    assertThat(again.summary())
        .as("re-plan of\n%s\n%s", yaml, again.actions())
        .isEqualTo("No changes.");
  }
}
