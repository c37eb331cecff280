package io.chatform.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.ApiVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostileInputTest {
  @TempDir Path dir;
  private final ManifestLoader loader = new ManifestLoader(n -> Optional.empty());

  private String only(Path f) {
    LoadResult r = loader.load(List.of(f), ApiVersion.V3_6);
    assertThat(r.diagnostics()).hasSize(1);
    return r.diagnostics().get(0).format();
  }

  @Test
  void deepNestingIsRefused() throws IOException {
    Path f =
        Files.writeString(
            dir.resolve("d.yaml"), "version: 1\nx: " + "[".repeat(3000) + "]".repeat(3000));
    assertThat(only(f)).contains("YAML could not be read").contains("nest at most");
  }

  @Test
  void hugeFileIsRefusedBeforeParsing() throws IOException {
    Path f = dir.resolve("h.yaml");
    Files.write(f, new byte[ManifestFiles.MAX_BYTES + 1]);
    assertThat(only(f)).contains("file is too large");
  }

  @Test
  void binaryFileIsRefused() throws IOException {
    Path f = Files.write(dir.resolve("b.yaml"), new byte[] {'a', 0, 'b', (byte) 0xff});
    assertThat(only(f)).isEqualTo(f + ":1:1: file is binary, not YAML text (check the path)");
  }

  @Test
  void invalidUtf8IsRefused() throws IOException {
    Path f = Files.write(dir.resolve("u.yaml"), new byte[] {'a', (byte) 0xc3, '('});
    assertThat(only(f)).contains("file is not UTF-8 text");
  }

  @Test
  void aliasBombIsRefused() throws IOException {
    StringBuilder b = new StringBuilder("version: 1\nx0: &x0 [a, b]\n");
    for (int i = 1; i < 80; i++) {
      b.append("x")
          .append(i)
          .append(": &x")
          .append(i)
          .append(" [*x")
          .append(i - 1)
          .append(", *x")
          .append(i - 1)
          .append("]\n");
    }
    Path f = Files.writeString(dir.resolve("a.yaml"), b);
    assertThat(only(f)).contains("aliases");
  }
}
