package io.chatform.cli;

import io.chatform.bench.ApplyBench;
import io.chatform.bench.BenchSettings;
import io.chatform.bench.LargeAccount;
import io.chatform.bench.Workloads;
import io.chatform.model.DesiredState;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code chatform bench apply}: applies acme and a large account from empty and prints wall time,
 * calls, minimal calls, the latency floor, and the speed-up over one call at a time.
 */
@Command(
    name = "apply",
    footerHeading = "%nExamples:%n",
    footer = {
      "  chatform bench apply --only acme",
      "  chatform bench apply --only large --rules 100"
    },
    mixinStandardHelpOptions = true,
    description = "Measure apply from empty against the floor and against one call at a time.")
public final class BenchApplyCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @Mixin BenchOptions options;

  @Option(
      names = "--sample-divisor",
      description =
          "The large account's one-call-at-a-time baseline is measured on an account this many"
              + " times smaller and extrapolated per call; 1 runs it fully (default:"
              + " ${DEFAULT-VALUE})")
  int sampleDivisor = 20;

  @Override
  public Integer call() {
    if (sampleDivisor < 1) {
      throw new UserException("--sample-divisor must be at least 1");
    }
    PrintWriter out = spec.commandLine().getOut();
    BenchSettings settings = options.settings();
    out.println("bench apply (from an empty emulator): " + settings.describe());
    ApplyBench bench = new ApplyBench(out);
    Optional<DesiredState> acmeState = options.acme(settings);
    LargeAccount.Sizes sizes = options.sizes();
    bench.warmUp(settings);
    if (acmeState.isPresent()) {
      DesiredState acme = acmeState.get();
      ApplyBench.Run fast = bench.run("acme", acme, settings);
      bench.print(fast);
      ApplyBench.Run slow = bench.run("acme sequential", acme, settings.sequential());
      bench.printSpeedup(
          fast, slow.wallMs(), "measured: " + slow.calls() + " calls, parallelism 1, no batches");
    }
    if (options.runs(BenchOptions.Only.large)) {
      DesiredState large = Workloads.large(sizes, settings.version());
      ApplyBench.Run fast = bench.run(label(sizes), large, settings);
      bench.print(fast);
      long sequentialCalls = fast.unbatchedCalls();
      LargeAccount.Sizes sample =
          new LargeAccount.Sizes(
              sizes.agents() / sampleDivisor,
              Math.max(1, sizes.groups() / sampleDivisor),
              sizes.rules() / sampleDivisor,
              sizes.webhooks() / sampleDivisor);
      ApplyBench.Run slow =
          bench.run("sample", Workloads.large(sample, settings.version()), settings.sequential());
      double perCall = (double) slow.wallMs() / slow.calls();
      bench.printSpeedup(
          fast,
          sampleDivisor == 1 ? slow.wallMs() : perCall * sequentialCalls,
          sampleDivisor == 1
              ? "measured: " + slow.calls() + " calls"
              : String.format(
                  "estimated: %d calls x %.1f ms, measured per call on a 1/%d account of %d calls",
                  sequentialCalls, perCall, sampleDivisor, slow.calls()));
    }
    return ExitCodes.OK;
  }

  static String label(LargeAccount.Sizes s) {
    return String.format(
        "large (%d agents, %d groups, %d rules, %d webhooks)",
        s.agents(), s.groups(), s.rules(), s.webhooks());
  }
}
