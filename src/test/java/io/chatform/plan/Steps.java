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
    Map<String, String> none = Map.of();
    return switch (type) {
      case CREATE ->
          new Action.Create(id, kind, address, desired, stay, deps, irreversible, none, notes);
      case UPDATE ->
          new Action.Update(
              id,
              kind,
              address,
              new Action.Write(liveId, desired, live, changes),
              ReplaceReasons.updateReason(notes),
              stay,
              deps,
              irreversible,
              none,
              notes);
      case REPLACE ->
          new Action.Replace(
              id,
              kind,
              address,
              new Action.Write(liveId, desired, live, changes),
              ReplaceReasons.replaceReason(notes),
              stay,
              deps,
              irreversible,
              none,
              notes);
      case DELETE -> new Action.Delete(id, kind, address, liveId, live, deps, irreversible, notes);
      case MOVE -> new Action.Move(id, kind, address, liveId, live, "", deps, irreversible, notes);
    };
  }
}
