package io.chatform.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.api.ApiMethod;
import io.chatform.api.Created;
import java.util.Optional;

/** A kind the API can also write in batches (3.5+): one request body per object. */
public interface Batchable {
  /** The batch method for a verb (create, update, delete), where the API has one. */
  Optional<String> batchMethod(String verb);

  /**
   * The single create that items of a batch create whose outcome is unknown fall back to (probed
   * first), where there is one.
   */
  Optional<ApiMethod<Created>> singleCreate();

  /** One item of a batch call: the body the single call would send. */
  ObjectNode request(
      WriteContext ctx, String verb, String liveId, ObjectNode desired, ObjectNode live);
}
