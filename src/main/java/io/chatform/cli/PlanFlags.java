package io.chatform.cli;

import io.chatform.kinds.LiveReader;
import io.chatform.manifest.LoadResult;
import io.chatform.manifest.ManifestLoader;
import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import io.chatform.plan.Plan;
import io.chatform.plan.PlanOptions;
import io.chatform.plan.Planner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/** The options shared by every command that plans: manifests, safety switches, output colour. */
public final class PlanFlags {
  @Option(
      names = {"-f", "--file"},
      paramLabel = "PATH",
      description = "A manifest file or a directory of *.yaml/*.yml files (repeatable).")
  List<Path> files = new ArrayList<>();

  @Option(
      names = "--allow-empty",
      description = "Allow a present but empty section to delete every live object of its kind.")
  boolean allowEmpty;

  @Option(
      names = "--max-deletions",
      paramLabel = "N",
      description = "Refuse a plan that deletes or replaces more than N objects.")
  Integer maxDeletions;

  @Option(
      names = "--replace",
      paramLabel = "ADDRESS",
      description =
          "Delete and create this webhook or property definition again although nothing differs"
              + " (repeatable), e.g. to rotate a webhook's secret_key, which the API never shows.")
  List<String> replace = new ArrayList<>();

  @Option(names = "--no-prune", description = "Plan no deletions at all.")
  boolean noPrune;

  @Option(names = "--no-color", description = "Plain text output, even on a terminal.")
  boolean noColor;

  /** Colour on a terminal, unless --no-color or a non-empty NO_COLOR (no-color.org). */
  boolean color() {
    String noColorEnv = System.getenv("NO_COLOR");
    return !noColor && System.console() != null && (noColorEnv == null || noColorEnv.isEmpty());
  }

  /** Loads and validates the manifests; every problem is reported in one error. */
  DesiredState load(ApiVersion version, String command, java.util.Map<String, String> env) {
    if (maxDeletions != null && maxDeletions < 0) {
      throw new UserException(
          "--max-deletions must be 0 or more (0 refuses any deletion), not " + maxDeletions);
    }
    if (files.isEmpty()) {
      throw new UserException(
          "no manifests given: pass -f PATH (a manifest file or a directory), e.g. chatform "
              + command
              + " -f examples/starter");
    }
    for (Path f : files) {
      if (isSavedPlan(f)) {
        throw new UserException(
            f
                + " is a plan saved by chatform plan --out, not a manifest: apply it with"
                + " chatform apply "
                + f
                + " (and pass the manifests, not the plan, with -f)");
      }
    }
    LoadResult result =
        new ManifestLoader(name -> java.util.Optional.ofNullable(env.get(name)))
            .load(files, version);
    if (!result.ok()) {
      String all =
          result.diagnostics().stream()
              .map(d -> "  " + d.format())
              .collect(Collectors.joining("\n"));
      throw new UserException(
          "the manifests are invalid ("
              + result.diagnostics().size()
              + (result.diagnostics().size() == 1 ? " problem" : " problems")
              + "):\n"
              + all);
    }
    return result.state().orElseThrow();
  }

  /** A common pipeline mistake: {@code -f plan.json}. A saved plan is JSON with fingerprints. */
  private static boolean isSavedPlan(Path f) {
    if (!java.nio.file.Files.isRegularFile(f) || !f.toString().endsWith(".json")) {
      return false;
    }
    try {
      com.fasterxml.jackson.databind.JsonNode n =
          io.chatform.kinds.Json.MAPPER.readTree(f.toFile());
      return n.has("format_version") && n.has("fingerprints");
    } catch (java.io.IOException e) {
      return false; // not JSON: the manifest loader reports it precisely
    }
  }

  /** Reads the account and plans. */
  Planned plan(Connection c, DesiredState desired) {
    return plan(c, desired, true);
  }

  /**
   * Reads the account and plans; {@code withReplace} false leaves out {@code --replace} (the check
   * after an apply, which must not ask for the same replacement again).
   */
  Planned plan(Connection c, DesiredState desired, boolean withReplace) {
    return plan(c, desired, withReplace, new LiveReader(c.client()).read(desired));
  }

  /** Plans from a snapshot already read (e.g. once it shows the account's recent writes). */
  Planned plan(
      Connection c, DesiredState desired, boolean withReplace, LiveReader.Snapshot snapshot) {
    PlanOptions options =
        new PlanOptions(
            c.client().version(),
            c.target(),
            !noPrune,
            allowEmpty,
            maxDeletions == null ? OptionalInt.empty() : OptionalInt.of(maxDeletions),
            withReplace ? java.util.Set.copyOf(replace) : java.util.Set.of());
    return new Planned(new Planner().plan(desired, snapshot.state(), options), snapshot);
  }

  /** A plan with the snapshot it was made from (names and ids apply needs). */
  record Planned(Plan plan, LiveReader.Snapshot snapshot) {}
}
