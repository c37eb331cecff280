package io.chatform.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.chatform.model.ApiVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

/**
 * Variables reach the loader as text (CHATFORM_VAR_*): the text form of every value reads back as
 * the same typed value, and a string variable interpolated into text is that text exactly.
 */
class VariablesProperties {
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  @Property(tries = 300)
  void stringsRoundTripThroughTheirTextForm(@ForAll String s) {
    JsonNode v = F.textNode(s);
    assertThat(Variables.parse(Variables.encode(v))).isEqualTo(v);
  }

  @Property(tries = 200)
  void numbersAndBooleansRoundTrip(@ForAll long n, @ForAll boolean b) {
    JsonNode number = Variables.parse(Long.toString(n));
    assertThat(number.isIntegralNumber()).isTrue();
    assertThat(number.asLong()).isEqualTo(n);
    assertThat(Variables.parse(Variables.encode(number))).isEqualTo(number);
    assertThat(Variables.parse(Variables.encode(F.booleanNode(b)))).isEqualTo(F.booleanNode(b));
  }

  @Property(tries = 40)
  void aStringVariableIsInterpolatedVerbatim(
      @ForAll @AlphaChars @NumericChars @StringLength(min = 1, max = 30) String value)
      throws Exception {
    Path dir = Files.createTempDirectory("vars");
    try {
      Path m =
          Files.writeString(
              dir.resolve("m.yaml"),
              "version: 1\ngroups:\n  - {name: \"Team ${var:v}!\", language_code: en}\n");
      Map<String, String> env =
          Map.of(Variables.ENV_PREFIX + "v", Variables.encode(F.textNode(value)));
      LoadResult r =
          new ManifestLoader(n -> Optional.empty())
              .withVariables(Variables.fromEnv(env))
              .load(List.of(m), ApiVersion.V3_6);
      assertThat(r.diagnostics()).isEmpty();
      assertThat(
              r.state()
                  .orElseThrow()
                  .sections()
                  .get(io.chatform.model.Kind.GROUPS)
                  .get(0)
                  .spec()
                  .get("name")
                  .asText())
          .isEqualTo("Team " + value + "!");
    } finally {
      try (var walk = Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
