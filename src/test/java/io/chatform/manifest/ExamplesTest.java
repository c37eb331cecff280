package io.chatform.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.ApiVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExamplesTest {
  static final Map<String, String> ENV =
      Map.of("LC_WEBHOOK_SECRET", "example-secret-value", "CHATFORM_EXAMPLE_EMPTY", "");
  private final ManifestLoader loader = new ManifestLoader(n -> Optional.ofNullable(ENV.get(n)));

  @ParameterizedTest
  @ValueSource(strings = {"examples/starter", "examples/full", "examples/acme"})
  void everyValidExampleValidates(String dir) {
    LoadResult r = loader.load(List.of(Path.of(dir)), ApiVersion.V3_6);
    assertThat(r.diagnostics()).extracting(Diagnostic::format).isEmpty();
    assertThat(r.ok()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"full", "acme"})
  void previewExamplesValidateWithTheirBaseOn37Only(String base) {
    List<Path> paths = List.of(Path.of("examples", base), Path.of("examples", base + "-3.7"));
    LoadResult r = loader.load(paths, ApiVersion.V3_7);
    assertThat(r.diagnostics()).extracting(Diagnostic::format).isEmpty();
    assertThat(loader.load(paths, ApiVersion.V3_6).diagnostics())
        .extracting(Diagnostic::format)
        .isNotEmpty()
        .allMatch(d -> d.contains("exist only from API 3.7"));
  }

  @Test
  void starterNeedsNoEnvironment() {
    LoadResult r =
        new ManifestLoader(n -> Optional.empty())
            .load(List.of(Path.of("examples/starter")), ApiVersion.V3_6);
    assertThat(r.ok()).isTrue();
  }

  @Test
  void acmeIsRealistic() {
    var state = loader.load(List.of(Path.of("examples/acme")), ApiVersion.V3_6).state().get();
    assertThat(state.sections().get(io.chatform.model.Kind.AGENTS)).hasSizeGreaterThanOrEqualTo(50);
    assertThat(state.sections().get(io.chatform.model.Kind.GROUPS)).hasSize(10);
  }

  static Stream<Path> invalidExamples() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("examples/invalid"))) {
      return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest
  @MethodSource("invalidExamples")
  void everyInvalidExampleYieldsExactlyItsExpectedDiagnostics(Path yaml) throws IOException {
    Path expected = Path.of(yaml.toString().replaceAll("\\.yaml$", ".expected"));
    assertThat(expected).exists();
    List<String> want =
        Files.readAllLines(expected, StandardCharsets.UTF_8).stream()
            .filter(l -> !l.isBlank())
            .toList();
    // As `chatform validate` reads them: references are checked for shape only, unless the
    // example's .args file says --resolve (as for the unset variable and the missing file).
    Path args = Path.of(yaml.toString().replaceAll("\\.yaml$", ".args"));
    boolean resolve = Files.exists(args) && Files.readString(args).contains("--resolve");
    LoadResult r =
        new ManifestLoader(
                n -> Optional.ofNullable(ENV.get(n)),
                resolve ? SecretMode.RESOLVE : SecretMode.SHAPE,
                Map.of())
            .load(List.of(yaml), ApiVersion.V3_6);
    assertThat(r.ok()).isFalse();
    assertThat(r.state()).isEmpty();
    assertThat(r.diagnostics()).extracting(Diagnostic::format).containsExactlyElementsOf(want);
  }

  @Test
  void everyExampleCarriesTheSchemaComment() throws IOException {
    try (Stream<Path> files = Files.walk(Path.of("examples"))) {
      for (Path p : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
        // The path from the file's directory up to the repository root (examples/accounts/base/
        // is a level deeper than examples/starter/).
        String up = "../".repeat(p.getNameCount() - 1);
        assertThat(Files.readAllLines(p).get(0))
            .as(p.toString())
            .isEqualTo(
                "# yaml-language-server: $schema=" + up + "schemas/chatform-manifest.schema.json");
      }
    }
  }
}
