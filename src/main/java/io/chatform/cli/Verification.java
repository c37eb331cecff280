package io.chatform.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.apply.ReadYourWrites;
import io.chatform.model.Json;
import io.chatform.plan.Plan;
import io.chatform.plan.PlanJson;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * The check after an apply, honest under the API's propagation delay: it re-reads until the account
 * matches the manifests and lists every write of this run (created ids listed, deleted ids gone),
 * or {@code --verify-timeout} passes. Differences left while the documented window after the last
 * write is still open could be lag: they are "not yet visible", never "Verified" nor "failed".
 */
final class Verification {
  /** What the last re-read showed. */
  record Result(
      Plan remaining, List<ReadYourWrites.Pending> unlisted, boolean couldBeLag, long millis) {
    boolean matches() {
      return !remaining.hasChanges() && unlisted.isEmpty();
    }
  }

  private Verification() {}

  static Result run(
      Supplier<PlanFlags.Planned> plan,
      WriteWindow window,
      Duration timeout,
      PrintWriter err,
      ProgressPrinter progress)
      throws InterruptedException {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    err.println("Verifying: re-reading the account (up to " + timeout.toSeconds() + " s)…");
    err.flush();
    while (true) {
      PlanFlags.Planned again = plan.get();
      List<ReadYourWrites.Pending> unlisted =
          ReadYourWrites.pending(again.snapshot().state(), window.ofThisRun(), window.window());
      long millis = (System.nanoTime() - start) / 1_000_000;
      if ((!again.plan().hasChanges() && unlisted.isEmpty()) || System.nanoTime() > deadline) {
        return new Result(again.plan(), unlisted, window.withinWindow(), millis);
      }
      progress.note(
          "Verifying: "
              + (again.plan().actions().size() + unlisted.size())
              + " difference(s) left after "
              + millis / 1000
              + " s (the API shows writes with a delay); reading again…");
      Thread.sleep(Math.min(2000, Math.max(100, timeout.toMillis() / 10)));
    }
  }

  static String text(Result r) {
    Plan remaining = r.remaining();
    if (r.matches() && !remaining.notices().isEmpty()) {
      return "Verified: the account matches the manifests, except what the "
          + remaining.notices().size()
          + " notice(s) say the API cannot change.\n";
    }
    if (r.matches()) {
      return "Verified: the account matches the manifests.\n";
    }
    StringBuilder sb = new StringBuilder();
    if (r.couldBeLag()) {
      sb.append("Not yet visible after ")
          .append(r.millis() / 1000)
          .append(" s (--verify-timeout): the API lists changes within 2 minutes, and these do")
          .append(" not show yet (not verified, not failed):\n");
    } else {
      sb.append("Verification: the account still differs:\n");
    }
    // Names from the manifests or the account may hold control characters: escaped (issue #11).
    remaining
        .actions()
        .forEach(
            a -> sb.append("  ").append(io.chatform.model.Escapes.line(a.toString())).append('\n'));
    r.unlisted()
        .forEach(p -> sb.append("  ").append(io.chatform.model.Escapes.line(p.why())).append('\n'));
    if (r.couldBeLag()) {
      sb.append("Run `chatform drift` with the same manifests in a few minutes to confirm.\n");
    }
    return sb.toString();
  }

  static ObjectNode json(Result r) {
    ObjectNode v = Json.object();
    v.put("matches", r.matches());
    v.put("not_yet_visible", !r.matches() && r.couldBeLag());
    v.set("remaining", PlanJson.write(r.remaining()).get("actions"));
    var unlisted = v.putArray("unlisted_writes");
    r.unlisted().forEach(p -> unlisted.add(p.why()));
    return v;
  }
}
