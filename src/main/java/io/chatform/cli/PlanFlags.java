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
public final class PlanFlags extends ManifestPaths {
  /**
   * Refuse what an apply could not write (names an unmanaged section lacks, full capacity slots);
   * no flag: drift turns it off and reports those as drift.
   */
  boolean applyChecks = true;

  @Option(
      names = "--allow-empty",
      description = "Allow a present but empty section to delete every live object of its kind.")
  boolean allowEmpty;

  @Option(
      names = "--max-deletions",
      paramLabel = "N",
      description =
          "Refuse a plan that deletes or replaces more than N objects (a replace counts as a"
              + " deletion: it deletes the object and creates it again).")
  Integer maxDeletions;

  @Option(
      names = "--max-destructive",
      paramLabel = "N",
      description =
          "Refuse a plan with more than N destructive (⚠) actions: deleting an agent, a bot or a"
              + " group, replacing a group, bot or webhook, publishing or replacing a property."
              + " Default: unlimited.")
  Integer maxDestructive;

  @Option(
      names = "--replace",
      paramLabel = "ADDRESS",
      description =
          "Delete and create this webhook or property definition again although nothing differs"
              + " (repeatable), e.g. to rotate a webhook's secret_key, which the API never shows.")
  List<String> replace = new ArrayList<>();

  @picocli.CommandLine.Mixin
  SecretDirOptions secretDirs =
      new SecretDirOptions(); // also when built by hand (route, test, report)

  @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
  picocli.CommandLine.Model.CommandSpec mixee;

  @Option(
      names = "--fields",
      paramLabel = "MODE",
      description =
          "Which fields to compare: owned (every field a kind owns; one the manifests omit means"
              + " its API default, so removing a line plans its reset) or declared (only the"
              + " fields the manifests write, for adopting an account gradually). Default:"
              + " policy.fields, else owned. A saved plan is applied in the mode it was made in.")
  String fields;

  /** {@code --fields}, when given; a value other than owned or declared is a usage error. */
  java.util.Optional<io.chatform.model.FieldMode> fieldMode() {
    if (fields == null) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        io.chatform.model.FieldMode.parse(fields)
            .orElseThrow(
                () ->
                    new picocli.CommandLine.ParameterException(
                        mixee.commandLine(),
                        "--fields takes owned or declared, not '" + fields + "'")));
  }

  @Option(names = "--no-prune", description = "Plan no deletions at all.")
  boolean noPrune;

  @Option(names = "--no-color", description = "Plain text output, even on a terminal.")
  boolean noColor;

  /** Secrets left unresolved by {@link #load}: needed only if a plan sends them. */
  private List<io.chatform.manifest.DeferredSecret> deferred = List.of();

  /** False for drift, which reports and never sends: it needs no secret at all. */
  boolean sendsSecrets = true;

  /** Colour on a terminal, unless --no-color, NO_COLOR or TERM=dumb ({@link Terminal}). */
  boolean color() {
    java.util.Map<String, String> env =
        mixee != null && mixee.root().userObject() instanceof ChatformCommand root
            ? root.env()
            : System.getenv();
    return Terminal.color(noColor, env, Terminal.isTerminal());
  }

  /** Loads and validates the manifests; every problem is reported in one error. */
  DesiredState load(ApiVersion version, String command, java.util.Map<String, String> env) {
    if (maxDeletions != null && maxDeletions < 0) {
      throw new UserException(
          "--max-deletions must be 0 or more (0 refuses any deletion), not " + maxDeletions);
    }
    if (maxDestructive != null && maxDestructive < 0) {
      throw new UserException(
          "--max-destructive must be 0 or more (0 refuses any ⚠ action), not " + maxDestructive);
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
    // A webhook's secret_key is needed only if the plan sends it (SecretsNeeded, after planning).
    java.util.Map<io.chatform.model.Kind, java.util.Set<String>> writeOnly =
        new java.util.EnumMap<>(io.chatform.model.Kind.class);
    for (io.chatform.model.Kind k : io.chatform.model.Kind.values()) {
      writeOnly.put(k, io.chatform.kinds.Kinds.rules(k).writeOnlyFields());
    }
    LoadResult result =
        new ManifestLoader(
                name -> java.util.Optional.ofNullable(env.get(name)),
                io.chatform.manifest.SecretMode.WHERE_SENT,
                writeOnly,
                secretDirs.dirs())
            .withVariables(io.chatform.manifest.Variables.fromEnv(env))
            .load(files, version);
    deferred = result.deferred();
    if (!result.ok()) {
      String all =
          result.diagnostics().stream()
              .map(d -> "  " + d.format())
              .collect(Collectors.joining("\n"));
      throw new UserException(
          "the manifests are invalid ("
              + io.chatform.manifest.DiagnosticList.problems(result.diagnostics())
              + (result.diagnostics().size() == 1 ? " problem" : " problems")
              + "):\n"
              + all);
    }
    DesiredState state = result.state().orElseThrow();
    if (mixee != null && mixee.root().userObject() instanceof ChatformCommand root) {
      root.mask().addAll(state); // from here on, no output line holds one of its secrets
    }
    return state;
  }

  /**
   * The options that shape a plan, as {@code plan --out} records them: only to explain a refusal
   * when apply is given other ones (the re-plan always uses apply's own, never the file's).
   */
  com.fasterxml.jackson.databind.node.ObjectNode options() {
    com.fasterxml.jackson.databind.node.ObjectNode o = io.chatform.model.Json.object();
    o.put("no_prune", noPrune).put("allow_empty", allowEmpty);
    if (maxDeletions != null) {
      o.put("max_deletions", maxDeletions);
    }
    if (maxDestructive != null) {
      o.put("max_destructive", maxDestructive);
    }
    if (fields != null) {
      o.put("fields", fields);
    }
    com.fasterxml.jackson.databind.node.ArrayNode r = o.putArray("replace");
    new java.util.TreeSet<>(replace).forEach(r::add);
    return o;
  }

  /** A common pipeline mistake: {@code -f plan.json}. A saved plan is JSON with fingerprints. */
  private static boolean isSavedPlan(Path f) {
    if (!java.nio.file.Files.isRegularFile(f) || !f.toString().endsWith(".json")) {
      return false;
    }
    try {
      com.fasterxml.jackson.databind.JsonNode n =
          io.chatform.model.Json.MAPPER.readTree(f.toFile());
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
    // On a terminal a large account's read says what it waits for (CI logs stay as they are).
    LiveReader.Snapshot snapshot =
        new ProgressPrinter(ProgressPrinter.Mode.AUTO, c.err())
            .reading(() -> new LiveReader(c.client()).read(desired));
    return plan(c, desired, withReplace, snapshot);
  }

  /** Plans from a snapshot already read (e.g. once it shows the account's recent writes). */
  Planned plan(
      Connection c, DesiredState desired, boolean withReplace, LiveReader.Snapshot snapshot) {
    return plan(c, desired, withReplace, snapshot, fieldMode());
  }

  /** As {@link #plan(Connection, DesiredState, boolean, LiveReader.Snapshot)}, in {@code mode}. */
  Planned plan(
      Connection c,
      DesiredState desired,
      boolean withReplace,
      LiveReader.Snapshot snapshot,
      java.util.Optional<io.chatform.model.FieldMode> mode) {
    PlanOptions options =
        new PlanOptions(
            c.client().version(),
            c.target(),
            !noPrune,
            allowEmpty,
            maxDeletions == null ? OptionalInt.empty() : OptionalInt.of(maxDeletions),
            withReplace ? java.util.Set.copyOf(replace) : java.util.Set.of(),
            maxDestructive == null ? OptionalInt.empty() : OptionalInt.of(maxDestructive),
            mode,
            applyChecks);
    Plan plan;
    try {
      plan = new Planner().plan(desired, snapshot.state(), options);
      // A delete may leave objects of unmanaged sections pointing at nothing: read those (only
      // then) and plan again, so the plan can name them.
      java.util.Set<io.chatform.model.Kind> unread =
          io.chatform.plan.Destructive.unread(plan, snapshot.state());
      if (!unread.isEmpty()) {
        snapshot =
            new LiveReader(c.client())
                .withUnmanaged(snapshot, unread, io.chatform.kinds.Owners.declared(desired));
        plan = new Planner().plan(desired, snapshot.state(), options);
      }
      plan = io.chatform.plan.RoutingOrder.attach(plan, desired, snapshot.state());
    } catch (io.chatform.plan.PlanRefusedException e) {
      throw DuplicateExplainer.explain(e, c, desired);
    }
    if (sendsSecrets) {
      SecretsNeeded.check(plan, deferred);
    }
    return new Planned(plan, snapshot);
  }

  /** A plan with the snapshot it was made from (names and ids apply needs). */
  record Planned(Plan plan, LiveReader.Snapshot snapshot) {}
}
