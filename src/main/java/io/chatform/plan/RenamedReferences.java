package io.chatform.plan;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.chatform.kinds.Kinds;
import io.chatform.kinds.LiveObject;
import io.chatform.model.Kind;
import io.chatform.model.Reference;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The names a plan's renames change, so references follow a renamed object instead of planning a
 * delete and create: live objects of later kinds are compared as if they already named it by its
 * new name (an agent in "Tech Support" is in "Technical Support" once group 2 is renamed). Keeps
 * the live specs as read, for fingerprints.
 */
final class RenamedReferences {
  private final Map<String, Map<String, String>> renames = new HashMap<>();
  private final Map<ObjectNode, ObjectNode> originals = new IdentityHashMap<>();

  /** Records the renames among {@code actions} of one kind. */
  void record(Kind kind, List<Action> actions) {
    for (Action a : actions) {
      a.renamedFrom()
          .filter(was -> a.desired().isPresent() && a.live().isPresent())
          .ifPresent(
              was ->
                  renames
                      .computeIfAbsent(kind.section(), k -> new HashMap<>())
                      .put(kind.identity(a.live().get()), kind.identity(a.desired().get())));
    }
  }

  /** The live objects, references to renamed objects under their new names. */
  List<LiveObject> follow(List<LiveObject> have) {
    if (renames.isEmpty()) {
      return have;
    }
    return have.stream().map(this::follow).toList();
  }

  private LiveObject follow(LiveObject o) {
    ObjectNode spec = null;
    for (Reference r : Kinds.of(o.kind()).references()) {
      Map<String, String> names = renames.get(r.section());
      if (names == null || r.paths().size() != 1) {
        continue;
      }
      for (Reference.Named n : r.occurrences(o.spec())) {
        String now = names.get(n.node().asText());
        if (now != null) {
          spec = spec == null ? o.spec().deepCopy() : spec;
          set(spec, n.pointer(), now);
        }
      }
    }
    if (spec == null) {
      return o;
    }
    originals.put(spec, originals.getOrDefault(o.spec(), o.spec()));
    return new LiveObject(o.kind(), o.liveId(), spec);
  }

  private static void set(ObjectNode spec, String pointer, String value) {
    int cut = pointer.lastIndexOf('/');
    var parent = spec.at(pointer.substring(0, cut));
    String last = pointer.substring(cut + 1);
    if (parent instanceof ObjectNode obj) {
      obj.set(last, TextNode.valueOf(value));
    } else if (parent instanceof ArrayNode arr) {
      arr.set(Integer.parseInt(last), TextNode.valueOf(value));
    }
  }

  /** The live spec as read, for a spec this class rewrote (or the spec itself). */
  ObjectNode original(ObjectNode spec) {
    return originals.getOrDefault(spec, spec);
  }
}
