package io.chatform.cli;

import io.chatform.model.Escapes;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Maps every exception a command throws to an exit code and one clear line, in one place, so no
 * command can exit 0 after a failure or print a stack trace at a user.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(
      Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
    PrintWriter err = cl.getErr();
    if (ex instanceof picocli.CommandLine.ParameterException) {
      err.println("Error: " + Escapes.lines(ex.getMessage()));
      return ExitCodes.ERROR;
    }
    if (ex instanceof io.chatform.model.UserFacingException) {
      err.println("Error: " + Escapes.lines(ex.getMessage()));
    } else {
      String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
      err.println("Error: " + Escapes.lines(msg));
      if (System.getenv("CHATFORM_TRACE") != null) {
        ex.printStackTrace(err);
      } else {
        err.println("(unexpected error; set CHATFORM_TRACE=1 for details)");
      }
    }
    err.flush();
    return ExitCodes.ERROR;
  }

  /**
   * For {@code --json}: the failure as one JSON document on stdout (the error form of
   * schemas/plan.schema.json) and as an {@code Error:} line on stderr for the CI log; exit 1.
   */
  static int printJson(Exception ex, CommandLine cl) {
    return printJson(ex, cl, java.util.Optional.empty());
  }

  /**
   * As {@link #printJson(Exception, CommandLine)}, with the apply {@code report} of what was done
   * before the failure (apply fails after its first write: verification, a refused re-plan).
   */
  static int printJson(
      Exception ex,
      CommandLine cl,
      java.util.Optional<com.fasterxml.jackson.databind.node.ObjectNode> report) {
    com.fasterxml.jackson.databind.node.ObjectNode doc = io.chatform.kinds.Json.object();
    doc.put("format_version", io.chatform.plan.Plan.FORMAT_VERSION);
    doc.putObject("error").put("message", messageOf(ex));
    report.ifPresent(r -> doc.set("report", r));
    cl.getOut().println(io.chatform.kinds.Json.pretty(doc));
    cl.getOut().flush();
    cl.getErr().println("Error: " + Escapes.lines(messageOf(ex)));
    cl.getErr().flush();
    return ExitCodes.ERROR;
  }

  /** The one-line message of any failure, for JSON error output. */
  static String messageOf(Exception ex) {
    String msg = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
    return ex instanceof io.chatform.model.UserFacingException ? msg : msg + " (unexpected error)";
  }
}
