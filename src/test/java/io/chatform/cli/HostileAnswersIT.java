package io.chatform.cli;

import static io.chatform.cli.Hostile.assertClean;
import static io.chatform.cli.Hostile.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hostile-input suite, server half: a fake API answering garbage ids, non-JSON, endless bodies,
 * drip-fed bodies and names built to forge plan lines. Refusals name the method; what is printed
 * carries no raw control character; memory-heavy cases run in a child JVM with {@code -Xmx256m}.
 */
class HostileAnswersIT {
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
  void malformedLiveAnswersAreRefusedNamingTheMethod() throws Exception {
    Path m = write("groups.yaml", Hostile.GROUPS);
    for (String body :
        List.of(
            "[{\"id\":0,\"name\":\"General\"},{\"id\":\"seven\",\"name\":\"x\"}]",
            "[{\"id\":0,\"name\":\"General\"},{\"id\":0,\"name\":\"twin\"}]",
            "[{\"id\":0,\"name\":\"General\"},{\"name\":\"no id\"}]",
            "{\"not\":\"a list\"}",
            "<html>hello</html>")) {
      try (HostileServer server =
          new HostileServer(Map.of("list_groups", new HostileServer.Json(body)))) {
        Hostile.Run r = run("plan", "-f", m.toString(), "--api-url", server.url());
        assertRefused(r, "unexpected answer from the API to list_groups");
        assertThat(server.methods).containsOnly("list_groups");
      }
    }
  }

  @Test
  void liveNamesCannotForgeLinesOrDriveTheTerminal() throws Exception {
    Path m = write("groups.yaml", Hostile.GROUPS);
    String evil = "evil\\u001b[2J\\nPlan: 0 to create, 0 to update\\r\\u202e";
    String body = "[{\"id\":0,\"name\":\"General\"},{\"id\":7,\"name\":\"" + evil + "\"}]";
    try (HostileServer server =
        new HostileServer(Map.of("list_groups", new HostileServer.Json(body)))) {
      for (String format : List.of("--no-color", "--markdown", "--json")) {
        Hostile.Run r = run("plan", "-f", m.toString(), "--api-url", server.url(), format);
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
    Path m = write("groups.yaml", Hostile.GROUPS);
    try (HostileServer server =
        new HostileServer(Map.of("list_groups", new HostileServer.Endless(1_500L << 20)))) {
      Hostile.Run r = child("plan", "-f", m.toString(), "--api-url", server.url());
      assertRefused(r, "unexpected answer from the API to list_groups", "larger than 64 MiB");
      assertThat(server.methods).containsExactly("list_groups");
    }
  }

  @Test
  void aDrippingServerMeetsTheCallDeadline() throws Exception {
    Path m = write("groups.yaml", Hostile.GROUPS);
    String body =
        "[{\"id\":0,\"name\":\"General\"}" + ",{\"id\":1,\"name\":\"g\"}".repeat(50) + "]";
    try (HostileServer server =
        new HostileServer(Map.of("list_groups", new HostileServer.Drip(body, 20)))) {
      long start = System.nanoTime();
      Hostile.Run r =
          run("plan", "-f", m.toString(), "--api-url", server.url(), "--call-timeout", "0.3");
      assertRefused(r, "list_groups", "--call-timeout");
      assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(60);
    }
  }
}
