package io.chatform.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every example applies to an empty account, after which a fresh plan has nothing to do. */
class ExamplesApplyIT {
  @TempDir Path tmp;

  /**
   * The example as written, except that {@code full} declares a bot {@code type} and greetings,
   * which exist only from 3.6: for 3.5 the same manifest without them (acme: {@link Harness#acme}).
   */
  private Path exampleFor(String example, ApiVersion v) {
    Path dir = Path.of("examples", example);
    if (!example.equals("full") || v.atLeast(ApiVersion.V3_6)) {
      return dir;
    }
    try {
      String text = Files.readString(dir.resolve("chatform.yaml"));
      String without = text.replace("    type: chatbot\n", "");
      assertThat(without).isNotEqualTo(text);
      // greetings (3.6+) are the file's last section
      int greetings = without.indexOf("\ngreetings:\n");
      assertThat(greetings).isPositive();
      without = without.substring(0, greetings + 1);
      Path copy = tmp.resolve("full-3.5.yaml");
      Files.writeString(copy, without);
      return copy;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0} on v{1}")
  @CsvSource({"starter,3.6", "full,3.6", "acme,3.6", "starter,3.5", "full,3.5", "acme,3.5"})
  void appliesFromEmptyThenPlansNoChanges(String example, String version) {
    ApiVersion v = ApiVersion.fromLabel(version).orElseThrow();
    try (Harness h = Harness.start(v, tmp)) {
      DesiredState desired = example.equals("acme") ? h.acme() : h.load(exampleFor(example, v));
      ApplyReport report = h.apply(desired);
      assertThat(report.count(Outcome.DONE)).isEqualTo(report.results().size()).isPositive();
      h.assertConverged(desired);
      // Every desired group, agent and rule exists exactly once.
      desired
          .section(io.chatform.model.Kind.GROUPS)
          .ifPresent(
              gs ->
                  gs.forEach(
                      g ->
                          assertThat(
                                  h.items("groups", "groups").stream()
                                      .filter(
                                          n ->
                                              n.path("name")
                                                  .asText()
                                                  .equals(g.spec().path("name").asText())))
                              .hasSize(1)));
      desired
          .section(io.chatform.model.Kind.AUTO_ACCESS)
          .ifPresent(rs -> assertThat(h.items("auto_access", "rules")).hasSize(rs.size()));
    }
  }

  /** The 3.7 preview kinds beside full and acme apply with them on 3.7, then plan no changes. */
  @ParameterizedTest(name = "{0} with {0}-3.7 on v3.7")
  @org.junit.jupiter.params.provider.ValueSource(strings = {"full", "acme"})
  void previewExamplesApplyWithTheirBaseOn37(String example) {
    try (Harness h = Harness.start(ApiVersion.V3_7, tmp)) {
      DesiredState desired =
          h.load(Path.of("examples", example), Path.of("examples", example + "-3.7"));
      ApplyReport report = h.apply(desired);
      assertThat(report.count(Outcome.DONE)).isEqualTo(report.results().size()).isPositive();
      h.assertConverged(desired);
      int responses = desired.section(io.chatform.model.Kind.CANNED_RESPONSES).orElseThrow().size();
      assertThat(h.items("canned_responses", "canned_responses")).hasSize(responses).isNotEmpty();
      int domains = desired.section(io.chatform.model.Kind.ALLOWED_DOMAINS).orElseThrow().size();
      assertThat(h.items("allowed_domains", "domains")).hasSize(domains).isNotEmpty();
    }
  }
}
