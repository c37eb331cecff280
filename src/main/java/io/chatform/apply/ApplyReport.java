package io.chatform.apply;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.kinds.Json;
import io.chatform.model.Escapes;
import java.util.List;

/** What an apply did, action by action: always accurate, even after a failure or an interrupt. */
public record ApplyReport(List<ActionResult> results, boolean interrupted, long millis) {
  public ApplyReport {
    results = List.copyOf(results);
  }

  public long count(Outcome o) {
    return results.stream().filter(r -> r.outcome() == o).count();
  }

  /** True when anything failed or did not run: the command must exit 1. */
  public boolean incomplete() {
    return interrupted || count(Outcome.FAILED) > 0 || count(Outcome.SKIPPED) > 0;
  }

  public String summary() {
    return String.format(
        "Apply %s: %d done, %d failed, %d skipped (%.1f s).",
        interrupted ? "interrupted" : incomplete() ? "incomplete" : "complete",
        count(Outcome.DONE),
        count(Outcome.FAILED),
        count(Outcome.SKIPPED),
        millis / 1000.0);
  }

  public String text() {
    StringBuilder out = new StringBuilder();
    for (ActionResult r : results) {
      if (r.outcome() == Outcome.DONE) {
        continue;
      }
      out.append(r.outcome() == Outcome.FAILED ? "  failed  " : "  skipped ")
          .append(r.action().type().symbol())
          .append(' ')
          .append(Escapes.line(r.action().address()));
      r.errorType().ifPresent(t -> out.append(" [").append(t).append(']'));
      r.message().ifPresent(m -> out.append(": ").append(Escapes.line(m)));
      out.append('\n');
    }
    out.append(summary()).append('\n');
    if (incomplete()) {
      out.append(
          "Run the same apply again: it re-reads the account and converges without duplicates.\n");
    }
    return out.toString();
  }

  public ObjectNode json() {
    ObjectNode root = Json.object();
    root.put("interrupted", interrupted);
    root.put("millis", millis);
    root.put("done", count(Outcome.DONE));
    root.put("failed", count(Outcome.FAILED));
    root.put("skipped", count(Outcome.SKIPPED));
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
    return root;
  }
}
