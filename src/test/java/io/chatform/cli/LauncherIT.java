package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./chatform} launcher's class-data-sharing archive: created on the first run, reused,
 * recreated after a rebuild of the jar, and never an error or a line of output when it is missing,
 * stale, corrupt or cannot be written. Runs the real script on a copy of the built jar.
 */
class LauncherIT {
  @TempDir Path home;
  private Path jar;
  private Path cds;

  private record Run(int code, String out, String err) {}

  @BeforeEach
  void copyLauncherAndJar() throws IOException {
    Files.copy(Path.of("chatform"), home.resolve("chatform"));
    home.resolve("chatform").toFile().setExecutable(true);
    jar = Files.createDirectories(home.resolve("target")).resolve("chatform.jar");
    Files.copy(Path.of("target", "chatform.jar"), jar);
    cds = home.resolve("cds");
  }

  private Run run(Map<String, String> env, String... args) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
            Stream.concat(Stream.of(home.resolve("chatform").toString()), Stream.of(args))
                .toList());
    pb.environment().put("CHATFORM_CDS_DIR", cds.toString());
    pb.environment().remove("CHATFORM_JAVA_OPTS");
    pb.environment().putAll(env);
    pb.redirectOutput(home.resolve("out.txt").toFile());
    pb.redirectError(home.resolve("err.txt").toFile());
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("launcher finished").isTrue();
    return new Run(
        p.exitValue(),
        Files.readString(home.resolve("out.txt"), StandardCharsets.UTF_8),
        Files.readString(home.resolve("err.txt"), StandardCharsets.UTF_8));
  }

  private Run run(String... args) throws Exception {
    return run(Map.of(), args);
  }

  private List<String> archives() throws IOException {
    if (!Files.isDirectory(cds)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(cds)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private static void assertCleanVersion(Run r) {
    assertThat(r.code()).isZero();
    assertThat(r.out()).matches("chatform \\S+\\R");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void missingArchiveIsCreatedThenReused() throws Exception {
    assertThat(archives()).isEmpty();
    assertCleanVersion(run("--version"));
    List<String> first = archives();
    assertThat(first).singleElement().asString().startsWith("chatform-").endsWith("-other.jsa");
    FileTime made = Files.getLastModifiedTime(cds.resolve(first.get(0)));
    assertCleanVersion(run("--version"));
    assertThat(archives()).isEqualTo(first);
    assertThat(Files.getLastModifiedTime(cds.resolve(first.get(0)))).isEqualTo(made);
  }

  @Test
  void rebuiltJarMakesTheArchiveStaleAndItIsRecreated() throws Exception {
    assertCleanVersion(run("--version"));
    List<String> before = archives();
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(3600)));
    assertCleanVersion(run("--version"));
    List<String> after = archives();
    assertThat(after).hasSize(1).doesNotContainAnyElementsOf(before);
  }

  @Test
  void corruptArchiveIsNeverAnError() throws Exception {
    assertCleanVersion(run("--version"));
    Path archive = cds.resolve(archives().get(0));
    Files.delete(archive);
    Files.writeString(archive, "not an archive");
    assertCleanVersion(run("--version"));
  }

  @Test
  void archiveOfAnotherBuildUnderTheRightNameIsNeverAnError() throws Exception {
    FileTime built = Files.getLastModifiedTime(jar);
    assertCleanVersion(run("--version"));
    String name = archives().get(0);
    Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(7200)));
    assertCleanVersion(run("--version"));
    Path other = cds.resolve(archives().get(0));
    Files.setLastModifiedTime(jar, built);
    Files.move(other, cds.resolve(name));
    // The JVM rejects it (the jar's mtime differs from the recorded one) and says so on stdout
    // unless the launcher silences the cds log.
    assertCleanVersion(run("--version"));
  }

  @Test
  void unwritableArchiveDirectoryIsNeverAnError() throws Exception {
    Files.writeString(cds, "a file where the directory should be");
    assertCleanVersion(run("--version"));
    assertThat(Files.readString(cds)).startsWith("a file");
  }

  @Test
  void recordingRunKeepsTheCommandsExitCodeAndOutput() throws Exception {
    Path bad = home.resolve("bad.yaml");
    Files.writeString(bad, "version: 1\nagents:\n  - id: a@b.example\n    nmae: A\n");
    Run first = run("validate", "-f", bad.toString());
    Run second = run("validate", "-f", bad.toString());
    assertThat(first.code()).isEqualTo(1);
    assertThat(second).isEqualTo(first);
    assertThat(first.err()).contains("bad.yaml:4:5");
    assertThat(archives()).singleElement().asString().endsWith("-validate.jsa");
  }

  @Test
  void switchedOffMeansNoArchive() throws Exception {
    assertCleanVersion(run(Map.of("CHATFORM_CDS", "0"), "--version"));
    assertThat(archives()).isEmpty();
  }
}
