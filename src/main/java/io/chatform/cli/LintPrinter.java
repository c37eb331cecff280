package io.chatform.cli;

import io.chatform.model.DesiredState;
import io.chatform.route.Finding;
import io.chatform.route.Lint;
import io.chatform.route.RoutingModel;
import java.io.PrintWriter;
import java.util.List;

/** Prints {@code validate --lint} warnings; kept apart so validate itself stays small. */
final class LintPrinter {
  private LintPrinter() {}

  static void print(DesiredState state, PrintWriter err) {
    List<Finding> findings = Lint.run(RoutingModel.of(state));
    findings.forEach(f -> err.println(f.format()));
    int n = findings.size();
    err.println(
        n == 0 ? "Lint: no warnings." : "Lint: " + n + (n == 1 ? " warning." : " warnings."));
  }
}
