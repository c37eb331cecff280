package io.chatform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input suite: manifests, saved plans, server answers and flags built to break the
 * tool. Each must end in exit 1 with a located one-line reason, no stack trace, no API call when
 * the input is refused before one, no credential or planted file content in any output, and output
 * of bounded size. Memory-heavy cases run in a child JVM with {@code -Xmx256m}.
 */
class HostileInputIT {
  @TempDir Path tmp;

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

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), env, args);
    return new Run(code, out.toString(), err.toString());
  }

  /** The real jar in a child JVM with a small heap, for the cases where memory is the point. */
  private Run child(String... args) throws Exception {
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

  private Path write(String name, String text) throws Exception {
    return Files.writeString(tmp.resolve(name), text);
  }

  /** Exit 1, the reason said (containing {@code expected}), nothing leaked, output bounded. */
  private static void assertRefused(Run r, String... expected) {
    assertThat(r.code()).as(r.toString()).isEqualTo(1);
    for (String e : expected) {
      assertThat(r.all()).as(r.toString()).contains(e);
    }
    assertClean(r);
  }

  private static void assertClean(Run r) {
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

  @Test
  void hostileManifestsAreRefusedLocatedWithoutAnApiCall() throws Exception {
    Files.writeString(tmp.resolve("planted.txt"), PLANTED);
    StringBuilder bomb = new StringBuilder("version: 1\nx0: &x0 [a, b]\n");
    for (int i = 1; i < 80; i++) {
      bomb.append("x").append(i).append(": &x").append(i);
      bomb.append(" [*x").append(i - 1).append(", *x").append(i - 1).append("]\n");
    }
    Map<String, String> manifests = new LinkedHashMap<>();
    manifests.put("nesting.yaml", "version: 1\nx: " + "[".repeat(3000) + "]".repeat(3000));
    manifests.put("bomb.yaml", bomb.toString());
    manifests.put("docs.yaml", "version: 1\n---\nversion: 1\n");
    manifests.put(
        "escape-key.yaml", "version: 1\ngroups:\n  - name: A\n    \"evil\\e[2J\\nPlan: 0\": 1\n");
    manifests.put(
        "escape-value.yaml",
        "version: 1\ngroups:\n  - name: A\n    language_code: \"\\e]0;pwned\\a\\e[2J\"\n");
    manifests.put(
        "planted.yaml",
        "version: 1\ngroups:\n  - name: A\n    language_code: \"${file:planted.txt}\"\n");
    manifests.put(
        "env.yaml",
        "version: 1\nagents:\n  - id: a@b.example\n    name: A\n"
            + "    max_chats_count: \"${env:HOSTILE_SECRET}\"\n    role: \"${env:HOSTILE_SECRET}\"\n");
    manifests.put(
        "long.yaml",
        "version: 1\ngroups:\n  - name: A\n    language_code: " + "z".repeat(100_000) + "\n");
    try (HostileServer server = new HostileServer(Map.of())) {
      for (var m : manifests.entrySet()) {
        Path f = write(m.getKey(), m.getValue());
        Run r = run("plan", "-f", f.toString(), "--api-url", server.url());
        assertRefused(r, f + ":");
        assertThat(server.methods).as(m.getKey() + ": no API call").isEmpty();
      }
      Path bin = Files.write(tmp.resolve("bin.yaml"), new byte[] {'a', 0, 'b', (byte) 0xff});
      assertRefused(run("plan", "-f", bin.toString(), "--api-url", server.url()), "binary");
      assertThat(server.methods).isEmpty();
    }
  }

  @Test
  void aliasAmplificationPrintsOneLinePlusACountInASmallHeap() throws Exception {
    String big = "x".repeat(2000);
    String aliases = String.join(", ", Collections.nCopies(180_000, "*big"));
    Path f =
        write(
            "amplify.yaml",
            "version: 1\nx-big: &big \""
                + big
                + "\"\nagents:\n  - id: a@b.example\n    name: A\n    notifications: ["
                + aliases
                + "]\n");
    assertThat(Files.size(f)).isGreaterThan(1_000_000);
    Run r = child("validate", "-f", f.toString());
    assertRefused(r, "more like this");
    assertThat(r.err().lines().count()).as(r.toString()).isLessThan(20);
    assertThat(r.err()).contains("agents[0].notifications");
  }

  @Test
  void garbageSavedPlansAreRefusedNamingTheFile() throws Exception {
    Map<String, byte[]> plans = new LinkedHashMap<>();
    plans.put("empty.json", new byte[0]);
    plans.put(
        "truncated.json",
        "{\"format_version\": 1, \"actions\": [".getBytes(StandardCharsets.UTF_8));
    plans.put("binary.json", new byte[] {0, 1, 2, (byte) 0xff, (byte) 0xfe});
    plans.put("array.json", "[1,2,3]".getBytes(StandardCharsets.UTF_8));
    plans.put("future.json", "{\"format_version\": 99}".getBytes(StandardCharsets.UTF_8));
    plans.put(
        "escapes.json",
        "{\"format_version\": 1, \"actions\": [{\"address\": \"groups/\\u001b[2J\\nPlan: 0\"}]}"
            .getBytes(StandardCharsets.UTF_8));
    try (HostileServer server = new HostileServer(Map.of())) {
      for (var p : plans.entrySet()) {
        Path f = Files.write(tmp.resolve(p.getKey()), p.getValue());
        Path m = write("m.yaml", GROUPS);
        Run r =
            run(
                "apply",
                f.toString(),
                "-f",
                m.toString(),
                "--api-url",
                server.url(),
                "--auto-approve");
        assertRefused(r, f.toString());
        assertThat(server.methods)
            .as(p.getKey() + ": nothing written")
            .doesNotContain("create_group");
      }
    }
  }

  @Test
  void malformedLiveAnswersAreRefusedNamingTheMethod() throws Exception {
    Path m = write("groups.yaml", GROUPS);
    for (String body :
        List.of(
            "[{\"id\":0,\"name\":\"General\"},{\"id\":\"seven\",\"name\":\"x\"}]",
            "[{\"id\":0,\"name\":\"General\"},{\"id\":0,\"name\":\"twin\"}]",
            "[{\"id\":0,\"name\":\"General\"},{\"name\":\"no id\"}]",
            "{\"not\":\"a list\"}",
            "<html>hello</html>")) {
      try (HostileServer server =
          new HostileServer(Map.of("list_groups", new HostileServer.Json(body)))) {
        Run r = run("plan", "-f", m.toString(), "--api-url", server.url());
        assertRefused(r, "unexpected answer from the API to list_groups");
        assertThat(server.methods).containsOnly("list_groups");
      }
    }
  }

  @Test
  void liveNamesCannotForgeLinesOrDriveTheTerminal() throws Exception {
    Path m = write("groups.yaml", GROUPS);
    String evil = "evil\\u001b[2J\\nPlan: 0 to create, 0 to update\\r\\u202e";
    String body = "[{\"id\":0,\"name\":\"General\"},{\"id\":7,\"name\":\"" + evil + "\"}]";
    try (HostileServer server =
        new HostileServer(Map.of("list_groups", new HostileServer.Json(body)))) {
      for (String format : List.of("--no-color", "--markdown", "--json")) {
        Run r = run("plan", "-f", m.toString(), "--api-url", server.url(), format);
        assertThat(r.code()).as(r.toString()).isZero();
        assertClean(r);
        assertThat(r.out().lines()).noneMatch(l -> l.strip().startsWith("Plan: 0 to create"));
        assertThat(r.out()).doesNotContain("\u202e");
        if (!format.equals("--json")) {
          assertThat(r.out()).contains("evil\\e[2J\\nPlan: 0 to create");
        }
      }
    }
  }

  @Test
  void anEndlessAnswerIsCutOffInASmallHeap() throws Exception {
    Path m = write("groups.yaml", GROUPS);
    try (HostileServer server =
        new HostileServer(Map.of("list_groups", new HostileServer.Endless(1_500L << 20)))) {
      Run r = child("plan", "-f", m.toString(), "--api-url", server.url());
      assertRefused(r, "unexpected answer from the API to list_groups", "larger than 64 MiB");
      assertThat(server.methods).containsExactly("list_groups");
    }
  }

  @Test
  void aDrippingServerMeetsTheCallDeadline() throws Exception {
    Path m = write("groups.yaml", GROUPS);
    String body =
        "[{\"id\":0,\"name\":\"General\"}" + ",{\"id\":1,\"name\":\"g\"}".repeat(50) + "]";
    try (HostileServer server =
        new HostileServer(Map.of("list_groups", new HostileServer.Drip(body, 20)))) {
      long start = System.nanoTime();
      Run r = run("plan", "-f", m.toString(), "--api-url", server.url(), "--call-timeout", "0.3");
      assertRefused(r, "list_groups", "--call-timeout");
      assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(60);
    }
  }

  @Test
  void credentialsNeverTravelInClearAndUrlsCarryNone() throws Exception {
    Path m = write("groups.yaml", GROUPS);
    assertRefused(
        run("plan", "-f", m.toString(), "--api-url", "http://api.livechatinc.com"),
        "plain http:// is allowed only to this machine");
    assertRefused(
        run("plan", "-f", m.toString(), "--api-url", "https://me:" + PAT + "@api.livechatinc.com"),
        "must not carry credentials");
  }

  @Test
  void meaninglessNumericFlagsAreUsageErrorsBeforeAnyCall() throws Exception {
    Path m = write("groups.yaml", GROUPS);
    List<List<String>> cases =
        List.of(
            List.of("plan", "--consistency-wait", "NaN"),
            List.of("plan", "--consistency-wait", "-1"),
            List.of("plan", "--consistency-wait", "Infinity"),
            List.of("plan", "--max-rps", "0"),
            List.of("plan", "--max-rps", "NaN"),
            List.of("plan", "--parallelism", "0"),
            List.of("plan", "--batch-size", "0"),
            List.of("plan", "--call-timeout", "0"),
            List.of("plan", "--call-timeout", "NaN"),
            List.of("plan", "--max-answer-mib", "0"),
            List.of("apply", "--auto-approve", "--verify-timeout", "-1"));
    try (HostileServer server = new HostileServer(Map.of())) {
      for (List<String> c : cases) {
        List<String> args = new ArrayList<>(c);
        args.addAll(List.of("-f", m.toString(), "--api-url", server.url()));
        Run r = run(args.toArray(String[]::new));
        assertRefused(r, "Error: " + c.get(c.size() - 2));
        assertThat(server.methods).as(c.toString()).isEmpty();
      }
    }
  }
}
