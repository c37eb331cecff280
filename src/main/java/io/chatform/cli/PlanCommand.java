package io.chatform.cli;

import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import io.chatform.model.Json;
import io.chatform.plan.MarkdownRenderer;
import io.chatform.plan.Plan;
import io.chatform.plan.PlanJson;
import io.chatform.plan.TextRenderer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code chatform plan}: what apply would change, for reviewers and pipelines. Never writes. */
@Command(
    name = "plan",
    footerHeading = "%nExamples:%n",
    footer = {
      "  chatform plan --sandbox -f examples/starter",
      "  chatform plan -f examples/acme --out plan.json --detailed-exitcode",
      "  chatform plan -f examples/acme --markdown > plan.md"
    },
    description = "Show what apply would change in the account. Read-only.",
    mixinStandardHelpOptions = true)
public final class PlanCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @picocli.CommandLine.ParentCommand ChatformCommand root;
  @Mixin PlanFlags flags;
  @Mixin TargetOptions target;
  @Mixin LockClientId lockClientId;

  @Option(names = "--json", description = "Print the plan as JSON (schemas/plan.schema.json).")
  boolean json;

  @Option(names = "--markdown", description = "Print the plan as Markdown, for a PR comment.")
  boolean markdown;

  @Option(names = "--out", paramLabel = "FILE", description = "Save the plan for `apply FILE`.")
  Path out;

  @Option(
      names = "--detailed-exitcode",
      description = "Exit 2 when there are changes (0 none, 1 error).")
  boolean detailedExitcode;

  @Option(names = "--skip-tests", description = "Plan even when the manifests' tests: fail.")
  boolean skipTests;

  @Override
  public Integer call() throws IOException {
    if (json && markdown) {
      throw new UserException("--json and --markdown are two output formats: pass one of them");
    }
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    ApiVersion version = target.version();
    DesiredState desired = flags.load(version, "plan", root.env());
    TestGate.require(flags.files, desired, skipTests);
    Plan plan;
    java.util.Optional<com.fasterxml.jackson.databind.node.ObjectNode> lease;
    try (Connection c = Connection.open(target, root.env(), stderr)) {
      plan = flags.plan(c, desired).plan();
      lease =
          out == null
              ? java.util.Optional.empty()
              : java.util.Optional.of(
                  LeaseObservation.observe(
                      lockClientId, c, io.chatform.kinds.Owners.declared(desired), root.env()));
    }
    if (out != null) {
      save(plan, out, flags.files, flags.options(), lease.orElseThrow(), root.env());
    }
    if (json) {
      stdout.println(
          Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(PlanJson.write(plan)));
    } else if (markdown) {
      // Too long for a comment: the saved plan holds it all.
      stdout.print(
          new MarkdownRenderer(
                  io.chatform.plan.Heading.PLAN,
                  java.util.Optional.ofNullable(out).map(f -> f.getFileName().toString()))
              .render(plan));
    } else {
      stdout.print(new TextRenderer(flags.color()).render(plan));
      if (out != null) {
        stdout.println(
            "Saved the plan to " + out + "; apply it exactly with: chatform apply " + out);
      }
    }
    stdout.flush();
    return plan.hasChanges() && detailedExitcode ? ExitCodes.CHANGES : ExitCodes.OK;
  }

  /** Writes atomically: a half-written plan file must never be applied. */
  static void save(
      Plan plan,
      Path file,
      java.util.List<Path> manifests,
      com.fasterxml.jackson.databind.node.ObjectNode options,
      com.fasterxml.jackson.databind.node.ObjectNode lease,
      java.util.Map<String, String> env)
      throws IOException {
    // The manifests it was made from, so `apply FILE` can check they did not change since.
    com.fasterxml.jackson.databind.node.ObjectNode json = PlanJson.write(plan);
    com.fasterxml.jackson.databind.node.ArrayNode paths = json.putArray("manifests");
    manifests.forEach(m -> paths.add(m.toString()));
    json.set("options", options); // to explain a refusal if apply is given other ones
    json.set("lease", lease); // the account lock as this plan saw it (docs/locking.md)
    PlanMac.sign(json, env); // last: with CHATFORM_PLAN_KEY set, proves the file's origin at apply
    OutputFile.write(file, Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(json));
  }
}
