package io.chatform.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Kind;
import java.util.List;
import java.util.Optional;

/**
 * Turns a method's declared retry safety into the engine's, running a create's {@link CreateProbe}
 * through the call engine: a re-read that tells whether a create whose answer was lost took effect.
 * Lists lag behind writes (the API documents up to 2 minutes), so an object counts only under a
 * live id this client did not delete: after a replace the stale list still shows the old object,
 * which proves nothing.
 */
final class Probes {
  private final Wire wire;
  private final WriteLog writes;

  Probes(Wire wire, WriteLog writes) {
    this.wire = wire;
    this.writes = writes;
  }

  /** What is safe to do with {@code method} called with {@code body} after an unclear failure. */
  RetrySafety safety(ApiMethod<?> method, ObjectNode body) {
    return switch (method.retry()) {
      case IDEMPOTENT -> RetrySafety.IDEMPOTENT;
      case DELETE -> RetrySafety.DELETE;
      case CREATE ->
          method
              .probe()
              .flatMap(p -> p.search(body))
              .<RetrySafety>map(s -> new RetrySafety.Create(() -> seen(s), s.uniqueAtWrite()))
              .orElse(RetrySafety.AT_MOST_ONCE);
    };
  }

  /** The probe for one item of a batch create, by its single create method, if it has one. */
  Optional<RetrySafety.Create> forBatchItem(Optional<ApiMethod<Created>> single, ObjectNode item) {
    return single
        .map(m -> safety(m, item))
        .filter(RetrySafety.Create.class::isInstance)
        .map(RetrySafety.Create.class::cast);
  }

  private RetrySafety.Seen seen(CreateProbe.Search s) {
    // A paged list's reader follows every page itself (api/PagedList).
    List<ObjectNode> listed =
        wire.read(s.list(), wire.call(s.list().name(), s.listBody(), RetrySafety.IDEMPOTENT));
    List<ObjectNode> same = listed.stream().filter(s.match()).toList();
    return s.withoutId().isPresent()
        ? withoutId(s.kind(), same, s.withoutId().get())
        : withId(s.kind(), same);
  }

  /**
   * An object without id is found when listed, unless this apply deleted that identity (the list
   * may still show the old object); the API's own {@code already_exists} decides then.
   */
  private RetrySafety.Seen withoutId(Kind kind, List<ObjectNode> same, CreateProbe.WithoutId w) {
    if (same.isEmpty()) {
      return new RetrySafety.Seen.Absent();
    }
    return writes.wasDeleted(kind, w.identity())
        ? new RetrySafety.Seen.Stale(w.stale())
        : new RetrySafety.Seen.Found(WireMapper.object());
  }

  /** Found under a live id not deleted by this client; Stale if only deleted ids match. */
  private RetrySafety.Seen withId(Kind kind, List<ObjectNode> same) {
    for (ObjectNode o : same) {
      String id = o.path("id").asText();
      if (!writes.wasDeleted(kind, id)) {
        return new RetrySafety.Seen.Found(WireMapper.object().set("id", o.get("id")));
      }
    }
    if (same.isEmpty()) {
      return new RetrySafety.Seen.Absent();
    }
    return new RetrySafety.Seen.Stale(
        "the list still shows "
            + kind.section()
            + " id "
            + same.get(0).path("id").asText()
            + ", which was deleted before this create");
  }
}
