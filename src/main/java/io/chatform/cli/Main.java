package io.chatform.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** Process entry point: a thin shell around {@link #run} so tests can call the CLI in-process. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    int code = run(out, err, args);
    out.flush();
    // PrintStream and PrintWriter swallow write errors: a full disk or closed pipe behind stdout
    // (`plan --json > plan.json`) must not pass a pipeline with an empty or cut file.
    if (out.checkError() || System.out.checkError()) {
      err.println("Error: could not write the output to standard output (disk full, or closed?)");
      code = ExitCodes.ERROR;
    }
    err.flush();
    System.exit(code);
  }

  /** Runs the CLI with the given streams and returns the exit code (0 ok, 1 error, 2 changes). */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
      // Same lines picocli prints, without building the model of every subcommand first.
      for (String line : new VersionProvider().getVersion()) {
        out.println(line);
      }
      out.flush();
      return ExitCodes.OK;
    }
    return run(out, err, System.getenv(), args);
  }

  /** As {@link #run(PrintWriter, PrintWriter, String...)} with {@code env} as the environment. */
  public static int run(
      PrintWriter out, PrintWriter err, java.util.Map<String, String> env, String... args) {
    AccountArgs.Expanded x;
    try {
      x = AccountArgs.expand(args, env, java.nio.file.Path.of(""));
    } catch (UserException e) { // --account NAME that the project file cannot answer
      picocli.CommandLine cl = ChatformCommand.newCommandLine(out, err, env);
      return ErrorHandler.report(e, cl, java.util.Arrays.asList(args).contains("--json"));
    }
    return execute(ChatformCommand.forArgs(out, err, x.env(), x.args()), x.args());
  }

  /** Runs, then flushes the (masking, line-buffered) streams: a last partial line goes out too. */
  private static int execute(picocli.CommandLine cl, String... args) {
    try {
      return cl.execute(args);
    } finally {
      cl.getOut().flush();
      cl.getErr().flush();
    }
  }
}
