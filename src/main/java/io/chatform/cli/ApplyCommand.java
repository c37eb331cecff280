package io.chatform.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.apply.ApplyReport;
import io.chatform.apply.ClientRunner;
import io.chatform.apply.Executor;
import io.chatform.kinds.LiveReader;
import io.chatform.kinds.WriteContext;
import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import io.chatform.model.Json;
import io.chatform.plan.Plan;
import io.chatform.plan.PlanJson;
import io.chatform.plan.TextRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
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
    footerHeading = "%nExamples:%n",
    footer = {
      "  chatform apply --sandbox -f examples/starter --auto-approve",
      "  chatform apply plan.json --auto-approve",
      "  chatform apply -f examples/acme --max-deletions 5 --json"
    },
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
      description =
          "Print the plan, the report and the verification as one JSON document"
              + " (schemas/apply.schema.json).")
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

  @Mixin ConsistencyOptions consistency;

  /** Set once the run is under way: the report and advice outlive any later failure. */
  private ApplySession session;

  private WriteWindow writeWindow;

  @Override
  public Integer call() throws Exception {
    try (ApplySession s = new ApplySession(this::printInterrupted)) {
      session = s;
      try {
        return run();
      } catch (RuntimeException e) {
        // Whatever fails after the first write (verification, a refused re-plan), the report of
        // what was done still prints: on stdout in text, inside the error document with --json.
        Optional<ApplyReport> report = s.report();
        if (json) {
          // With --json, stdout stays one JSON document even on failure (jq in a pipeline): the
          // error handler prints it with the report, unless an interrupt already printed one.
          if (!s.printOnce(() -> {})) {
            return ExitCodes.ERROR;
          }
          throw new ErrorHandler.ReportedFailure(e, report.map(r -> r.json(rerun())));
        }
        report.ifPresent(
            r ->
                s.printOnce(
                    () -> {
                      PrintWriter out = spec.commandLine().getOut();
                      out.print(r.text(rerun()));
                      out.flush();
                    }));
        throw e;
      } finally {
        s.phase(ApplySession.Phase.FINISHED);
      }
    }
  }

  private ProgressPrinter progress;

  /** The one progress printer of this apply ({@code --progress}), for reads, actions, verify. */
  private ProgressPrinter progress() {
    if (progress == null) {
      progress = new ProgressPrinter(progressMode, spec.commandLine().getErr());
    }
    return progress;
  }

  private io.chatform.apply.Rerun rerun() {
    return writeWindow == null ? io.chatform.apply.Rerun.UNKNOWN : writeWindow.rerun();
  }

  /** SIGINT/SIGTERM: the report so far (or that nothing was applied), and where it stopped. */
  private void printInterrupted(ApplySession.Interrupted i) {
    InterruptReport.print(spec.commandLine().getOut(), json, rerun(), i);
  }

  private int run() throws InterruptedException {
    FlagChecks.range("--verify-timeout", verifyTimeout, 0, 86_400);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    // Read once: a file that is no saved plan at all is refused before the account (and its
    // lock) is touched, and what is proven below is exactly what was read here.
    Optional<com.fasterxml.jackson.databind.JsonNode> saved =
        Optional.ofNullable(planFile).map(SavedPlans::readTree);
    // The target the plan records, unless flags name one (PlanProof refuses a mismatch).
    saved.ifPresent(
        tree ->
            SavedPlans.recordedTarget(tree)
                .ifPresent(t -> target.defaultTo(t, PlanMac.authenticated(tree, root.env()))));
    ApiVersion version = target.version();
    if (planFile != null && flags.files.isEmpty()) {
      // Without -f, check the saved plan against the manifests it was made from.
      flags.files.addAll(SavedPlans.recordedManifests(planFile));
    }
    Optional<DesiredState> desired =
        planFile == null || !flags.files.isEmpty()
            ? Optional.of(flags.load(version, "apply", root.env()))
            : Optional.empty();
    saved.ifPresent(tree -> SavedPlans.parse(planFile, tree));
    java.util.Set<String> owners =
        desired.map(io.chatform.kinds.Owners::declared).orElse(java.util.Set.of());
    try (Connection c = PlanProof.sameTarget(Connection.open(target, root.env(), err), saved);
        LockGuard guard =
            LockGuard.acquire(
                lock,
                c,
                owners,
                root.env(),
                err,
                consistency.noJournal
                    ? Optional.empty()
                    : Optional.of(consistency.journalDir(target)))) {
      // Taken after the lock: a writer that waited for another sees that one's journal lines,
      // and the lease says whether the previous apply (maybe elsewhere) wrote inside the window.
      WriteWindow window = WriteWindow.open(consistency, target, c, guard.lease());
      writeWindow = window;
      Plan plan;
      LiveReader.Snapshot snapshot;
      LiveReader.Snapshot read =
          window.readWhenVisible(
              () -> progress().reading(() -> new LiveReader(c.client()).read(desired.get())), err);
      if (planFile != null) {
        // The saved plan is a claim; planning again is the proof, and what runs (PlanProof).
        PlanFlags.Planned proven =
            PlanProof.prove(
                planFile, saved.get(), desired.orElseThrow(), flags, c, root.env(), err, read);
        plan = proven.plan();
        snapshot = proven.snapshot();
      } else {
        PlanFlags.Planned planned = flags.plan(c, desired.orElseThrow(), true, read);
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
        session.phase(ApplySession.Phase.CONFIRMING);
        if (json) {
          err.print(new TextRenderer(flags.color()).render(plan)); // what the user approves
        }
        confirm(err);
      }
      if (session.stopRequested()) {
        return ExitCodes.ERROR; // the hook says nothing was applied
      }
      Plan approved = plan;
      LiveReader.Snapshot base = snapshot;
      ApplyReport report = guard.whileWriting(() -> execute(approved, base, c, err));
      if (report.interrupted()) {
        return ExitCodes.ERROR; // the report is already out (printed before the hook returned)
      }
      Optional<Verification.Result> remaining = Optional.empty();
      if (!report.incomplete() && desired.isPresent() && verifyTimeout > 0) {
        session.phase(ApplySession.Phase.VERIFYING);
        session.releaseHook();
        try {
          remaining =
              Optional.of(
                  Verification.run(
                      () -> flags.plan(c, desired.get(), false),
                      window,
                      java.time.Duration.ofSeconds(verifyTimeout),
                      err,
                      progress()));
        } catch (RuntimeException e) {
          throw new UserException(
              "verification could not re-read the account after the apply (the report says"
                  + " what was done): "
                  + ErrorHandler.messageOf(e),
              e);
        }
      }
      Optional<Verification.Result> v = remaining;
      session.printOnce(
          () -> {
            if (json) {
              out.println(Json.pretty(result(plan, Optional.of(report), v)));
            } else {
              out.print(report.text(rerun()));
              v.ifPresent(r -> out.print(Verification.text(r)));
            }
            out.flush();
          });
      boolean verified = remaining.map(Verification.Result::matches).orElse(true);
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
    session.phase(ApplySession.Phase.EXECUTING);
    try {
      Executor executor =
          new Executor(
              new ClientRunner(ctx),
              c.client().config().parallelism(),
              failFast,
              progress(),
              session::stopRequested);
      ApplyReport report = executor.execute(plan);
      session.executed(report);
      if (report.interrupted()) {
        // Print before the shutdown hook is released: the JVM exits as soon as it returns.
        session.printOnce(
            () ->
                printInterrupted(
                    new ApplySession.Interrupted(
                        ApplySession.Phase.EXECUTING, Optional.of(report))));
      }
      return report;
    } finally {
      if (session.stopRequested()) {
        session.releaseHook();
      }
    }
  }

  private ObjectNode result(
      Plan plan, Optional<ApplyReport> report, Optional<Verification.Result> remaining) {
    ObjectNode root = Json.object();
    root.put("format_version", Plan.FORMAT_VERSION); // schemas/apply.schema.json
    root.set("plan", PlanJson.write(plan));
    report.ifPresent(r -> root.set("report", r.json(rerun())));
    remaining.ifPresent(r -> root.set("verify", Verification.json(r)));
    return root;
  }
}
