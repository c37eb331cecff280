package io.chatform.apply;

import io.chatform.plan.ActionType;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The advice after an apply that did not finish everything. It is printed only where it is true:
 * "converges without duplicates" needs every failure to be one a rerun can get past (the server
 * failed, the network, the rate limit) and a rerun that cannot plan from lists that lag behind this
 * run's writes (the journal, or waiting out the documented window).
 */
final class NextSteps {
  /** Failures a rerun can get past without anyone changing anything. */
  private static final Set<String> TRANSIENT =
      Set.of("internal", "transport", "too_many_requests", "io", "unexpected_response");

  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  private NextSteps() {}

  static List<String> lines(ApplyReport report, Rerun rerun) {
    List<String> out = new ArrayList<>();
    if (!report.incomplete()) {
      return out;
    }
    long unknown = report.count(Outcome.UNKNOWN);
    if (unknown > 0) {
      out.add(
          unknown
              + " action"
              + (unknown == 1 ? "" : "s")
              + " ended with an unknown outcome: the answer was lost, so the account may or may"
              + " not have the change; nothing is reported done that was not confirmed.");
    }
    boolean concurrent =
        report.results().stream()
            .anyMatch(
                r ->
                    r.outcome() == Outcome.FAILED
                        && r.action().type() == ActionType.CREATE
                        && r.errorType().filter("already_exists"::equals).isPresent());
    if (concurrent) {
      out.add(
          "already_exists on a create the plan believed new: another writer (a concurrent apply,"
              + " or someone by hand) likely created it meanwhile. Plan again and review; make"
              + " applies to one account take turns (the account lock, --lock, where this version"
              + " of chatform has it, or one pipeline at a time).");
    }
    boolean permanent =
        report.results().stream()
            .anyMatch(
                r ->
                    r.outcome() == Outcome.FAILED
                        && !TRANSIENT.contains(r.errorType().orElse("internal")));
    if (permanent) {
      out.add(
          "The API refused "
              + (concurrent ? "some actions" : "what failed above")
              + ": fix the cause, then run the same apply again; it re-reads the account.");
      return out;
    }
    String when = rerun.settledAt().map(TIME::format).orElse(null);
    if (rerun.known() && when == null) {
      out.add(
          "Run the same apply again: nothing was written, so it re-reads the account and"
              + " converges without duplicates.");
    } else if (rerun.journal().isPresent()) {
      out.add(
          "Run the same apply again: on this machine it first waits for the account to show this"
              + " run's writes (journal "
              + rerun.journal().get()
              + (when == null ? "" : "; at most until " + when)
              + "), re-reads it and converges without duplicates."
              + (when == null
                  ? ""
                  : " Elsewhere (e.g. a fresh CI job), start it after " + when + "."));
    } else if (when != null) {
      out.add(
          "Wait until "
              + when
              + " (the API shows changes within 2 minutes), then run the same apply again: it"
              + " re-reads the account and converges without duplicates.");
    } else {
      out.add(
          "Wait 2 minutes (the API shows changes within 2 minutes), then run the same apply"
              + " again: it re-reads the account and converges without duplicates.");
    }
    return out;
  }
}
