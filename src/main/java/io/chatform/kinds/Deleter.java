package io.chatform.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A kind whose objects can be deleted; a kind without it is never pruned. */
public interface Deleter {
  void delete(WriteContext ctx, String liveId, ObjectNode live);
}
