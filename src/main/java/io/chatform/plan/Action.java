package io.chatform.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of a plan: what happens to which object, field by field, and which steps must finish
 * first. References stay symbolic (by name) and are resolved to ids when the step runs, so a step
 * can depend on an object created earlier in the same apply.
 *
 * <p>Sealed (issue #14): one record per step, each carrying exactly what it needs, so the runner
 * pattern-matches instead of unwrapping optionals. What every step has is one {@link Head}, each
 * record's first component, and the accessors declared here read it; the {@code Optional} views
 * ({@link #liveId()}, {@link #desired()}, {@link #live()}, {@link #moveBefore()}) are for code that
 * treats all steps alike (renderers, fingerprints, plan JSON).
 *
 * <p>The head's components: {@code id} is stable within the plan, e.g. {@code
 * groups/Support#create}; {@code irreversible} marks the step ⚠ (publishing a property, replacing
 * one that holds values, deleting an agent, bot or group, replacing a group, bot or webhook: see
 * {@link Destructive}); {@code notes} are short remarks for reviewers, e.g. why a field is not
 * changed; {@code sensitive} maps JSON pointers of the desired spec to the references {@link
 * PlanJson} writes instead of the values (which are present in memory only).
 */
public sealed interface Action permits Action.Create, Action.Writing, Action.LiveOnly {

  /** What every step has; each record holds it as its first component. */
  Head head();

  default String id() {
    return head().id();
  }

  default Kind kind() {
    return head().kind();
  }

  default String address() {
    return head().address();
  }

  default List<String> dependsOn() {
    return head().dependsOn();
  }

  default boolean irreversible() {
    return head().irreversible();
  }

  default Map<String, String> sensitive() {
    return head().sensitive();
  }

  default List<String> notes() {
    return head().notes();
  }

  /**
   * The components every step has (see above); the lists and the map are copied, so a step never
   * changes after it is made. A {@link LiveOnly} step's head has no sensitive values.
   */
  record Head(
      String id,
      Kind kind,
      String address,
      List<String> dependsOn,
      boolean irreversible,
      Map<String, String> sensitive,
      List<String> notes) {
    public Head {
      dependsOn = List.copyOf(dependsOn);
      sensitive = Map.copyOf(sensitive);
      notes = List.copyOf(notes);
    }

    /** A copy with these dependencies, ⚠ mark and notes. */
    public Head with(List<String> deps, boolean mark, List<String> newNotes) {
      return new Head(id, kind, address, deps, mark, sensitive, newNotes);
    }

    /** A copy depending on {@code deps} as well. */
    Head after(List<String> deps) {
      List<String> all = new ArrayList<>(dependsOn);
      all.addAll(deps);
      return with(all, irreversible, notes);
    }
  }

  /** What the step does, as the plan JSON and the text plan name it. */
  ActionType type();

  /** The field changes shown to reviewers (update, replace); empty for the other steps. */
  default List<FieldChange> changes() {
    return List.of();
  }

  /** The server id of the object acted on (update, replace, delete, move). */
  default Optional<String> liveId() {
    return Optional.empty();
  }

  /** The desired spec written (create, update, replace). */
  default Optional<ObjectNode> desired() {
    return Optional.empty();
  }

  /**
   * The live spec before the change (update, replace, delete, move), for fingerprints and for
   * writing back fields the manifest does not declare.
   */
  default Optional<ObjectNode> live() {
    return Optional.empty();
  }

  /**
   * For auto access: the description of the rule this one is placed directly in front of when it
   * runs (its dependencies make the whole chain end in manifest order); empty string = last. Absent
   * = order unchanged.
   */
  default Optional<String> moveBefore() {
    return Optional.empty();
  }

  /** A copy with these dependencies, ⚠ mark and notes. */
  Action with(List<String> deps, boolean mark, List<String> newNotes);

  /** A copy with different dependencies (the planner adds them once all actions exist). */
  default Action withDependsOn(List<String> deps) {
    return with(deps, irreversible(), notes());
  }

  /** A copy marked ⚠ with these notes (the last one saying why, as {@link ReplaceReasons}). */
  default Action marked(List<String> newNotes) {
    return with(dependsOn(), true, newNotes);
  }

  /**
   * The name the object had, when this update renames it (matched by a previous name or an id pin):
   * the change of its kind's rename field, applied in place so its id is kept.
   */
  default Optional<String> renamedFrom() {
    return io.chatform.kinds.Kinds.of(kind())
        .renameField()
        .flatMap(f -> changes().stream().filter(c -> c.field().equals(f)).findFirst())
        .flatMap(FieldChange::before)
        .map(JsonNode::asText);
  }

  /** True when this action changes the order of auto access rules. */
  default boolean moves() {
    return moveBefore().isPresent();
  }

  /**
   * Why a step does more than its changes say, worded by {@link ReplaceReasons#words}: a replace
   * because a changed field cannot be updated or because {@code --replace} asked for it; an update
   * that writes values again because replacing their definition deletes them.
   */
  enum Reason {
    CANNOT_UPDATE,
    REQUESTED,
    VALUES_LOST
  }

  /** The short form, e.g. {@code + groups/Support}. */
  static String describe(Action a) {
    return a.type().symbol() + " " + a.address();
  }

  /**
   * A copy placed in front of {@code next} when it runs, after {@code deps} as well (auto access
   * order, {@link OrderPlanner}). Only steps that write the object are placed.
   */
  static Action placed(Action a, String next, List<String> deps) {
    Head head = a.head().after(deps);
    Optional<String> at = Optional.of(next);
    if (a instanceof Create c) {
      return new Create(head, c.spec, at);
    }
    if (a instanceof Update u) {
      return new Update(head, u.write, u.why, at);
    }
    if (a instanceof Replace r) {
      return new Replace(head, r.write, r.why, at);
    }
    if (a instanceof Move m) {
      return new Move(head, m.objectId, m.current, next);
    }
    throw new IllegalStateException(a.id() + " cannot be placed");
  }

  /** A new object: its desired spec. */
  record Create(Head head, ObjectNode spec, Optional<String> moveBefore) implements Action {
    public Create {
      Objects.requireNonNull(head, "head");
      Objects.requireNonNull(spec, "spec");
    }

    @Override
    public ActionType type() {
      return ActionType.CREATE;
    }

    @Override
    public Optional<ObjectNode> desired() {
      return Optional.of(spec);
    }

    @Override
    public Create with(List<String> deps, boolean mark, List<String> newNotes) {
      return new Create(head.with(deps, mark, newNotes), spec, moveBefore);
    }

    @Override
    public String toString() {
      return Action.describe(this);
    }
  }

  /**
   * What an update and a replace both act with: the object's id, the desired spec (written), its
   * live spec before and the field changes shown to reviewers.
   */
  record Write(String objectId, ObjectNode spec, ObjectNode current, List<FieldChange> changes) {
    public Write {
      Objects.requireNonNull(objectId, "objectId");
      Objects.requireNonNull(spec, "spec");
      Objects.requireNonNull(current, "current");
      changes = List.copyOf(changes);
    }
  }

  /** A step that writes an existing object: an {@link Update} or a {@link Replace}. */
  sealed interface Writing extends Action permits Update, Replace {
    Write write();

    default String objectId() {
      return write().objectId();
    }

    default ObjectNode spec() {
      return write().spec();
    }

    default ObjectNode current() {
      return write().current();
    }

    @Override
    default List<FieldChange> changes() {
      return write().changes();
    }

    @Override
    default Optional<String> liveId() {
      return Optional.of(objectId());
    }

    @Override
    default Optional<ObjectNode> desired() {
      return Optional.of(spec());
    }

    @Override
    default Optional<ObjectNode> live() {
      return Optional.of(current());
    }
  }

  /**
   * A change made in place, so the object keeps its id; {@code why} is set when it writes more than
   * its changes ({@link Reason#VALUES_LOST}).
   */
  record Update(Head head, Write write, Optional<Reason> why, Optional<String> moveBefore)
      implements Writing {
    public Update {
      Objects.requireNonNull(head, "head");
      Objects.requireNonNull(write, "write");
      if (why.filter(w -> w != Reason.VALUES_LOST).isPresent()) {
        throw new IllegalArgumentException(head.id() + ": an update is not made for " + why.get());
      }
    }

    @Override
    public ActionType type() {
      return ActionType.UPDATE;
    }

    @Override
    public Update with(List<String> deps, boolean mark, List<String> newNotes) {
      return new Update(head.with(deps, mark, newNotes), write, why, moveBefore);
    }

    @Override
    public String toString() {
      return Action.describe(this);
    }
  }

  /**
   * Delete + create, and why: a changed field cannot be updated ({@link ReplaceReasons#forcing}) or
   * the user asked for it with {@code --replace}.
   */
  record Replace(Head head, Write write, Reason why, Optional<String> moveBefore)
      implements Writing {
    public Replace {
      Objects.requireNonNull(head, "head");
      Objects.requireNonNull(write, "write");
      if (why == null || why == Reason.VALUES_LOST) {
        throw new IllegalArgumentException(head.id() + ": a replace is not made for " + why);
      }
    }

    @Override
    public ActionType type() {
      return ActionType.REPLACE;
    }

    @Override
    public Replace with(List<String> deps, boolean mark, List<String> newNotes) {
      return new Replace(head.with(deps, mark, newNotes), write, why, moveBefore);
    }

    @Override
    public String toString() {
      return Action.describe(this);
    }
  }

  /**
   * A step that writes no spec, only acts on a live object: a {@link Delete} or a {@link Move}. It
   * has no sensitive values (those belong to a desired spec).
   */
  sealed interface LiveOnly extends Action permits Delete, Move {
    String objectId();

    ObjectNode current();

    /** Refuses a head with sensitive values: a step that writes no spec has none. */
    static void noSensitive(Head head) {
      if (!head.sensitive().isEmpty()) {
        throw new IllegalArgumentException(
            head.id() + ": a step that writes no spec has no sensitive values");
      }
    }

    @Override
    default Optional<String> liveId() {
      return Optional.of(objectId());
    }

    @Override
    default Optional<ObjectNode> live() {
      return Optional.of(current());
    }
  }

  /** An object the manifests no longer declare: its id and the live spec it had. */
  record Delete(Head head, String objectId, ObjectNode current) implements LiveOnly {
    public Delete {
      Objects.requireNonNull(objectId, "objectId");
      Objects.requireNonNull(current, "current");
      LiveOnly.noSensitive(head);
    }

    @Override
    public ActionType type() {
      return ActionType.DELETE;
    }

    @Override
    public Delete with(List<String> deps, boolean mark, List<String> newNotes) {
      return new Delete(head.with(deps, mark, newNotes), objectId, current);
    }

    @Override
    public String toString() {
      return Action.describe(this);
    }
  }

  /**
   * An auto access rule that only changes place: in front of the rule described {@code before} when
   * it runs (empty string = last).
   */
  record Move(Head head, String objectId, ObjectNode current, String before) implements LiveOnly {
    public Move {
      Objects.requireNonNull(objectId, "objectId");
      Objects.requireNonNull(current, "current");
      Objects.requireNonNull(before, "before");
      LiveOnly.noSensitive(head);
    }

    @Override
    public ActionType type() {
      return ActionType.MOVE;
    }

    @Override
    public Optional<String> moveBefore() {
      return Optional.of(before);
    }

    @Override
    public Move with(List<String> deps, boolean mark, List<String> newNotes) {
      return new Move(head.with(deps, mark, newNotes), objectId, current, before);
    }

    @Override
    public String toString() {
      return Action.describe(this);
    }
  }
}
