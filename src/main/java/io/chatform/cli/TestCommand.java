package io.chatform.cli;

import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import io.chatform.route.ManifestTests;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/**
 * {@code chatform test}: runs the manifests' routing and staffing expectations offline, so a change
 * that sends visitors elsewhere or leaves a group unstaffed fails before review.
 */
@Command(
    name = "test",
    modelTransformer = HelpScope.Offline.class,
    footerHeading = "%nExamples:%n",
    footer = {
      "  chatform test -f examples/acme",
      "  chatform test -f examples/starter -f more-tests/"
    },
    description = "Run the manifests' tests (routes_to and staffed expectations) offline.",
    mixinStandardHelpOptions = true)
public final class TestCommand extends ManifestPaths implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @picocli.CommandLine.ParentCommand ChatformCommand root;

  /** Only {@code --api-version} is used (its limits apply while loading). */
  @Mixin TargetOptions target;

  @Override
  public Integer call() {
    ApiVersion version = target.version();
    PlanFlags flags = new PlanFlags();
    flags.files = files;
    DesiredState desired = flags.load(version, "test", OfflineEnv.lenient(root.env()));
    List<ManifestTests.Outcome> outcomes = ManifestTests.run(files, desired);
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    long failed = outcomes.stream().filter(o -> !o.passed()).count();
    outcomes.stream().filter(o -> !o.passed()).forEach(o -> err.println(o.format()));
    if (outcomes.isEmpty()) {
      out.println(
          "No tests found: add a tests: section (or a *.tests.yaml file), see"
              + " docs/routing.md.");
    } else if (failed == 0) {
      out.println(outcomes.size() + (outcomes.size() == 1 ? " test passed." : " tests passed."));
    } else {
      err.println(failed + " of " + outcomes.size() + " tests failed.");
    }
    out.flush();
    err.flush();
    return failed == 0 ? ExitCodes.OK : ExitCodes.ERROR;
  }
}
