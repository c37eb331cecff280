package io.chatform.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.ApiVersion;
import io.chatform.model.SourceLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile manifests give a bounded, readable list of diagnostics, not gigabytes of output. */
class DiagnosticListTest {
  @TempDir Path dir;

  private static Diagnostic d(int line, String path, String message) {
    return new Diagnostic(new SourceLocation("m.yaml", line, 1), path, message, "");
  }

  @Test
  void repeatsCollapseIntoOneLineWithACount() {
    List<Diagnostic> in = new ArrayList<>();
    for (int i = 0; i < 150_000; i++) {
      in.add(d(6, "agents[0].notifications[" + i + "]", "is not a notification"));
    }
    in.add(d(9, "groups[0].name", "is too long"));
    List<Diagnostic> out = DiagnosticList.finish(in, 0);
    assertThat(out).hasSize(DiagnosticList.MAX_ALIKE + 2);
    assertThat(out.get(DiagnosticList.MAX_ALIKE).format())
        .isEqualTo("m.yaml:6:1: agents[*].notifications[*]: … and 149,997 more like this");
    assertThat(DiagnosticList.problems(out)).isEqualTo(150_001);
  }

  @Test
  void exactDuplicatesShowOnce() {
    List<Diagnostic> in = List.of(d(1, "a", "x"), d(1, "a", "x"), d(1, "a", "x"));
    List<Diagnostic> out = DiagnosticList.finish(in, 0);
    assertThat(out)
        .extracting(Diagnostic::format)
        .containsExactly("m.yaml:1:1: a: x", "m.yaml:1:1: a: … and 2 more like this");
  }

  @Test
  void distinctProblemsAreCappedPerRun() {
    List<Diagnostic> in = new ArrayList<>();
    for (int i = 0; i < 5000; i++) {
      in.add(d(i + 1, "k" + i, "problem " + i));
    }
    List<Diagnostic> out = DiagnosticList.finish(in, 7);
    assertThat(out).hasSize(DiagnosticList.MAX_SHOWN + 1);
    assertThat(out.get(out.size() - 1).message()).isEqualTo("… and 4,007 more problems not shown");
    assertThat(DiagnosticList.problems(out)).isEqualTo(5007);
  }

  @Test
  void valuesAreEscapedAndShortenedAsTheyAreAdded() {
    DiagnosticList list = new DiagnosticList();
    list.add(d(1, "groups[0]\u001b[2J", "duplicate entry '" + "y".repeat(5000) + "\n'"));
    Diagnostic got = list.get(0);
    assertThat(got.path()).isEqualTo("groups[0]\\e[2J");
    assertThat(got.message()).hasSizeLessThan(140).contains("…' (5001 characters)");
    assertThat(got.message()).doesNotContain("\n");
  }

  @Test
  void scalarAliasAmplificationStaysSmall() throws Exception {
    String big = "x".repeat(20_000);
    StringBuilder y = new StringBuilder("version: 1\nx-big: &big \"" + big + "\"\ngroups:\n");
    for (int i = 0; i < 2000; i++) {
      y.append("  - {name: *big, language_code: *big}\n");
    }
    y.append("agents:\n  - id: a@b.c\n    name: A\n    notifications: [");
    y.append(String.join(", ", java.util.Collections.nCopies(20_000, "*big"))).append("]\n");
    Path f = Files.writeString(dir.resolve("bomb.yaml"), y);
    LoadResult r = new ManifestLoader(n -> Optional.empty()).load(List.of(f), ApiVersion.V3_6);
    long chars = r.diagnostics().stream().mapToLong(x -> x.format().length()).sum();
    assertThat(r.ok()).isFalse();
    assertThat(r.diagnostics().size()).isLessThanOrEqualTo(DiagnosticList.MAX_SHOWN + 1);
    assertThat(chars).as("diagnostic text").isLessThan(200_000);
    assertThat(r.diagnostics()).allSatisfy(x -> assertThat(x.format()).hasSizeLessThan(1500));
  }
}
