package io.chatform.cli;

import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import io.chatform.plan.Action;
import io.chatform.plan.Heading;
import io.chatform.plan.MarkdownRenderer;
import io.chatform.plan.Plan;
import io.chatform.plan.PlanJson;
import io.chatform.plan.TextRenderer;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code chatform drift}: for schedules — reads the account and reports every difference from the
 * manifests (what apply would undo). Exit 2 when there is drift, 0 when none, 1 on error. Never
 * writes.
 */
@Command(
    name = "drift",
    modelTransformer = HelpScope.Drift.class,
    footerHeading = "%nExamples:%n",
    footer = {
      "  chatform drift -f examples/acme",
      "  chatform drift -f examples/acme --markdown",
      "  chatform drift --sandbox -f examples/starter --json"
    },
    description = "Report what changed in the account by hand since the manifests were applied.",
    mixinStandardHelpOptions = true)
public final class DriftCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @picocli.CommandLine.ParentCommand ChatformCommand root;
  @Mixin PlanFlags flags;
  @Mixin TargetOptions target;

  @Option(
      names = "--json",
      description = "Print the drift as a plan in JSON (schemas/drift.schema.json).")
  boolean json;

  @Option(names = "--markdown", description = "Print the drift as Markdown, e.g. for an issue.")
  boolean markdown;

  /** Accepted so plan's pipeline flags work unchanged here; drift always exits 2 on drift. */
  @Option(
      names = "--detailed-exitcode",
      description = "Accepted for symmetry with plan (drift always exits 2 when there is drift).")
  boolean detailedExitcode;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ApiVersion version = target.version();
    flags.sendsSecrets = false; // drift only reports: a missing secret is never needed
    DesiredState desired = flags.load(version, "drift", root.env());
    // Drift reports; it never writes. The guard rails that stop a destructive apply (an empty
    // section, --max-deletions) would only hide the very drift a schedule is meant to see.
    flags.allowEmpty = true;
    flags.maxDeletions = null;
    flags.maxDestructive = null;
    // A group deleted by hand that the manifests name, or a slot filled by hand, is drift to
    // report, not an error.
    flags.applyChecks = false;
    Plan plan;
    try (Connection c = Connection.open(target, root.env(), spec.commandLine().getErr())) {
      plan = flags.plan(c, desired, false).plan();
    }
    if (json) {
      out.println(io.chatform.model.Json.pretty(PlanJson.write(plan)));
    } else if (markdown) {
      out.print(new MarkdownRenderer(Heading.DRIFT, java.util.Optional.empty()).render(plan));
    } else if (!plan.hasChanges()) {
      out.println("No drift: the account matches the manifests.");
    } else {
      out.println("Drift: " + plan.actions().size() + " object(s) differ from the manifests:");
      for (Action a : plan.actions()) {
        out.println(
            "  "
                + a.type().symbol()
                + " "
                + io.chatform.model.Escapes.line(a.address())
                + "  (apply would "
                + a.type().verb()
                + " it)");
      }
      out.println();
      // drift never writes: say whose actions these would be.
      out.print(new TextRenderer(flags.color(), Heading.DRIFT).render(plan));
    }
    out.flush();
    return plan.hasChanges() ? ExitCodes.CHANGES : ExitCodes.OK;
  }
}
