package io.chatform.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The non-timing parts of {@code bench start}: commands, sizes, parsing and formatting. */
class ProcessBenchTest {
  @TempDir Path work;

  private ProcessBench bench() {
    return new ProcessBench(new PrintWriter(new StringWriter()), Path.of("c.jar"), work, 3);
  }

  @Test
  void everyRunIsCappedAt256MbAndOnlyTunedRunsGetTheLauncherOptions() {
    List<String> args = List.of("validate", "-f", "m");
    assertThat(bench().javaCommand(false, Optional.of("-XX:SharedArchiveFile=a"), args))
        .containsExactly("java", "-Xmx256m", "-jar", "c.jar", "validate", "-f", "m");
    assertThat(bench().javaCommand(true, Optional.of("-XX:SharedArchiveFile=a"), args))
        .containsExactly(
            "java",
            "-Xmx256m",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseParallelGC",
            "-XX:MaxTenuringThreshold=0",
            "-Xlog:cds*=off",
            "-XX:SharedArchiveFile=a",
            "-jar",
            "c.jar",
            "validate",
            "-f",
            "m");
  }

  @Test
  void theTunedRunsUseExactlyTheOptionsTheLauncherGivesShortCommands() throws Exception {
    String launcher = java.nio.file.Files.readString(Path.of("chatform"));
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("(?m)^\\$long \\|\\| opts\\+=\\(([^)]*)\\)$")
            .matcher(launcher);
    assertThat(m.find()).as("the launcher's short-command options line").isTrue();
    assertThat(List.of(m.group(1).trim().split("\\s+"))).isEqualTo(ProcessBench.LAUNCHER_OPTIONS);
  }

  @Test
  void largeSizesKeepTheIssuesProportions() {
    assertThat(ProcessBench.sizes(10_000))
        .isEqualTo(new LargeAccount.Sizes(10_000, 1_000, 500, 300));
    assertThat(ProcessBench.sizes(5).groups()).isEqualTo(1);
  }

  @Test
  void workloadsAreOneLinePerSizeWithTheirObjectCounts() throws Exception {
    var w = bench().workloads(Optional.of(Path.of("examples/starter")), List.of(100, 200));
    assertThat(w)
        .extracting(ProcessBench.Workload::label)
        .containsExactly(
            "--version",
            "validate starter",
            "validate large",
            "validate large",
            "plan starter",
            "plan large",
            "plan large");
    assertThat(w)
        .extracting(ProcessBench.Workload::objects)
        .containsExactly(0, 9, 118, 236, 9, 118, 236);
    assertThat(w.get(6).args())
        .containsExactly(
            "plan",
            "--sandbox",
            "--sandbox-state",
            work.resolve("sandbox-large-200.json").toString(),
            "-f",
            work.resolve("large-200").toString());
    assertThat(work.resolve("large-200/large.yaml")).exists();
  }

  @Test
  void timeReportIsUserPlusSystemAndPeakRss() {
    assertThat(ProcessBench.TimeReport.parse("0.31 0.05 65536\n"))
        .contains(new ProcessBench.TimeReport(360, 65536));
    assertThat(ProcessBench.TimeReport.parse("Command exited with non-zero status 1\n0.1 0.0 10"))
        .contains(new ProcessBench.TimeReport(100, 10));
    assertThat(ProcessBench.TimeReport.parse("garbage")).isEmpty();
  }

  @Test
  void medianAndFormat() {
    assertThat(ProcessBench.median(List.of(9L, 1L, 5L))).isEqualTo(5);
    assertThat(ProcessBench.median(List.of(4L, 1L))).isEqualTo(1);
    assertThat(
            ProcessBench.format(
                new ProcessBench.Figures(1234, Optional.of(800L), Optional.of(66L), 0)))
        .isEqualTo("1,234 ms (cpu 800 ms, 66 MB)");
    assertThat(
            ProcessBench.format(new ProcessBench.Figures(5, Optional.empty(), Optional.empty(), 1)))
        .isEqualTo("5 ms exit 1");
  }

  @Test
  void networkWorkloadsTalkToTheEmulatorsAndEachApplyStartsFromAnEmptyAccount() throws Exception {
    try (NetworkBench network = new NetworkBench(0)) {
      var w = network.workloads(bench(), work, List.of());
      assertThat(w)
          .extracting(ProcessBench.Workload::label)
          .containsExactly("plan medium @0ms", "apply medium @0ms");
      assertThat(w).extracting(ProcessBench.Workload::objects).containsExactly(220, 220);
      assertThat(w.get(0).args()).startsWith("plan", "--api-url").contains("-f");
      assertThat(w.get(0).args().get(2)).startsWith("http://127.0.0.1:");
      assertThat(w.get(1).args())
          .startsWith("apply", "--api-url")
          .contains("--auto-approve", "--no-journal");
      w.get(1).before().run(); // resets the account; must not throw
    }
    assertThat(NetworkBench.env()).containsKeys("LIVECHAT_ACCOUNT_ID", "LIVECHAT_PAT");
  }
}
