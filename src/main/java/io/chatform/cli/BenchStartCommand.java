package io.chatform.cli;

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
        "Measure whole processes (start to exit): --version and validate, small and large.")
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

  @Option(names = "--jar", description = "The jar to run (default: the running one)")
  Optional<Path> jar = Optional.empty();

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    if (runs < 1 || agents.stream().anyMatch(a -> a < 0)) {
      throw new UserException("--runs must be at least 1 and --agents not negative");
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
      bench.run(bench.workloads(small, agents));
    } finally {
      try (var files = Files.walk(work)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    return ExitCodes.OK;
  }
}
