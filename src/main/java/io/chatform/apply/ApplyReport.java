package io.chatform.apply;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Escapes;
import io.chatform.model.Json;
import java.util.List;

/** What an apply did, action by action: always accurate, even after a failure or an interrupt. */
public record ApplyReport(List<ActionResult> results, boolean interrupted, long millis) {
  public ApplyReport {
    results = List.copyOf(results);
  }

  /** The report of an apply stopped before its first action (interrupt, refusal). */
  public static ApplyReport nothingDone(boolean interrupted) {
    return new ApplyReport(List.of(), interrupted, 0);
  }

  public long count(Outcome o) {
    return results.stream().filter(r -> r.outcome() == o).count();
  }

  /** True when anything failed, is unknown or did not run: the command must exit 1. */
  public boolean incomplete() {
    return interrupted
        || count(Outcome.FAILED) > 0
        || count(Outcome.UNKNOWN) > 0
        || count(Outcome.SKIPPED) > 0;
  }

  public String summary() {
    long unknown = count(Outcome.UNKNOWN);
    return String.format(
        "Apply %s: %d done, %d failed, %d skipped%s (%.1f s).",
        interrupted ? "interrupted" : incomplete() ? "incomplete" : "complete",
        count(Outcome.DONE),
        count(Outcome.FAILED),
        count(Outcome.SKIPPED),
        unknown == 0 ? "" : ", " + unknown + " unknown",
        millis / 1000.0);
  }

  /** The report with advice that assumes nothing about the rerun (library callers). */
  public String text() {
    return text(Rerun.UNKNOWN);
  }

  /** Every action that did not end done, the summary, and advice that is true for {@code rerun}. */
  public String text(Rerun rerun) {
    StringBuilder out = new StringBuilder();
    for (ActionResult r : results) {
      if (r.outcome() == Outcome.DONE) {
        continue;
      }
      out.append(
              switch (r.outcome()) {
                case FAILED -> "  failed  ";
                case UNKNOWN -> "  unknown ";
                default -> "  skipped ";
              })
          .append(r.action().type().symbol())
          .append(' ')
          .append(Escapes.line(r.action().address()));
      r.errorType().ifPresent(t -> out.append(" [").append(t).append(']'));
      r.message().ifPresent(m -> out.append(": ").append(Escapes.line(m)));
      out.append('\n');
    }
    out.append(summary()).append('\n');
    NextSteps.lines(this, rerun).forEach(l -> out.append(l).append('\n'));
    return out.toString();
  }

  public ObjectNode json() {
    return json(Rerun.UNKNOWN);
  }

  public ObjectNode json(Rerun rerun) {
    ObjectNode root = Json.object();
    root.put("interrupted", interrupted);
    root.put("millis", millis);
    root.put("done", count(Outcome.DONE));
    root.put("failed", count(Outcome.FAILED));
    root.put("skipped", count(Outcome.SKIPPED));
    root.put("unknown", count(Outcome.UNKNOWN));
    ArrayNode items = root.putArray("results");
    for (ActionResult r : results) {
      ObjectNode o = items.addObject();
      o.put("id", r.action().id());
      o.put("address", r.action().address());
      o.put("type", r.action().type().verb());
      o.put("outcome", r.outcome().name().toLowerCase(java.util.Locale.ROOT));
      r.errorType().ifPresent(t -> o.put("error_type", t));
      r.message().ifPresent(m -> o.put("message", m));
      o.put("millis", r.millis());
    }
    ArrayNode advice = root.putArray("advice");
    NextSteps.lines(this, rerun).forEach(advice::add);
    return root;
  }
}
