package io.chatform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.kinds.LiveReader;
import io.chatform.model.DesiredState;
import io.chatform.model.Json;
import io.chatform.plan.Fingerprints;
import io.chatform.plan.Plan;
import io.chatform.plan.PlanJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reading a saved plan file (its JSON, shape and recorded manifests) and the staleness check of its
 * fingerprints: every live object it touches unchanged since it was made, or a stale plan refused
 * by name. {@link PlanProof} puts these together with planning again.
 */
final class SavedPlans {
  /** How many changed objects a stale-plan error names before it summarises the rest. */
  static final int MAX_LISTED = 20;

  private SavedPlans() {}

  /**
   * The manifest paths a plan was saved from ({@code plan --out} records them), all of which must
   * still exist; a plan that recorded none (e.g. {@code plan --json} output) needs {@code -f}.
   */
  static List<Path> recordedManifests(Path file) {
    JsonNode paths;
    try {
      paths = Json.MAPPER.readTree(Files.readString(file)).path("manifests");
    } catch (IOException | RuntimeException e) {
      readTree(file); // says what is wrong with the file
      throw new UserException(
          "plan file " + file + " cannot be read; make it again with plan --out");
    }
    List<Path> out = new ArrayList<>();
    for (JsonNode p : paths) {
      if (!p.isTextual() || p.asText().isBlank()) {
        throw new UserException(
            "the saved plan "
                + file
                + " records a manifest that is not a path; pass the manifests with -f");
      }
      out.add(Path.of(p.asText()));
    }
    if (out.isEmpty()) {
      parse(file, readTree(file)); // an incomplete plan says so first
      // Nothing to plan again from: the plan alone proves nothing (plan --json output, say).
      throw new UserException(
          "the saved plan "
              + file
              + " records no manifests; pass the manifests it was made from with -f PATH");
    }
    List<String> missing = out.stream().filter(p -> !Files.exists(p)).map(Path::toString).toList();
    if (!missing.isEmpty()) {
      throw new UserException(
          "the plan was made from manifests that are not here ("
              + String.join(", ", missing)
              + "); run apply from the same directory, or pass the manifests with -f");
    }
    for (Path p : out) {
      String name = p.getFileName() == null ? "" : p.getFileName().toString();
      if (!Files.isDirectory(p) && !name.endsWith(".yaml") && !name.endsWith(".yml")) {
        // The paths come from the artefact: never let it make chatform read any other file.
        throw new UserException(
            "the saved plan "
                + file
                + " records "
                + p
                + " as a manifest, which is neither a directory nor a *.yaml/*.yml file; pass"
                + " the manifests with -f");
      }
    }
    return out;
  }

  /**
   * The target a saved plan records, when it records a well-formed one (a malformed plan is refused
   * later, by {@link #parse}, with its own message).
   */
  static java.util.Optional<io.chatform.plan.Target> recordedTarget(JsonNode root) {
    JsonNode t = root.path("target");
    if (!t.path("api_url").isTextual()
        || !t.path("account").isTextual()
        || !t.path("api_version").isTextual()) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(
        new io.chatform.plan.Target(
            t.get("api_url").asText(), t.get("account").asText(), t.get("api_version").asText()));
  }

  /** The saved plan's JSON, or a readable refusal when the file is not a saved plan. */
  static JsonNode readTree(Path file) {
    try {
      return Json.MAPPER.readTree(Files.readString(file));
    } catch (NoSuchFileException e) {
      throw new UserException("plan file " + file + " does not exist; make one with plan --out");
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      var at = e.getLocation();
      throw new UserException(
          "plan file "
              + file
              + " is not a plan saved by chatform plan --out (not JSON"
              + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
              + "); to apply manifests, pass them with -f "
              + file);
    } catch (IOException e) {
      if (Files.isDirectory(file)) {
        throw new UserException(
            "plan file "
                + file
                + " is a directory, not a plan saved by chatform plan --out; to apply the"
                + " manifests in it, pass it with -f "
                + file);
      }
      throw new UserException("plan file " + file + " cannot be read: " + e.getMessage());
    }
  }

  /**
   * The saved plan as a {@link Plan}, for its target, hash and fingerprints. Its secret references
   * are kept as text, never resolved: what runs is the plan made again from the manifests, whose
   * loader resolves them (relative to each manifest's directory).
   */
  static Plan parse(Path file, JsonNode root) {
    if (!root.isObject()) {
      throw new UserException(
          "plan file " + file + " is not a plan saved by chatform plan --out (not an object)");
    }
    try {
      return PlanJson.read(root, (address, pointer, ref) -> ref);
    } catch (IllegalArgumentException | ClassCastException e) {
      throw new UserException(
          "plan file "
              + file
              + ": "
              + (e instanceof ClassCastException ? "an action has the wrong shape" : e.getMessage())
              + "; make it again with plan --out");
    }
  }

  /** Refuses the plan unless every object it touches is as it was at plan time. */
  static void checkFresh(Plan plan, LiveReader.Snapshot snapshot, DesiredState desired) {
    Map<String, String> asShown = new java.util.HashMap<>();
    Set<String> read = new TreeSet<>(Set.of(Fingerprints.AUTO_ACCESS_ORDER));
    desired.sections().forEach((k, rs) -> read.add(k.section()));
    desired
        .sections()
        .values()
        .forEach(rs -> rs.forEach(r -> asShown.put(r.rawAddress(), r.address())));
    Map<String, String> now =
        Fingerprints.current(
            plan.fingerprints().keySet(), snapshot.state(), a -> asShown.getOrDefault(a, a));
    List<String> changed = new ArrayList<>();
    plan.fingerprints()
        .forEach(
            (address, then) -> {
              // Kinds the manifests do not manage were not read: the re-plan comparison names them.
              boolean wasRead = read.contains(address) || read.contains(address.split("/", 2)[0]);
              if (wasRead && !then.equals(now.get(address))) {
                changed.add(
                    address
                        + (then.equals(Fingerprints.ABSENT)
                            ? " (now exists)"
                            : Fingerprints.ABSENT.equals(now.get(address))
                                ? " (now gone)"
                                : " (changed)"));
              }
            });
    if (!changed.isEmpty()) {
      // Keep CI logs readable: an already-applied plan would otherwise list every object.
      List<String> shown = changed.subList(0, Math.min(changed.size(), MAX_LISTED));
      String more =
          changed.size() > shown.size()
              ? "\n  … and " + (changed.size() - shown.size()) + " more"
              : "";
      boolean allCreated = changed.stream().allMatch(c -> c.endsWith(" (now exists)"));
      throw new UserException(
          "the saved plan is stale: the account changed since it was made ("
              + changed.size()
              + (changed.size() == 1 ? " object" : " objects")
              + "):\n  - "
              + String.join("\n  - ", shown)
              + more
              + (allCreated
                  ? "\nEverything it would create exists now: was this plan applied already?"
                  : "")
              + "\nRun plan again and review the new plan.");
    }
  }
}
