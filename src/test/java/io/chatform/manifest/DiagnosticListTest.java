package io.chatform.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.ApiVersion;
import io.chatform.model.SourceLocation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
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

  private static List<Diagnostic> finish(DiagnosticList list) {
    List<Diagnostic> sorted = new ArrayList<>(list);
    sorted.sort(java.util.Comparator.comparingInt(x -> x.location().line()));
    return list.finish(sorted);
  }

  @Test
  void repeatsCollapseIntoOneLineWithACount() {
    DiagnosticList list = new DiagnosticList();
    for (int i = 0; i < 150_000; i++) {
      list.add(d(6, "agents[0].notifications[" + i + "]", "is not a notification"));
    }
    list.add(d(9, "groups[0].name", "is too long"));
    assertThat(list).hasSize(DiagnosticList.MAX_ALIKE + 1); // repeats are only counted
    List<Diagnostic> out = finish(list);
    assertThat(out).hasSize(DiagnosticList.MAX_ALIKE + 2);
    assertThat(out.get(DiagnosticList.MAX_ALIKE).format())
        .isEqualTo("m.yaml:6:1: agents[*].notifications[*]: … and 149,997 more like this");
    assertThat(out.get(DiagnosticList.MAX_ALIKE + 1).format())
        .isEqualTo("m.yaml:9:1: groups[0].name: is too long");
    assertThat(DiagnosticList.problems(out)).isEqualTo(150_001);
  }

  @Test
  void exactDuplicatesShowOnce() {
    DiagnosticList list = new DiagnosticList();
    List.of(d(1, "a", "x"), d(1, "a", "x"), d(1, "a", "x")).forEach(list::add);
    assertThat(finish(list))
        .extracting(Diagnostic::format)
        .containsExactly("m.yaml:1:1: a: x", "m.yaml:1:1: a: … and 2 more like this");
  }

  @Test
  void fewAlikeProblemsAreAllShown() {
    DiagnosticList list = new DiagnosticList();
    list.add(d(1, "agents[0].max_chats_count", "is more than 20"));
    list.add(d(4, "agents[1].max_chats_count", "is more than 20"));
    assertThat(finish(list)).hasSize(2);
  }

  @Test
  void distinctProblemsAreCappedPerRun() {
    DiagnosticList list = new DiagnosticList();
    for (int i = 0; i < DiagnosticList.MAX_KEPT + 7; i++) {
      list.add(d(i + 1, "k" + i, "problem " + i));
    }
    assertThat(list).hasSize(DiagnosticList.MAX_KEPT);
    List<Diagnostic> out = finish(list);
    assertThat(out).hasSize(DiagnosticList.MAX_SHOWN + 1);
    assertThat(out.get(out.size() - 1).message()).isEqualTo("… and 19,007 more problems not shown");
    assertThat(DiagnosticList.problems(out)).isEqualTo(DiagnosticList.MAX_KEPT + 7);
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
    String big = "x".repeat(100);
    StringBuilder y = new StringBuilder("version: 1\nx-big: &big \"" + big + "\"\ngroups:\n");
    for (int i = 0; i < 2000; i++) {
      y.append("  - {name: *big, language_code: *big}\n");
    }
    y.append("agents:\n  - id: a@b.c\n    name: A\n    notifications: [");
    y.append(String.join(", ", Collections.nCopies(20_000, "*big"))).append("]\n");
    Path f = Files.writeString(dir.resolve("bomb.yaml"), y);
    LoadResult r = new ManifestLoader(n -> Optional.empty()).load(List.of(f), ApiVersion.V3_6);
    long chars = r.diagnostics().stream().mapToLong(x -> x.format().length()).sum();
    assertThat(r.ok()).isFalse();
    assertThat(r.diagnostics().size()).isLessThan(30);
    assertThat(chars).as("diagnostic text").isLessThan(10_000);
    assertThat(r.diagnostics()).anySatisfy(x -> assertThat(x.message()).contains("more like this"));
  }

  @Test
  void aliasesToALargeScalarAreRefusedAtOnce() throws Exception {
    String big = "x".repeat(1_000_000);
    String aliases = String.join(", ", Collections.nCopies(150_000, "*big"));
    Path f =
        Files.writeString(
            dir.resolve("huge.yaml"),
            "version: 1\nx-big: &big \""
                + big
                + "\"\nagents:\n  - notifications: ["
                + aliases
                + "]\n");
    LoadResult r = new ManifestLoader(n -> Optional.empty()).load(List.of(f), ApiVersion.V3_6);
    assertThat(r.diagnostics()).hasSize(1);
    assertThat(r.diagnostics().get(0).format())
        .contains("huge.yaml:2:8:") // the repeated value itself
        .contains("characters of values (after expanding aliases)");
  }
}
