package io.chatform.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root {@code chatform} command; subcommands are registered here and nowhere else. */
@Command(
    name = "chatform",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Configuration as code for LiveChat accounts.",
    subcommands = {
      ValidateCommand.class,
      PlanCommand.class,
      ApplyCommand.class,
      DriftCommand.class,
      ExportCommand.class,
      EmulatorCommand.class,
      BenchCommand.class
    })
public final class ChatformCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command.");
  }

  /** Builds the command line with the single place that maps exceptions to exit codes. */
  public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new ChatformCommand());
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(new ErrorHandler());
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          PrintWriter e = ex.getCommandLine().getErr();
          e.println("Error: " + ex.getMessage());
          e.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          return ExitCodes.ERROR;
        });
    return cl;
  }
}
