package io.chatform.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.chatform.manifest.Diagnostic;
import io.chatform.manifest.LoadResult;
import io.chatform.manifest.ManifestFiles;
import io.chatform.manifest.ManifestLoader;
import io.chatform.manifest.SecretMode;
import io.chatform.manifest.Variables;
import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code chatform validate}: checks manifests offline and reports every problem with its position,
 * so they can be fixed before anything talks to the API.
 */
@Command(
    name = "validate",
    modelTransformer = HelpScope.Offline.class,
    mixinStandardHelpOptions = true,
    footerHeading = "%nExamples:%n",
    footer = {
      "  chatform validate -f examples/starter",
      "  chatform validate -f examples/acme --lint",
      "  chatform validate -f examples/full --resolve --json"
    },
    description = "Check manifests offline: syntax, schema, references and API limits.")
public final class ValidateCommand extends ManifestPaths implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;
  @picocli.CommandLine.ParentCommand ChatformCommand root;

  @Option(names = "--json", description = "Print the diagnostics as a JSON array on stdout.")
  boolean json;

  @Option(
      names = "--resolve",
      description =
          "Also resolve $${env:...} and $${file:...} references and report any that are unset, empty"
              + " or missing; without it they are checked for shape only, so validate needs no"
              + " secrets (e.g. on pull requests from forks).")
  boolean resolve;

  @Option(
      names = "--print-merged",
      description =
          "Print the manifests as one document after $${var:...} variables and overlays (references"
              + " to secrets as written) on stdout, instead of the summary line.")
  boolean printMerged;

  @Option(
      names = "--lint",
      description = "Also warn about routing coverage (stderr; warnings keep exit code 0).")
  boolean lint;

  /**
   * The same target options as every other command, so a pipeline can pass one set of flags to all
   * of them; validate works offline and uses only {@code --api-version} (whose limits apply), the
   * same versions as every command.
   */
  @picocli.CommandLine.Mixin TargetOptions target;

  @picocli.CommandLine.Mixin SecretDirOptions secretDirs;

  @Override
  public Integer call() throws Exception {
    if (files.isEmpty()) {
      throw new UserException(
          "no manifests given: pass -f PATH (a manifest file or a directory), e.g. "
              + "chatform validate -f examples/starter");
    }
    ApiVersion version = target.version();
    target.checkRegion();
    ManifestLoader loader =
        new ManifestLoader(
                name -> java.util.Optional.ofNullable(root.env().get(name)),
                resolve ? SecretMode.RESOLVE : SecretMode.SHAPE,
                java.util.Map.of(),
                secretDirs.dirs())
            .withVariables(Variables.fromEnv(root.env()));
    // The merged document costs a YAML rendering of everything: only --print-merged needs it.
    ManifestLoader.Merged merged =
        printMerged
            ? loader.loadMerged(files, version)
            : new ManifestLoader.Merged(loader.load(files, version), java.util.Optional.empty());
    LoadResult result = merged.result();
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (json) {
      out.println(toJson(result.diagnostics()));
    } else if (printMerged && result.ok()) {
      out.print(merged.yaml().orElseThrow());
    } else if (result.ok()) {
      DesiredState state = result.state().orElseThrow();
      int objects = state.sections().values().stream().mapToInt(List::size).sum();
      int fileCount = ManifestFiles.expand(files, new ArrayList<>()).size();
      out.println(
          "Valid: "
              + fileCount
              + (fileCount == 1 ? " file, " : " files, ")
              + objects
              + (objects == 1 ? " object." : " objects."));
    } else {
      result.diagnostics().forEach(d -> err.println(d.format()));
      long n = io.chatform.manifest.DiagnosticList.problems(result.diagnostics());
      err.println(
          String.format(java.util.Locale.ROOT, "%,d", n)
              + (n == 1 ? " problem found." : " problems found."));
    }
    if (lint && result.ok()) {
      LintPrinter.print(result.state().orElseThrow(), err);
    }
    out.flush();
    err.flush();
    return result.ok() ? ExitCodes.OK : ExitCodes.ERROR;
  }

  /** The documented --json shape (schemas/diagnostics.schema.json). */
  static String toJson(List<Diagnostic> diagnostics) throws Exception {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ArrayNode array = mapper.createArrayNode();
    for (Diagnostic d : diagnostics) {
      array
          .addObject()
          .put("file", d.location().file())
          .put("line", d.location().line())
          .put("column", d.location().column())
          .put("path", d.path())
          .put("message", d.message())
          .put("hint", d.hint());
    }
    return mapper.writeValueAsString(array);
  }
}
