package io.chatform.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** A kind whose objects change in place; a kind without it is replaced on any change. */
public interface Updater {
  /** Brings the object to {@code desired} (declared fields only). */
  void update(
      WriteContext ctx,
      String liveId,
      ObjectNode desired,
      ObjectNode live,
      Optional<String> moveBefore);
}
