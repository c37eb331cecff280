package io.chatform.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;

/** The YAML 1.2 core schema's plain scalars, typed with and without the regex short cut. */
class CoreSchemaResolverTest {
  private final CoreSchemaResolver resolver = new CoreSchemaResolver();

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "true|bool",
        "False|bool",
        "NO|str",
        "yes|str",
        "on|str",
        "17:00|str",
        "12|int",
        "-3|int",
        "0x1F|int",
        "0o17|int",
        ".5|float",
        "1e3|float",
        ".inf|float",
        ".NaN|float",
        "~|null",
        "null|null",
        "NULL|null",
        "nope|str",
        "agent@x.io|str",
        "General|str",
        "+|str",
        "tr|str"
      })
  void plainScalars(String value, String tag) {
    assertThat(resolver.resolve(NodeId.scalar, value, true)).isEqualTo(new Tag(Tag.PREFIX + tag));
  }

  @Test
  void emptyIsNullAndQuotedIsAlwaysAString() {
    assertThat(resolver.resolve(NodeId.scalar, "", true)).isEqualTo(Tag.NULL);
    assertThat(resolver.resolve(NodeId.scalar, "true", false)).isEqualTo(Tag.STR);
    assertThat(resolver.resolve(NodeId.scalar, "abc", false)).isEqualTo(Tag.STR);
  }
}
