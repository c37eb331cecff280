package io.chatform.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The jar that {@code mvn package} leaves in target/ runs on its own and reports the pom's version.
 */
class ReleaseJarIT {
  /** Runs {@code java -jar target/chatform.jar ARGS…}; returns exit code and output. */
  private static Object[] run(String... args) throws Exception {
    Path jar = Path.of("target/chatform.jar");
    assertThat(jar).as("mvn package builds it before the ITs run").isRegularFile();
    java.util.List<String> cmd =
        new java.util.ArrayList<>(
            java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString()));
    cmd.addAll(java.util.List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Object[] {p.exitValue(), out};
  }

  @Test
  void targetChatformJarRunsAndShowsThePomVersion() throws Exception {
    Object[] r = run("--version");
    assertThat(r[0]).as("" + r[1]).isEqualTo(0);
    assertThat(((String) r[1]).strip())
        .isEqualTo("chatform " + ReleaseArtefactsTest.Pom.read().text("/project/version"));
  }

  @Test
  void theJarAloneValidatesTheStarterAndListsTheAccountsCommand() throws Exception {
    Object[] ok = run("validate", "-f", "examples/starter");
    assertThat(ok[0]).as("" + ok[1]).isEqualTo(0);
    Object[] help = run("--help");
    assertThat((String) help[1]).contains("accounts").contains("plan").contains("drift");
  }

  @Test
  void theJarsManifestNamesTheMainClassAndTheVersion() throws Exception {
    try (java.util.jar.JarFile jar = new java.util.jar.JarFile("target/chatform.jar")) {
      java.util.jar.Attributes main = jar.getManifest().getMainAttributes();
      assertThat(main.getValue("Main-Class")).isEqualTo("io.chatform.cli.Main");
      assertThat(main.getValue("Implementation-Version"))
          .isEqualTo(ReleaseArtefactsTest.Pom.read().text("/project/version"));
      // Self-contained: the dependencies are inside (shaded), e.g. picocli and Jackson.
      assertThat(jar.getEntry("picocli/CommandLine.class")).isNotNull();
      assertThat(jar.getEntry("com/fasterxml/jackson/databind/ObjectMapper.class")).isNotNull();
    }
  }
}
