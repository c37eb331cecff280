package io.chatform.cli;

import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root {@code chatform} command; subcommands are registered here and nowhere else. */
@Command(
    name = "chatform",
    footerHeading = "%nExamples:%n",
    footer = {
      "  chatform validate -f examples/starter",
      "  chatform plan --sandbox -f examples/starter",
      "  chatform help apply"
    },
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Configuration as code for LiveChat accounts.")
public final class ChatformCommand implements Runnable {
  /** The subcommands in help order; registered here and nowhere else. */
  private static final Map<String, Class<?>> COMMANDS = commands();

  private static Map<String, Class<?>> commands() {
    Map<String, Class<?>> m = new java.util.LinkedHashMap<>();
    m.put("validate", ValidateCommand.class);
    m.put("plan", PlanCommand.class);
    m.put("apply", ApplyCommand.class);
    m.put("drift", DriftCommand.class);
    m.put("export", ExportCommand.class);
    m.put("route", RouteCommand.class);
    m.put("test", TestCommand.class);
    m.put("report", ReportCommand.class);
    m.put("emulator", EmulatorCommand.class);
    m.put("bench", BenchCommand.class);
    m.put("unlock", UnlockCommand.class);
    m.put("repair", RepairCommand.class);
    m.put("accounts", AccountsCommand.class);
    m.put("completion", CompletionCommand.class);
    m.put("help", CommandLine.HelpCommand.class);
    return java.util.Collections.unmodifiableMap(m);
  }

  /** The commands that describe the others, and so need every one of them registered. */
  private static final java.util.Set<String> ABOUT_ALL = java.util.Set.of("help", "completion");

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
    return newCommandLine(out, err, env, COMMANDS.keySet());
  }

  /**
   * The command line for these {@code args}: when they start with a command's name only that
   * command is registered, so start-up does not build the option model of all the others (a large
   * part of a short command's CPU); anything else (help, a typo) gets every command.
   */
  static CommandLine forArgs(
      PrintWriter out, PrintWriter err, Map<String, String> env, String... args) {
    if (args.length > 0 && COMMANDS.containsKey(args[0]) && !ABOUT_ALL.contains(args[0])) {
      return newCommandLine(out, err, env, java.util.Set.of(args[0]));
    }
    return newCommandLine(out, err, env);
  }

  private static CommandLine newCommandLine(
      PrintWriter out, PrintWriter err, Map<String, String> env, java.util.Set<String> names) {
    ChatformCommand root = new ChatformCommand(env);
    CommandLine cl = new CommandLine(root);
    COMMANDS.forEach(
        (name, type) -> {
          if (names.contains(name)) {
            // Built on its own: picocli applies a command's model transformer (HelpScope) only
            // then.
            CommandLine sub = new CommandLine(type);
            AccountArgs.describe(sub.getCommandSpec(), name);
            cl.addSubcommand(name, sub);
          }
        });
    if (cl.getSubcommands().containsKey("help")) {
      cl.getSubcommands()
          .get("help")
          .getCommandSpec()
          .usageMessage()
          .footerHeading("%nExamples:%n")
          .footer("  chatform help", "  chatform help plan");
    }
    cl.setOut(new PrintWriter(new MaskingWriter(out, root.mask), true));
    cl.setErr(new PrintWriter(new MaskingWriter(err, root.mask), true));
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    ErrorHandler errors = new ErrorHandler();
    cl.setExecutionExceptionHandler(errors);
    cl.setParameterExceptionHandler(errors);
    return cl;
  }
}
