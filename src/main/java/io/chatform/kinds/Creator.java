package io.chatform.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;

/**
 * A kind whose objects can be created. Specs are manifest-shaped (references by name); the kind
 * turns them into API bodies with ids from the {@link WriteContext}.
 */
public interface Creator {
  /** Creates the object; {@code moveBefore} places an ordered object ("" = last). */
  void create(WriteContext ctx, ObjectNode desired, Optional<String> moveBefore);
}
