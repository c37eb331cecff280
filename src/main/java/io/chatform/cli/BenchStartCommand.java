package io.chatform.cli;

import io.chatform.bench.JsSdkBaseline;
import io.chatform.bench.NetworkBench;
import io.chatform.bench.ProcessBench;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code chatform bench start}: whole-process figures, a fresh JVM per run (issue 17). */
@Command(
    name = "start",
    footerHeading = "%nExamples:%n",
    footer = {
      "  chatform bench start",
      "  chatform bench start --runs 3 --jar target/chatform.jar"
    },
    mixinStandardHelpOptions = true,
    description =
        "Measure whole processes (start to exit): --version, validate and plan of small and large"
            + " accounts, and plan/apply over the network against emulators (one with latency).")
public final class BenchStartCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--runs", description = "Runs per workload (default: ${DEFAULT-VALUE})")
  int runs = 5;

  @Option(
      names = "--agents",
      split = ",",
      description =
          "Sizes of the large account, in agents (a tenth as many groups, a twentieth as many"
              + " rules; default: ${DEFAULT-VALUE})")
  List<Integer> agents = List.of(1_000, 5_000, 10_000);

  @Option(names = "--starter", description = "Small manifest directory (default: ${DEFAULT-VALUE})")
  Path starter = Path.of("examples/starter");

  @Option(
      names = "--latency-ms",
      description =
          "Latency per call of the emulator the medium plan/apply run against (default:"
              + " ${DEFAULT-VALUE})")
  int latencyMs = 20;

  @Option(
      names = "--no-network",
      description = "Skip the workloads that talk to emulators over the network.")
  boolean noNetwork;

  @Option(
      names = "--js-sdk",
      paramLabel = "DIR",
      description =
          "Also time the issue's yardstick: the medium account applied one call at a time by the"
              + " official JS SDK (node; DIR is bench/js-sdk after npm ci), next to chatform's apply"
              + " against the same TLS emulator")
  Optional<Path> jsSdk = Optional.empty();

  @Option(names = "--jar", description = "The jar to run (default: the running one)")
  Optional<Path> jar = Optional.empty();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (runs < 1 || agents.stream().anyMatch(a -> a < 0) || latencyMs < 0) {
      throw new UserException(
          "--runs must be at least 1, and --agents and --latency-ms not negative");
    }
    Path self =
        jar.orElse(
            Path.of(
                ChatformCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI()));
    if (!Files.isRegularFile(self)) {
      throw new UserException(
          "not running from a jar (" + self + "): build it with mvn package or pass --jar");
    }
    Path work = Files.createTempDirectory("chatform-bench-start");
    try {
      ProcessBench bench = new ProcessBench(out, self, work, runs);
      Optional<Path> small = Files.isDirectory(starter) ? Optional.of(starter) : Optional.empty();
      List<ProcessBench.Workload> workloads =
          new java.util.ArrayList<>(bench.workloads(small, agents));
      // Every child gets the bench's credentials and webhook secret: the sandbox plans of the
      // large accounts need the secret as much as the network ones (without it they exit 1).
      bench.withEnv(NetworkBench.env());
      if (noNetwork) {
        bench.run(workloads);
        return ExitCodes.OK;
      }
      try (NetworkBench network = new NetworkBench(latencyMs)) {
        workloads.addAll(network.workloads(bench, work, agents));
        if (jsSdk.isEmpty()) {
          bench.run(workloads);
          printFills(out, network);
          return ExitCodes.OK;
        }
        try (JsSdkBaseline sdk = new JsSdkBaseline(jsSdk.get(), latencyMs, work)) {
          ProcessBench.Workload apply = sdk.chatformApply();
          workloads.add(apply);
          ProcessBench.Figures chatform = bench.run(workloads).get(apply.label());
          ProcessBench.Figures node =
              bench.measureOther(sdk.nodeCommand(), sdk.nodeEnv(), sdk::reset);
          out.printf(
              java.util.Locale.ROOT,
              "%-22s %8d  %s%nchatform (C1 + CDS) is %.1fx faster than the sequential JS SDK"
                  + " script, whole process%n",
              sdk.label("JS SDK serial"),
              sdk.objects(),
              ProcessBench.format(node),
              (double) node.wallMs() / Math.max(1, chatform.wallMs()));
        }
        printFills(out, network);
      }
    } finally {
      try (var files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return ExitCodes.OK;
  }

  private static void printFills(PrintWriter out, NetworkBench network) {
    network
        .fills()
        .forEach(
            (objects, f) ->
                out.printf(
                    java.util.Locale.ROOT,
                    "%-22s %8s  %s  (one run, C1, no archive: the fill of the no-op account)%n",
                    "apply large from empty",
                    String.format(java.util.Locale.ROOT, "%,d", objects),
                    ProcessBench.format(f)));
  }
}
