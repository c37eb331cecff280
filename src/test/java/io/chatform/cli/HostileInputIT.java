package io.chatform.cli;

import static io.chatform.cli.Hostile.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input suite, local half: manifests, saved plans, URLs and flags built to break the
 * tool. Each must end in exit 1 with a located one-line reason, no stack trace, no API call, no
 * credential or planted file content in any output, and output of bounded size; the memory-heavy
 * case runs in a child JVM with {@code -Xmx256m}. Server answers: {@link HostileAnswersIT}.
 */
class HostileInputIT {
  @TempDir Path tmp;

  private Hostile.Run run(String... args) {
    return new Hostile(tmp).run(args);
  }

  private Hostile.Run child(String... args) throws Exception {
    return new Hostile(tmp).child(args);
  }

  private Path write(String name, String text) throws Exception {
    return new Hostile(tmp).write(name, text);
  }

  @Test
  void hostileManifestsAreRefusedLocatedWithoutAnApiCall() throws Exception {
    Files.writeString(tmp.resolve("planted.txt"), Hostile.PLANTED);
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
        Hostile.Run r = run("plan", "-f", f.toString(), "--api-url", server.url());
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
    // 180,000 aliases to a 100-character scalar: under the expansion limit, so every one is
    // checked, and the output is one line per kind of problem plus a count.
    Path f = amplified("amplify.yaml", 100, 180_000);
    assertThat(Files.size(f)).isGreaterThan(1_000_000);
    Hostile.Run r = child("validate", "-f", f.toString());
    assertRefused(r, "more like this", "problems found");
    assertThat(r.err().lines().count()).as(r.toString()).isLessThan(20);
    assertThat(r.err()).contains("agents[0].notifications");

    // aliases to a 10 KB scalar: 1.8 GB of text once expanded, refused at once in one line
    Path huge = amplified("huge.yaml", 10_000, 180_000);
    Hostile.Run h = child("validate", "-f", huge.toString());
    assertRefused(h, huge + ":", "characters of values (after expanding aliases)");
    assertThat(h.err().lines().count()).as(h.toString()).isLessThan(4);
  }

  private Path amplified(String name, int size, int aliases) throws Exception {
    return write(
        name,
        "version: 1\nx-big: &big \""
            + "x".repeat(size)
            + "\"\nagents:\n  - id: a@b.example\n    name: A\n    notifications: ["
            + String.join(", ", Collections.nCopies(aliases, "*big"))
            + "]\n");
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
        Path m = write("m.yaml", Hostile.GROUPS);
        Hostile.Run r =
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
  void credentialsNeverTravelInClearAndUrlsCarryNone() throws Exception {
    Path m = write("groups.yaml", Hostile.GROUPS);
    assertRefused(
        run("plan", "-f", m.toString(), "--api-url", "http://api.livechatinc.com"),
        "plain http:// is allowed only to this machine");
    assertRefused(
        run(
            "plan",
            "-f",
            m.toString(),
            "--api-url",
            "https://me:" + Hostile.PAT + "@api.livechatinc.com"),
        "must not carry credentials");
  }

  @Test
  void meaninglessNumericFlagsAreUsageErrorsBeforeAnyCall() throws Exception {
    Path m = write("groups.yaml", Hostile.GROUPS);
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
        Hostile.Run r = run(args.toArray(String[]::new));
        assertRefused(r, "Error: " + c.get(c.size() - 2));
        assertThat(server.methods).as(c.toString()).isEmpty();
      }
    }
  }
}
