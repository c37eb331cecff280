package io.chatform.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Kind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One step of a plan: what happens to which object, field by field, and which steps must finish
 * first. References stay symbolic (by name) and are resolved to ids when the step runs, so a step
 * can depend on an object created earlier in the same apply.
 *
 * @param id stable within the plan, e.g. {@code groups/Support#create}
 * @param liveId the server id of the object acted on (update, replace, delete, move)
 * @param desired the desired spec (create, update, replace), with sensitive values present in
 *     memory only: {@link PlanJson} writes the references from {@code sensitive} instead
 * @param live the live spec before the change (update, replace, delete, move), for fingerprints and
 *     for writing back fields the manifest does not declare
 * @param moveBefore for auto access: the description of the rule this one is placed directly in
 *     front of when it runs (its dependencies make the whole chain end in manifest order); empty
 *     string = last. Absent = order unchanged.
 * @param irreversible marked ⚠ (publishing a property, replacing one that holds values, deleting an
 *     agent, bot or group, replacing a group, bot or webhook: see {@link Destructive})
 * @param notes short remarks for reviewers, e.g. why a field is not changed
 */
public record Action(
    String id,
    ActionType type,
    Kind kind,
    String address,
    Optional<String> liveId,
    Optional<ObjectNode> desired,
    Optional<ObjectNode> live,
    List<FieldChange> changes,
    Optional<String> moveBefore,
    List<String> dependsOn,
    boolean irreversible,
    Map<String, String> sensitive,
    List<String> notes) {
  public Action {
    changes = List.copyOf(changes);
    dependsOn = List.copyOf(dependsOn);
    sensitive = Map.copyOf(sensitive);
    notes = List.copyOf(notes);
  }

  /** A copy with different dependencies (the planner adds them once all actions exist). */
  public Action withDependsOn(List<String> deps) {
    return copy(deps, irreversible, notes);
  }

  /** A copy marked ⚠ with these notes (the last one saying why, as {@link ReplaceReasons}). */
  public Action marked(List<String> newNotes) {
    return copy(dependsOn, true, newNotes);
  }

  private Action copy(List<String> deps, boolean mark, List<String> newNotes) {
    return new Action(
        id,
        type,
        kind,
        address,
        liveId,
        desired,
        live,
        changes,
        moveBefore,
        deps,
        mark,
        sensitive,
        newNotes);
  }

  /**
   * The name the object had, when this update renames it (matched by a previous name or an id pin):
   * the change of its kind's rename field, applied in place so its id is kept.
   */
  public Optional<String> renamedFrom() {
    return kind.renameField()
        .flatMap(f -> changes.stream().filter(c -> c.field().equals(f)).findFirst())
        .flatMap(FieldChange::before)
        .map(com.fasterxml.jackson.databind.JsonNode::asText);
  }

  /** True when this action changes the order of auto access rules. */
  public boolean moves() {
    return moveBefore.isPresent();
  }

  @Override
  public String toString() {
    return type.symbol() + " " + address;
  }
}
