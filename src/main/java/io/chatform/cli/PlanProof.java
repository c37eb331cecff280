package io.chatform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.DesiredState;
import io.chatform.model.Json;
import io.chatform.plan.Action;
import io.chatform.plan.Plan;
import io.chatform.plan.PlanJson;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Proves a saved plan before it runs: the file is a claim, and the proof is the plan made again at
 * apply time from the manifests and the live account, with apply's own safety options. Only when
 * both are the same action for action does anything run, and what runs is the plan made again (its
 * secrets resolved by the manifest loader), so an edited artefact can never decide what happens.
 */
final class PlanProof {
  private PlanProof() {}

  /**
   * Checks, in order: the MAC (when {@code CHATFORM_PLAN_KEY} is set, or the plan carries one), the
   * file's shape and mandatory fingerprints, the target, the manifests' hash, the freshness of
   * every object it touches, and finally that planning again gives exactly the same plan.
   *
   * @return the plan made again, with the snapshot it was made from: what apply runs
   */
  static PlanFlags.Planned prove(
      Path file,
      JsonNode root,
      DesiredState desired,
      PlanFlags flags,
      Connection c,
      Map<String, String> env,
      PrintWriter err,
      io.chatform.kinds.LiveReader.Snapshot snapshot) {
    PlanMac.check(root, file, env, err);
    Plan saved = SavedPlans.parse(file, root);
    requireFingerprints(file, saved);
    requireTarget(saved.target(), c.target());
    if (!desired.manifestHash().equals(saved.manifestHash())) {
      throw new UserException(
          "the manifests changed since the plan was saved (their files, or the ${var:…} values"
              + " they use); run plan again and review it");
    }
    // Safety rules (owner, group 0, the caller, protect, --max-deletions, --max-destructive,
    // --allow-empty, …) run
    // again here: a refusal now is a refusal, whatever the saved plan says.
    // In the field mode the plan was made in, unless apply names one (then a difference shows).
    PlanFlags.Planned fresh =
        flags.plan(
            c,
            desired,
            true,
            snapshot,
            flags.fieldMode().or(() -> java.util.Optional.of(saved.fields())));
    SavedPlans.checkFresh(saved, fresh.snapshot(), desired);
    ObjectNode claim = ((ObjectNode) root).deepCopy();
    PlanDifference.ENVELOPE.forEach(claim::remove);
    List<String> differences =
        new java.util.ArrayList<>(PlanDifference.of(claim, asSaved(PlanJson.write(fresh.plan()))));
    if (!differences.isEmpty()) {
      JsonNode made = root.path("options");
      if (made.isObject() && !made.equals(asSaved(flags.options()))) {
        differences.add(
            0,
            "plan was given other options than this apply: "
                + Json.canonical(made)
                + " then, "
                + Json.canonical(flags.options())
                + " now; pass apply the same ones");
      }
      List<String> shown =
          differences.subList(0, Math.min(differences.size(), SavedPlans.MAX_LISTED));
      throw new UserException(
          "the saved plan "
              + file
              + " is not what the manifests and the account give now ("
              + differences.size()
              + (differences.size() == 1 ? " difference" : " differences")
              + "); nothing was applied:\n  - "
              + String.join("\n  - ", shown)
              + (differences.size() > shown.size()
                  ? "\n  … and " + (differences.size() - shown.size()) + " more"
                  : "")
              + "\nThe file was edited after plan --out, the account changed since (beyond the"
              + " objects the plan touches), or apply was given other options than plan"
              + " (--replace, --no-prune, --allow-empty, --max-deletions, --max-destructive,"
              + " --fields) or another"
              + " environment"
              + " for ${env:…}. Run plan again and review the new plan.");
    }
    return fresh;
  }

  /**
   * A saved plan made for another target is refused before the first call (no read, no lock);
   * {@link #prove} checks it again with everything else.
   */
  static Connection sameTarget(Connection c, java.util.Optional<JsonNode> saved) {
    try {
      saved
          .flatMap(SavedPlans::recordedTarget)
          .ifPresent(t -> PlanProof.requireTarget(t, c.target()));
      return c;
    } catch (RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** Refuses a plan made for another target (URL or sandbox, account, API version). */
  static void requireTarget(io.chatform.plan.Target saved, io.chatform.plan.Target now) {
    if (!saved.equals(now)) {
      throw new UserException(
          "the saved plan was made for "
              + saved
              + " but this apply targets "
              + now
              + "; plan again against this account");
    }
  }

  /** The plan as it reads back from a file, so number types compare equal (long 1 and int 1). */
  private static JsonNode asSaved(ObjectNode plan) {
    try {
      return Json.MAPPER.readTree(Json.MAPPER.writeValueAsString(plan));
    } catch (java.io.IOException e) {
      throw new IllegalStateException("a plan always serialises", e);
    }
  }

  /**
   * Fingerprints are what make a saved plan refuse a changed account; a plan without one for each
   * object it touches was edited (or made by something else) and is refused.
   */
  private static void requireFingerprints(Path file, Plan saved) {
    TreeSet<String> missing = new TreeSet<>();
    for (Action a : saved.actions()) {
      if (!saved.fingerprints().containsKey(a.address())) {
        missing.add(a.address());
      }
    }
    if (saved.hasChanges() && saved.fingerprints().isEmpty() || !missing.isEmpty()) {
      throw new UserException(
          "the saved plan "
              + file
              + " has no fingerprint for "
              + (missing.size() == 1
                  ? missing.first()
                  : missing.size() + " of the objects it touches (" + missing.first() + ", …)")
              + ": fingerprints are what prove the account did not change since, so a plan without"
              + " them is refused. Make it again with plan --out.");
    }
  }
}
