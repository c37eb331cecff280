package io.chatform.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * The calls that create, update and delete one kind. Specs are manifest-shaped (references by
 * name); writers turn them into API bodies with ids from the {@link WriteContext}.
 */
public interface KindWriter {
  /** Creates the object; {@code moveBefore} places an auto access rule ("" = last). */
  void create(WriteContext ctx, ObjectNode desired, Optional<String> moveBefore);

  /** Brings the object to {@code desired} (declared fields only). */
  void update(
      WriteContext ctx,
      String liveId,
      ObjectNode desired,
      ObjectNode live,
      Optional<String> moveBefore);

  void delete(WriteContext ctx, String liveId, ObjectNode live);

  /** For immutable kinds: delete, then create. */
  default void replace(WriteContext ctx, String liveId, ObjectNode desired, ObjectNode live) {
    delete(ctx, liveId, live);
    create(ctx, desired, Optional.empty());
  }

  /** The batch method for a verb (create, update, delete), where the API has one (3.5+). */
  default Optional<String> batchMethod(String verb) {
    return Optional.empty();
  }

  /** One item of a batch call: the body the single call would send. */
  default ObjectNode request(
      WriteContext ctx, String verb, String liveId, ObjectNode desired, ObjectNode live) {
    throw new UnsupportedOperationException("no batch for " + verb);
  }
}
