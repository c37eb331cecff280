package io.chatform.cli;

import java.io.PrintWriter;
import java.util.Map;
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
      BenchCommand.class,
      AccountsCommand.class
    })
public final class ChatformCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The environment commands read (credentials, ${env:…} secrets); tests inject their own. */
  private final Map<String, String> env;

  /** Values from ${env:…}/${file:…} that no output line may hold (see {@link SecretMask}). */
  private final SecretMask mask = new SecretMask();

  private ChatformCommand(Map<String, String> env) {
    this.env = Map.copyOf(env);
  }

  Map<String, String> env() {
    return env;
  }

  SecretMask mask() {
    return mask;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command.");
  }

  /** Builds the command line with the single place that maps exceptions to exit codes. */
  public static CommandLine newCommandLine(PrintWriter out, PrintWriter err) {
    return newCommandLine(out, err, System.getenv());
  }

  /** As {@link #newCommandLine(PrintWriter, PrintWriter)}, with {@code env} as the environment. */
  public static CommandLine newCommandLine(
      PrintWriter out, PrintWriter err, Map<String, String> env) {
    ChatformCommand root = new ChatformCommand(env);
    CommandLine cl = new CommandLine(root);
    cl.setOut(new PrintWriter(new MaskingWriter(out, root.mask), true));
    cl.setErr(new PrintWriter(new MaskingWriter(err, root.mask), true));
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler(new ErrorHandler());
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          PrintWriter e = ex.getCommandLine().getErr();
          if (java.util.Arrays.asList(args).contains("--json")) {
            // A pipeline that asked for JSON gets JSON on stdout even for a usage error.
            ErrorHandler.printJson(new UserException(ex.getMessage()), ex.getCommandLine());
            e.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
            return ExitCodes.ERROR;
          }
          e.println("Error: " + ex.getMessage());
          e.println("Run '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          return ExitCodes.ERROR;
        });
    return cl;
  }
}
