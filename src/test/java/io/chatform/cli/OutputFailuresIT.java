package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output that cannot be written is a failure: stdout on a full disk exits 1 (never 0 with an empty
 * file), and a named output file that is a symlink or a device is refused, never replaced by a
 * plain file.
 */
class OutputFailuresIT {
  @TempDir Path tmp;

  private static Process chatform(File stdout, String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd =
        new java.util.ArrayList<>(
            List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd).redirectOutput(stdout).redirectErrorStream(false).start();
  }

  @Test
  void stdoutOnAFullDiskExitsOne() throws Exception {
    File full = new File("/dev/full");
    assumeTrue(full.exists() && full.canWrite(), "needs /dev/full (Linux)");
    Process p = chatform(full, "validate", "-f", "examples/starter");
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(err).isEqualTo(1);
    assertThat(err).contains("could not write the output to standard output");

    Process ok = chatform(tmp.resolve("out.txt").toFile(), "validate", "-f", "examples/starter");
    assertThat(ok.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(ok.exitValue()).isZero();
    assertThat(Files.readString(tmp.resolve("out.txt"))).startsWith("Valid");
  }

  @Test
  void aSymlinkNamedAsTheSavedPlanIsRefusedAndLeftAlone() throws Exception {
    Path target = Files.writeString(tmp.resolve("target.txt"), "keep me");
    Path link = Files.createSymbolicLink(tmp.resolve("plan.json"), target);
    Cli cli = new Cli(tmp);
    Cli.Result r = cli.sandbox("plan", "-f", "examples/starter", "--out", link.toString());
    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).contains("is not a regular file (a symlink, a directory or a device)");
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(Files.readString(target)).isEqualTo("keep me");

    Path plain = tmp.resolve("saved.json");
    Files.writeString(plain, "old");
    Cli.Result saved = cli.sandbox("plan", "-f", "examples/starter", "--out", plain.toString());
    assertThat(saved.code()).as(saved.toString()).isZero();
    assertThat(Files.readString(plain)).contains("\"actions\"");
    try (var files = Files.list(tmp)) {
      assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }
}
