package io.chatform.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** A kind written by one "set" call, whether the object exists yet or not. */
public interface Setter extends Creator, Updater {
  void set(WriteContext ctx, ObjectNode desired);

  @Override
  default void create(WriteContext ctx, ObjectNode desired, Optional<String> moveBefore) {
    set(ctx, desired);
  }

  @Override
  default void update(
      WriteContext ctx,
      String liveId,
      ObjectNode desired,
      ObjectNode live,
      Optional<String> moveBefore) {
    set(ctx, desired);
  }
}
