package io.chatform.cli;

import io.chatform.bench.LockSoak;
import io.chatform.bench.Workloads;
import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code chatform bench lock}: the bounded fault soak of the account lock — seeded runs of two
 * concurrent writers under lost answers, 5xx, 429 and a consistency delay — printing duplicates and
 * losses (both must be 0) as figures.
 */
@Command(
    name = "lock",
    footerHeading = "%nExamples:%n",
    footer = {"  chatform bench lock", "  chatform bench lock --runs 10 --seed 7"},
    mixinStandardHelpOptions = true,
    description = "Soak two concurrent writers under faults; print duplicates and losses.")
public final class BenchLockCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--runs", description = "Seeded runs (default ${DEFAULT-VALUE}).")
  int runs = 50;

  @Option(names = "--seed", description = "First fault seed (default ${DEFAULT-VALUE}).")
  long seed = 1;

  @Option(
      names = "--consistency-delay-ms",
      description = "The emulated list delay in the runs that have one (default ${DEFAULT-VALUE}).")
  int delayMs = 200;

  @Option(
      names = "-f",
      paramLabel = "PATH",
      description = "Manifests the writers apply (default: ${DEFAULT-VALUE}).")
  Path manifests = Path.of("examples/starter");

  @Override
  public Integer call() throws Exception {
    if (runs < 1 || runs > 1000) {
      throw new UserException("--runs must be between 1 and 1000, not " + runs);
    }
    PrintWriter out = spec.commandLine().getOut();
    DesiredState desired = Workloads.load(List.of(manifests), ApiVersion.V3_6, Workloads.env());
    out.println(
        "bench lock: "
            + runs
            + " runs of 2 concurrent writers applying "
            + manifests
            + " (faults by run: reset after write, 5xx, 429, consistency delay "
            + delayMs
            + " ms, all)");
    out.flush();
    LockSoak.Result r =
        new LockSoak(desired, ApiVersion.V3_6, delayMs)
            .run(
                runs,
                seed,
                line -> {
                  out.println("  " + line);
                  out.flush();
                });
    out.print(r.text());
    out.flush();
    return r.duplicates() == 0 && r.losses() == 0 && r.failedWriters() == 0
        ? ExitCodes.OK
        : ExitCodes.ERROR;
  }
}
