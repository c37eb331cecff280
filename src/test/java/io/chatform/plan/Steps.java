package io.chatform.plan;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Kind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds a plan step of any type for tests that vary the type (issue #14's sealed Action). */
public final class Steps {
  private Steps() {}

  /**
   * A step of {@code type}: {@code liveId}, {@code desired} and {@code live} are used where the
   * type carries them; the move of a move step is to the end.
   */
  public static Action of(
      ActionType type,
      String id,
      Kind kind,
      String address,
      String liveId,
      ObjectNode desired,
      ObjectNode live,
      List<FieldChange> changes,
      List<String> deps,
      boolean irreversible,
      List<String> notes) {
    Optional<String> stay = Optional.empty();
    Action.Head head = new Action.Head(id, kind, address, deps, irreversible, Map.of(), notes);
    return switch (type) {
      case CREATE -> new Action.Create(head, desired, stay);
      case UPDATE ->
          new Action.Update(
              head,
              new Action.Write(liveId, desired, live, changes),
              ReplaceReasons.updateReason(notes),
              stay);
      case REPLACE ->
          new Action.Replace(
              head,
              new Action.Write(liveId, desired, live, changes),
              ReplaceReasons.replaceReason(notes),
              stay);
      case DELETE -> new Action.Delete(head, liveId, live);
      case MOVE -> new Action.Move(head, liveId, live, "");
    };
  }
}
