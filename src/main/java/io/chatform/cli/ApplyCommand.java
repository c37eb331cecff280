package io.chatform.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.apply.ApplyReport;
import io.chatform.apply.ClientRunner;
import io.chatform.apply.Executor;
import io.chatform.kinds.Json;
import io.chatform.kinds.LiveReader;
import io.chatform.kinds.WriteContext;
import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import io.chatform.model.Escapes;
import io.chatform.plan.Plan;
import io.chatform.plan.PlanJson;
import io.chatform.plan.TextRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code chatform apply}: plans (or loads a saved plan and proves it is still fresh), asks, runs
 * the actions in dependency order, reports every action's outcome, and verifies the result.
 */
@Command(
    name = "apply",
    description = "Change the account to match the manifests (or apply a saved plan exactly).",
    mixinStandardHelpOptions = true)
public final class ApplyCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @picocli.CommandLine.ParentCommand ChatformCommand root;
  @Mixin PlanFlags flags;
  @Mixin TargetOptions target;
  @Mixin LockOptions lock;

  @Parameters(arity = "0..1", paramLabel = "PLANFILE", description = "A plan saved by plan --out.")
  Path planFile;

  @Option(names = "--auto-approve", description = "Apply without asking (required without a TTY).")
  boolean autoApprove;

  @Option(names = "--fail-fast", description = "Start nothing new after the first failure.")
  boolean failFast;

  @Option(
      names = "--json",
      description = "Print the plan, the report and the verification as JSON.")
  boolean json;

  @Option(
      names = "--progress",
      paramLabel = "MODE",
      defaultValue = "auto",
      description = "auto (live line on a TTY), plain (a line per action) or none.")
  ProgressPrinter.Mode progressMode;

  @Option(
      names = "--verify-timeout",
      paramLabel = "SECONDS",
      defaultValue = "120",
      description = "How long verification waits out the API's propagation delay (0 = skip).")
  int verifyTimeout;

  @Override
  public Integer call() throws Exception {
    try {
      return run();
    } catch (RuntimeException e) {
      if (!json) {
        throw e;
      }
      // With --json, stdout stays one JSON document even on failure (jq in a pipeline).
      return ErrorHandler.printJson(e, spec.commandLine());
    }
  }

  private int run() throws InterruptedException {
    FlagChecks.range("--verify-timeout", verifyTimeout, 0, 86_400);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ApiVersion version = ApiVersion.fromLabel(target.apiVersion).orElse(ApiVersion.V3_6);
    if (planFile != null && flags.files.isEmpty()) {
      // Without -f, check the saved plan against the manifests it was made from.
      flags.files.addAll(SavedPlans.recordedManifests(planFile));
    }
    Optional<DesiredState> desired =
        planFile == null || !flags.files.isEmpty()
            ? Optional.of(flags.load(version, "apply", root.env()))
            : Optional.empty();
    java.util.Set<String> owners =
        desired.map(io.chatform.kinds.Owners::declared).orElse(java.util.Set.of());
    try (Connection c = Connection.open(target, root.env(), err);
        LockGuard guard = LockGuard.acquire(lock, c, owners, root.env(), err)) {
      Plan plan;
      LiveReader.Snapshot snapshot;
      if (planFile != null) {
        // The saved plan is a claim; planning again is the proof, and what runs (PlanProof).
        PlanFlags.Planned proven =
            PlanProof.prove(planFile, desired.orElseThrow(), flags, c, root.env(), err);
        plan = proven.plan();
        snapshot = proven.snapshot();
      } else {
        PlanFlags.Planned planned = flags.plan(c, desired.orElseThrow());
        plan = planned.plan();
        snapshot = planned.snapshot();
      }
      if (!json) {
        out.print(new TextRenderer(flags.color()).render(plan));
        out.flush();
      }
      if (!plan.hasChanges()) {
        if (json) {
          out.println(Json.pretty(result(plan, Optional.empty(), Optional.empty())));
        }
        return ExitCodes.OK;
      }
      if (!autoApprove) {
        if (json) {
          err.print(new TextRenderer(flags.color()).render(plan)); // what the user approves
        }
        confirm(err);
      }
      Plan approved = plan;
      LiveReader.Snapshot read = snapshot;
      ApplyReport report = guard.whileWriting(() -> execute(approved, read, c, err));
      if (report.interrupted()) {
        return ExitCodes.ERROR; // the report is already out (printed before the hook returned)
      }
      Optional<Plan> remaining = Optional.empty();
      if (!report.incomplete() && desired.isPresent() && verifyTimeout > 0) {
        remaining = Optional.of(verify(c, desired.get()));
      }
      if (json) {
        out.println(Json.pretty(result(plan, Optional.of(report), remaining)));
      } else {
        out.print(report.text());
        remaining.ifPresent(r -> out.print(verification(r)));
      }
      out.flush();
      boolean verified = remaining.map(r -> !r.hasChanges()).orElse(true);
      return report.incomplete() || !verified ? ExitCodes.ERROR : ExitCodes.OK;
    }
  }

  /** Asks on the terminal; the question goes to stderr so stdout holds only the results. */
  private void confirm(PrintWriter err) {
    java.io.Console console = System.console();
    if (console == null) {
      throw new UserException(
          "refusing to apply without confirmation: no terminal to ask on. Review the plan and"
              + " pass --auto-approve.");
    }
    err.print("\nApply these changes? Only 'yes' is accepted: ");
    err.flush();
    String answer = console.readLine();
    if (answer == null || !answer.trim().equals("yes")) {
      throw new UserException("apply cancelled; nothing was changed");
    }
  }

  private ApplyReport execute(
      Plan plan, LiveReader.Snapshot snapshot, Connection c, PrintWriter err) {
    WriteContext ctx = WriteContext.of(c.client(), snapshot);
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch reported = new CountDownLatch(1);
    Thread hook =
        new Thread(
            () -> {
              stop.set(true); // Ctrl-C / SIGTERM: start nothing new, finish what is in flight
              try {
                reported.await(120, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      Executor executor =
          new Executor(
              new ClientRunner(ctx),
              c.client().config().parallelism(),
              failFast,
              new ProgressPrinter(progressMode, err),
              stop::get);
      ApplyReport report = executor.execute(plan);
      if (report.interrupted()) {
        // Print before the shutdown hook is released: the JVM exits as soon as it returns.
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
          out.println(Json.pretty(result(plan, Optional.of(report), Optional.empty())));
        } else {
          out.print(report.text());
        }
        out.flush();
      }
      return report;
    } finally {
      reported.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running: it returns now that the report is out
      }
    }
  }

  /** Re-reads and re-plans until nothing differs or the propagation window is over. */
  private Plan verify(Connection c, DesiredState desired) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(verifyTimeout);
    while (true) {
      Plan again = flags.plan(c, desired, false).plan();
      if (!again.hasChanges() || System.nanoTime() > deadline) {
        return again;
      }
      Thread.sleep(2000);
    }
  }

  private static String verification(Plan remaining) {
    if (!remaining.hasChanges() && !remaining.notices().isEmpty()) {
      return "Verified: the account matches the manifests, except what the "
          + remaining.notices().size()
          + " notice(s) say the API cannot change.\n";
    }
    if (!remaining.hasChanges()) {
      return "Verified: the account matches the manifests.\n";
    }
    StringBuilder sb = new StringBuilder("Verification: the account still differs:\n");
    remaining
        .actions()
        .forEach(a -> sb.append("  ").append(Escapes.line(a.toString())).append('\n'));
    return sb.toString();
  }

  private static ObjectNode result(
      Plan plan, Optional<ApplyReport> report, Optional<Plan> remaining) {
    ObjectNode root = Json.object();
    root.set("plan", PlanJson.write(plan));
    report.ifPresent(r -> root.set("report", r.json()));
    remaining.ifPresent(
        r -> {
          ObjectNode v = root.putObject("verify");
          v.put("matches", !r.hasChanges());
          v.set("remaining", PlanJson.write(r).get("actions"));
        });
    return root;
  }
}
