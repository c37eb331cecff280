package io.chatform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.model.ApiVersion;
import io.chatform.model.Json;
import io.chatform.route.HtmlReport;
import io.chatform.route.Lint;
import io.chatform.route.PlanMarks;
import io.chatform.route.RoutingModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code chatform report}: one self-contained HTML page showing the routing, staffing and lint
 * findings (and a saved plan's changes on the map), to attach to a pull request.
 */
@Command(
    name = "report",
    modelTransformer = HelpScope.Offline.class,
    footerHeading = "%nExamples:%n",
    footer = {
      "  chatform report -f examples/acme --out report.html",
      "  chatform report -f examples/acme --plan plan.json --out report.html"
    },
    description = "Write an HTML report: routing map, staffing heatmaps, lint, plan changes.",
    mixinStandardHelpOptions = true)
public final class ReportCommand extends ManifestPaths implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @picocli.CommandLine.ParentCommand ChatformCommand root;

  @Option(
      names = "--plan",
      paramLabel = "PLANFILE",
      description = "A plan saved by plan --out: its changes are highlighted on the map.")
  Path plan;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Where to write the HTML.")
  Path out;

  /** Only {@code --api-version} is used (its limits apply while loading). */
  @Mixin TargetOptions target;

  @Override
  public Integer call() throws IOException {
    ApiVersion version = target.version();
    PlanMarks marks = PlanMarks.NONE;
    if (plan != null) {
      JsonNode doc;
      try {
        doc = Json.MAPPER.readTree(plan.toFile());
      } catch (IOException e) {
        throw new UserException(
            "cannot read the plan "
                + plan
                + " ("
                + e.getMessage()
                + "): pass a file written by"
                + " chatform plan --out");
      }
      if (doc == null || !doc.has("actions")) {
        throw new UserException(
            plan + " is not a saved plan (no actions): pass a file written by chatform plan --out");
      }
      marks = PlanMarks.of(doc);
    }
    PlanFlags flags = new PlanFlags();
    flags.files = files;
    RoutingModel model =
        RoutingModel.of(flags.load(version, "report", OfflineEnv.lenient(root.env())));
    String html = HtmlReport.render(model, Lint.run(model), marks);
    OutputFile.write(out, html);
    spec.commandLine().getErr().println("Wrote " + out + ".");
    return ExitCodes.OK;
  }
}
