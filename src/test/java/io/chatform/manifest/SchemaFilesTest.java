package io.chatform.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The schemas editors read (schemas/) and the copies the tool loads must be the same bytes. */
class SchemaFilesTest {
  @ParameterizedTest
  @ValueSource(strings = {"chatform-manifest.schema.json", "diagnostics.schema.json"})
  void classpathCopyEqualsTheTopLevelSchema(String name) throws IOException {
    byte[] top = Files.readAllBytes(Path.of("schemas", name));
    try (InputStream in = getClass().getResourceAsStream("/io/chatform/schemas/" + name)) {
      assertThat(in).as("classpath copy of " + name).isNotNull();
      assertThat(in.readAllBytes())
          .as(
              "src/main/resources/io/chatform/schemas/"
                  + name
                  + " differs from schemas/"
                  + name
                  + "; copy schemas/ over it")
          .isEqualTo(top);
    }
  }
}
