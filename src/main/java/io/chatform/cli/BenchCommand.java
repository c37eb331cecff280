package io.chatform.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Parent of the benchmark commands, which print performance figures instead of asserting them. */
@Command(
    name = "bench",
    footerHeading = "%nExamples:%n",
    footer = {
      "  chatform bench plan",
      "  chatform bench apply --only acme",
      "  chatform bench emulator --seconds 10"
    },
    mixinStandardHelpOptions = true,
    description = "Measure performance (prints figures).",
    subcommands = {
      BenchEmulatorCommand.class,
      BenchPlanCommand.class,
      BenchApplyCommand.class,
      BenchLockCommand.class,
      BenchConsistencyCommand.class,
      BenchStartCommand.class
    })
public final class BenchCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a bench subcommand.");
  }
}
