package io.chatform.kinds;

import java.util.List;

/**
 * The list calls of one kind, already started: shaping waits for their answers and turns them into
 * manifest-shaped live objects. Kinds are shaped in dependency order, so the kinds a kind
 * references are shaped (and have filled in the {@link Reading}) before it.
 */
@FunctionalInterface
public interface Listing {
  List<LiveObject> shape();
}
