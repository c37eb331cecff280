package io.chatform.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.apply.Rerun;
import io.chatform.model.Json;
import io.chatform.plan.Plan;
import java.io.PrintWriter;

/**
 * What apply prints on SIGINT/SIGTERM, in whatever phase: the report of what was done (or that
 * nothing was), where it stopped, and — from the report — what a rerun can count on.
 */
final class InterruptReport {
  private InterruptReport() {}

  static void print(PrintWriter out, boolean json, Rerun rerun, ApplySession.Interrupted i) {
    String where =
        switch (i.phase()) {
          case PLANNING -> "while planning";
          case CONFIRMING -> "while asking for confirmation";
          case EXECUTING -> "while applying";
          case VERIFYING -> "while verifying (the changes above were made; not verified)";
          case FINISHED -> "";
        };
    if (json) {
      ObjectNode doc = Json.object();
      doc.put("format_version", Plan.FORMAT_VERSION);
      doc.putObject("error")
          .put(
              "message",
              "interrupted "
                  + where
                  + (i.report().isEmpty()
                      ? "; nothing was applied, run the same apply again"
                      : "; the report says what was done and what to do next"));
      i.report().ifPresent(r -> doc.set("report", r.json(rerun)));
      out.println(io.chatform.model.Json.pretty(doc));
    } else if (i.report().isEmpty()) {
      out.println("Apply interrupted " + where + ": nothing was applied.");
    } else {
      out.print(i.report().get().text(rerun));
      out.println("Interrupted " + where + ".");
    }
    out.flush();
  }
}
