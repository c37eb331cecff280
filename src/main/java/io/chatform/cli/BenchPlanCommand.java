package io.chatform.cli;

import io.chatform.bench.PlanBench;
import io.chatform.bench.Workloads;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code chatform bench plan}: prints snapshot and diff times on a seeded emulator. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description = "Measure plan: snapshot fetch (wall, calls) and diff (CPU) on a seeded account.")
public final class BenchPlanCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin BenchOptions options;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    var settings = options.settings();
    out.println("bench plan: " + settings.describe());
    PlanBench bench = new PlanBench(out);
    if (options.runs(BenchOptions.Only.acme)) {
      bench.run("acme", Workloads.acme(options.acme, settings.version()), settings);
    }
    if (options.runs(BenchOptions.Only.large)) {
      var sizes = options.sizes();
      bench.run(
          BenchApplyCommand.label(sizes), Workloads.large(sizes, settings.version()), settings);
    }
    return ExitCodes.OK;
  }
}
