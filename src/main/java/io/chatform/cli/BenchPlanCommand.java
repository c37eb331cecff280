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
    footerHeading = "%nExamples:%n",
    footer = {"  chatform bench plan", "  chatform bench plan --only large --agents 500"},
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
    var acme = options.acme(settings);
    var sizes = options.sizes();
    new io.chatform.bench.ApplyBench(out).warmUp(settings);
    PlanBench bench = new PlanBench(out);
    acme.ifPresent(a -> bench.run("acme", a, settings));
    if (options.runs(BenchOptions.Only.large)) {
      bench.run(
          BenchApplyCommand.label(sizes), Workloads.large(sizes, settings.version()), settings);
    }
    return ExitCodes.OK;
  }
}
