package io.chatform.cli;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.kinds.Json;
import io.chatform.kinds.LiveReader;
import io.chatform.model.DesiredState;
import io.chatform.model.Kind;
import io.chatform.model.Resource;
import io.chatform.plan.Action;
import io.chatform.plan.Fingerprints;
import io.chatform.plan.KindDiff;
import io.chatform.plan.Plan;
import io.chatform.plan.PlanJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Loading a saved plan and proving it still applies: same target, same manifests, and every live
 * object it touches unchanged since it was made. Anything else is a stale plan, refused by name.
 */
final class SavedPlans {
  /** How many changed objects a stale-plan error names before it summarises the rest. */
  static final int MAX_LISTED = 20;

  private SavedPlans() {}

  /**
   * The manifest paths a plan was saved from ({@code plan --out} records them), all of which must
   * still exist; empty for plans that recorded none (e.g. {@code plan --json} output).
   */
  static List<Path> recordedManifests(Path file) {
    JsonNode paths;
    try {
      paths = Json.MAPPER.readTree(Files.readString(file)).path("manifests");
    } catch (IOException | RuntimeException e) {
      return List.of(); // read() reports what is wrong with the file
    }
    List<Path> out = new ArrayList<>();
    paths.forEach(p -> out.add(Path.of(p.asText())));
    List<String> missing = out.stream().filter(p -> !Files.exists(p)).map(Path::toString).toList();
    if (!missing.isEmpty()) {
      throw new UserException(
          "the plan was made from manifests that are not here ("
              + String.join(", ", missing)
              + "); run apply from the same directory, or pass the manifests with -f");
    }
    return out;
  }

  static Plan read(Path file, Optional<DesiredState> desired, Map<String, String> env) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(Files.readString(file));
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
    try {
      return PlanJson.read(
          root, (address, pointer, ref) -> resolve(address, pointer, ref, desired, env));
    } catch (IllegalArgumentException e) {
      throw new UserException("plan file " + file + ": " + e.getMessage());
    }
  }

  /** Resolves a sensitive reference again: ${env:NAME}, ${file:PATH}, or the manifests. */
  private static String resolve(
      String address,
      String pointer,
      String ref,
      Optional<DesiredState> desired,
      Map<String, String> env) {
    if (ref.startsWith("${env:") && ref.endsWith("}")) {
      String name = ref.substring(6, ref.length() - 1);
      String v = env.get(name);
      if (v == null) {
        throw new UserException(
            "the plan needs " + ref + " but " + name + " is not set; set it as it was for plan");
      }
      return v;
    }
    if (ref.startsWith("${file:") && ref.endsWith("}")) {
      Path p = Path.of(ref.substring(7, ref.length() - 1));
      try {
        return Files.readString(p).stripTrailing();
      } catch (IOException e) {
        throw new UserException("the plan needs " + ref + " but " + p + " cannot be read");
      }
    }
    if (ref.equals(KindDiff.MANIFEST_REF) && desired.isPresent()) {
      for (List<Resource> rs : desired.get().sections().values()) {
        for (Resource r : rs) {
          JsonNode v = r.spec().at(JsonPointer.compile(pointer));
          if (r.address().equals(address) && v.isTextual()) {
            return v.asText();
          }
        }
      }
    }
    throw new UserException(
        address
            + ": the plan needs a secret written literally in the manifests; pass the same -f PATH"
            + " to apply so it can be read again");
  }

  /** Refuses the plan unless every object it touches is as it was at plan time. */
  static void checkFresh(Plan plan, LiveReader.Snapshot snapshot) {
    Map<String, String> now = Fingerprints.current(plan.fingerprints().keySet(), snapshot.state());
    List<String> changed = new ArrayList<>();
    plan.fingerprints()
        .forEach(
            (address, then) -> {
              if (!then.equals(now.get(address))) {
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

  /** The kinds and apps to read so the plan's fingerprints can be checked and its ids resolved. */
  static Set<Kind> kinds(Plan plan) {
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    plan.actions().forEach(a -> kinds.add(a.kind()));
    return kinds;
  }

  static Set<String> owners(Plan plan) {
    Set<String> owners = new TreeSet<>();
    for (Action a : plan.actions()) {
      for (Optional<com.fasterxml.jackson.databind.node.ObjectNode> spec :
          List.of(a.desired(), a.live())) {
        spec.ifPresent(
            s -> {
              String o = Json.text(s, "owner_client_id");
              owners.add(o.isEmpty() ? Json.text(s, "namespace") : o);
            });
      }
    }
    owners.remove("");
    return owners;
  }
}
