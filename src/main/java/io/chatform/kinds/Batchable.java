package io.chatform.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/** A kind the API can also write in batches (3.5+): one request body per object. */
public interface Batchable {
  /** The batch method for a verb (create, update, delete), where the API has one. */
  Optional<String> batchMethod(String verb);

  /** One item of a batch call: the body the single call would send. */
  ObjectNode request(
      WriteContext ctx, String verb, String liveId, ObjectNode desired, ObjectNode live);
}
