package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Shared by the hostile-input suite ({@link HostileInputIT}, {@link HostileAnswersIT}): runs the
 * CLI in-process or as a child JVM with {@code -Xmx256m}, and checks that a run failed cleanly:
 * exit 1, the reason said, no stack trace, no credential, secret or planted file content, bounded
 * output.
 */
final class Hostile {
  private final Path tmp;

  Hostile(Path tmp) {
    this.tmp = tmp;
  }

  static final String PAT = "hostile-pat-5c1d9e77";
  static final String ENV_SECRET = "env-secret-value-a1b2c3";
  static final String PLANTED = "planted-file-content-8a7b6c";
  static final int MAX_OUTPUT = 64 * 1024;
  static final String GROUPS = "version: 1\ngroups:\n  - name: Support\n";

  private final Map<String, String> env =
      Map.of(
          "LIVECHAT_ACCOUNT_ID", "acc-hostile",
          "LIVECHAT_PAT", PAT,
          "HOSTILE_SECRET", ENV_SECRET);

  record Run(int code, String out, String err) {
    String all() {
      return out + err;
    }

    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + cut(out) + "\n--- stderr\n" + cut(err);
    }

    private static String cut(String s) {
      return s.length() > 4000 ? s.substring(0, 4000) + "…" : s;
    }
  }

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), env, args);
    return new Run(code, out.toString(), err.toString());
  }

  /** The real jar in a child JVM with a small heap, for the cases where memory is the point. */
  Run child(String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-jar", "target/chatform.jar"));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().putAll(env);
    Path out = tmp.resolve("child.out");
    Path err = tmp.resolve("child.err");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    boolean done = p.waitFor(120, TimeUnit.SECONDS);
    if (!done) {
      p.destroyForcibly();
    }
    assertThat(done).as("the child process ends within 120 s").isTrue();
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  Path write(String name, String text) throws Exception {
    return Files.writeString(tmp.resolve(name), text);
  }

  /** Exit 1, the reason said (containing {@code expected}), nothing leaked, output bounded. */
  static void assertRefused(Run r, String... expected) {
    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    for (String e : expected) {
      assertThat(r.all()).as(r.toString()).contains(e);
    }
    assertClean(r);
  }

  static void assertClean(Run r) {
    assertThat(r.all())
        .as(r.toString())
        .doesNotContain("\tat ")
        .doesNotContain("Exception")
        .doesNotContain("unexpected error")
        .doesNotContain(PAT)
        .doesNotContain(ENV_SECRET)
        .doesNotContain(PLANTED)
        .doesNotContain("\u001b")
        .doesNotContain("\r");
    assertThat(r.all().length()).as("output size").isLessThan(MAX_OUTPUT);
  }
}
