package io.chatform.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Escapes;
import java.io.PrintWriter;
import java.util.Optional;
import picocli.CommandLine;

/**
 * The one place that turns a failure into text or the {@code --json} error document, and into an
 * exit code, so no command can exit 0 after a failure or print a stack trace at a user. Commands
 * throw; they never catch to print.
 */
final class ErrorHandler
    implements CommandLine.IExecutionExceptionHandler, CommandLine.IParameterExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
    if (ex instanceof CommandLine.ParameterException p) {
      // Thrown while running (a command group run without its subcommand, help of no command).
      return usageError(p, wantsJson(parseResult));
    }
    if (wantsJson(parseResult)) {
      return printJson(ex, cl);
    }
    PrintWriter err = cl.getErr();
    Throwable failure = ex instanceof ReportedFailure r ? r.getCause() : ex;
    err.println("Error: " + Escapes.lines(messageOf(failure, false)));
    if (!userFacing(failure)) {
      if (System.getenv("CHATFORM_TRACE") != null) {
        failure.printStackTrace(err);
      } else {
        err.println("(unexpected error; set CHATFORM_TRACE=1 for details)");
      }
    }
    err.flush();
    return ExitCodes.ERROR;
  }

  /** A failure before picocli runs (the project file could not answer {@code --account}). */
  static int report(UserException ex, CommandLine cl, boolean json) {
    if (json) {
      return printJson(ex, cl);
    }
    cl.getErr().println("Error: " + Escapes.lines(ex.getMessage()));
    cl.getErr().flush();
    return ExitCodes.ERROR;
  }

  @Override
  public int handleParseException(CommandLine.ParameterException ex, String[] args) {
    return usageError(ex, java.util.Arrays.asList(args).contains("--json"));
  }

  /** A usage error: the message, what was probably meant, where help is; exit 1. */
  private static int usageError(CommandLine.ParameterException ex, boolean json) {
    CommandLine cl = ex.getCommandLine();
    PrintWriter err = cl.getErr();
    if (json) {
      // A pipeline that asked for JSON gets JSON on stdout even for a usage error.
      printJson(new UserException(ex.getMessage()), cl);
    } else {
      err.println("Error: " + Escapes.lines(ex.getMessage()));
    }
    UsageHints.print(ex, err);
    err.println("Run '" + cl.getCommandSpec().qualifiedName() + " --help'.");
    err.flush();
    return ExitCodes.ERROR;
  }

  /** True when the command line asked for {@code --json} (at any level of subcommand). */
  static boolean wantsJson(CommandLine.ParseResult parseResult) {
    for (CommandLine.ParseResult p = parseResult; p != null; p = p.subcommand()) {
      if (p.hasMatchedOption("--json")) {
        return true;
      }
    }
    return false;
  }

  /**
   * For {@code --json}: the failure as one JSON document on stdout (the error form of
   * schemas/plan.schema.json, with apply's {@code report} of what was done before it, if any) and
   * as an {@code Error:} line on stderr for the CI log; exit 1.
   */
  static int printJson(Throwable ex, CommandLine cl) {
    Optional<ObjectNode> report = Optional.empty();
    Throwable failure = ex;
    if (ex instanceof ReportedFailure r) {
      report = r.report();
      failure = r.getCause();
    }
    ObjectNode doc = io.chatform.model.Json.object();
    doc.put("format_version", io.chatform.plan.Plan.FORMAT_VERSION);
    doc.putObject("error").put("message", messageOf(failure));
    report.ifPresent(r -> doc.set("report", r));
    cl.getOut().println(io.chatform.model.Json.pretty(doc));
    cl.getOut().flush();
    cl.getErr().println("Error: " + Escapes.lines(messageOf(failure)));
    cl.getErr().flush();
    return ExitCodes.ERROR;
  }

  /** The one-line message of any failure, as JSON error output words it. */
  static String messageOf(Throwable ex) {
    return messageOf(ex, true);
  }

  private static String messageOf(Throwable ex, boolean markUnexpected) {
    String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    return userFacing(ex) || !markUnexpected ? msg : msg + " (unexpected error)";
  }

  /** Written for users: our own messages, and I/O failures (they name the file and the cause). */
  private static boolean userFacing(Throwable ex) {
    return ex instanceof io.chatform.model.UserFacingException || ex instanceof java.io.IOException;
  }

  /**
   * A failure after apply's first write: the report of what was done goes into the {@code --json}
   * error document (the text report is printed by apply itself, before the error line).
   */
  static final class ReportedFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient Optional<ObjectNode> report;

    ReportedFailure(RuntimeException cause, Optional<ObjectNode> report) {
      super(cause.getMessage(), cause);
      this.report = report;
    }

    Optional<ObjectNode> report() {
      return report;
    }
  }
}
