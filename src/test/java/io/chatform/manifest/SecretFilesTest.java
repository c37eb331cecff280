package io.chatform.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.model.ApiVersion;
import io.chatform.model.Kind;
import io.chatform.model.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ${file:…}} reads only inside the manifests' root or an allowed directory. */
class SecretFilesTest {
  static final String PLANTED = "planted-outside-content-61f0";

  @TempDir Path tmp;

  private Path write(String name, String text) throws IOException {
    Path p = tmp.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  private static String group(String ref) {
    return "version: 1\ngroups:\n  - name: \"" + ref + "\"\n";
  }

  private static LoadResult load(List<Path> allowed, Path... manifests) {
    return new ManifestLoader(n -> Optional.empty(), allowed)
        .load(List.of(manifests), ApiVersion.V3_6);
  }

  private static Diagnostic only(LoadResult r) {
    assertThat(r.ok()).isFalse();
    assertThat(r.diagnostics()).hasSize(1);
    Diagnostic d = r.diagnostics().get(0);
    assertThat(d.format()).doesNotContain(PLANTED).doesNotContain("Exception");
    return d;
  }

  @Test
  void absolutePathsAndTraversalOutsideTheRootAreRefusedWhereTheyAreWritten() throws Exception {
    Path outside = write("outside/secret.txt", PLANTED);
    for (String ref :
        List.of(
            "${file:" + outside + "}",
            "${file:../outside/secret.txt}",
            "${file:sub/../../outside/secret.txt}",
            "${file:/etc/hostname}",
            "${file:/etc/shadow}",
            "${file:../../../../../../etc/passwd}")) {
      Path m = write("root/m.yaml", group(ref));
      Diagnostic d = only(load(List.of(), m));
      assertThat(d.location()).isEqualTo(new SourceLocation(m.toString(), 3, 11));
      assertThat(d.message())
          .as(ref)
          .isEqualTo(
              ref + " points outside the manifests' directory (" + tmp.resolve("root") + ")");
      assertThat(d.hint()).contains("--allow-secret-dir");
    }
  }

  @Test
  void aSymbolicLinkOutOfTheRootIsRefusedAfterItIsResolved() throws Exception {
    Path outside = write("outside/secret.txt", PLANTED);
    Files.createDirectories(tmp.resolve("root"));
    Files.createSymbolicLink(tmp.resolve("root/link.txt"), outside);
    Files.createSymbolicLink(tmp.resolve("root/dir"), tmp.resolve("outside"));
    for (String ref : List.of("${file:link.txt}", "${file:dir/secret.txt}")) {
      Diagnostic d = only(load(List.of(), write("root/m.yaml", group(ref))));
      assertThat(d.message()).contains("outside the manifests' directory through a symbolic link");
    }
    // A link that stays inside is fine.
    write("root/real.txt", "Inside");
    Files.createSymbolicLink(tmp.resolve("root/inner.txt"), tmp.resolve("root/real.txt"));
    LoadResult ok = load(List.of(), write("root/m.yaml", group("${file:inner.txt}")));
    assertThat(ok.diagnostics()).isEmpty();
  }

  @Test
  void theRootIsTheDirectoryGivenOrTheFilesDirectoryAndAllowedDirectoriesAddToIt()
      throws Exception {
    write("root/shared/name.txt", "Shared");
    Path m = write("root/sub/m.yaml", group("${file:../shared/name.txt}"));
    assertThat(only(load(List.of(), m)).message()).contains("points outside");
    // -f root (the directory) makes root/shared part of the manifests' directory.
    var state = load(List.of(), tmp.resolve("root")).state().orElseThrow();
    assertThat(state.sections().get(Kind.GROUPS).get(0).spec().get("name").asText())
        .isEqualTo("Shared");
    assertThat(state.sections().get(Kind.GROUPS).get(0).address())
        .isEqualTo("groups/${file:../shared/name.txt}");
    // --allow-secret-dir: outside files become readable from that directory only.
    write("vault/name.txt", "Vaulted");
    Path v = write("root/v.yaml", group("${file:../vault/name.txt}"));
    assertThat(load(List.of(tmp.resolve("vault")), v).diagnostics()).isEmpty();
    assertThat(only(load(List.of(tmp.resolve("root/shared")), v)).message())
        .contains("points outside");
  }

  @Test
  void unusableSecretFilesSayNothingAboutTheirContent() throws Exception {
    write("root/binary.bin", PLANTED + "\0" + PLANTED);
    Files.write(tmp.resolve("root/latin1.txt"), new byte[] {'a', (byte) 0xE9, 'b'});
    for (String ref : List.of("${file:binary.bin}", "${file:latin1.txt}")) {
      Diagnostic d = only(load(List.of(), write("root/m.yaml", group(ref))));
      assertThat(d.message())
          .isEqualTo("cannot use " + ref + ": the file is not usable as a secret");
      assertThat(d.format()).doesNotContain("bytes;").doesNotContain("is binary");
      for (int size : new int[] {3, 2 * PLANTED.length() + 1}) {
        assertThat(d.message() + d.hint()).doesNotContain(String.valueOf(size)); // no length
      }
    }
  }
}
