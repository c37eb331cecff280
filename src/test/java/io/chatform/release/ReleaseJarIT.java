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
  @Test
  void targetChatformJarRunsAndShowsThePomVersion() throws Exception {
    Path jar = Path.of("target/chatform.jar");
    assertThat(jar).as("mvn package builds it before the ITs run").isRegularFile();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(java, "-jar", jar.toString(), "--version")
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(out).isZero();
    assertThat(out.strip()).isEqualTo("chatform " + Pom.read().text("/project/version"));
  }
}
