package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Objects numbered by the server that each belong to one group (greetings, canned responses): ids
 * only grow (also across restarts), and an object whose group was deleted is gone with it — not
 * found by id, not listed, not persisted. Not thread-safe: the caller holds the state lock.
 */
final class GroupedStore {
  private final Account account;
  private final String what;
  private final String section;
  private final String groupField;
  private final TreeMap<Long, ObjectNode> items = new TreeMap<>();
  private long nextId = 1;

  /**
   * @param what the object's name in messages, e.g. {@code Greeting}
   * @param section the array's key in the persisted state, e.g. {@code greetings}
   * @param groupField the field holding the group id, e.g. {@code group}
   */
  GroupedStore(Account account, String what, String section, String groupField) {
    this.account = account;
    this.what = what;
    this.section = section;
    this.groupField = groupField;
  }

  /** Stores {@code fields} under a new id (the first field) and returns that id. */
  long add(ObjectNode fields) {
    long id = nextId++;
    ObjectNode stored = Params.object().put("id", id);
    stored.setAll(fields);
    items.put(id, stored);
    return id;
  }

  /** Replaces the stored object with the same id. */
  void replace(ObjectNode next) {
    items.put(next.get("id").asLong(), next);
  }

  void remove(ObjectNode existing) {
    items.remove(existing.get("id").asLong());
  }

  /** The object named by the body's {@code id}; {@code not_found} when absent or gone. */
  ObjectNode existing(JsonNode body) {
    long id = Params.requireId(body, "id");
    return Optional.ofNullable(items.get(id))
        .filter(this::live)
        .orElseThrow(() -> ApiError.notFound(what + " " + id + " not found"));
  }

  /** Copies of the live objects passing {@code filter}, ascending by id. */
  List<ObjectNode> matching(Predicate<ObjectNode> filter) {
    return items.values().stream()
        .filter(this::live)
        .filter(filter)
        .map(ObjectNode::deepCopy)
        .toList();
  }

  private boolean live(ObjectNode o) {
    return account.groupExists(o.get(groupField).asLong());
  }

  void write(ObjectNode into) {
    into.put("next_id", nextId);
    ArrayNode list = into.putArray(section);
    items.values().stream().filter(this::live).forEach(o -> list.add(o.deepCopy()));
  }

  void read(JsonNode from) {
    reset();
    long max = 0;
    for (JsonNode o : from.path(section)) {
      if (!Params.isId(o.get("id")) || !Params.isId(o.get(groupField))) {
        throw new IllegalArgumentException(
            "`" + section + "." + section + "[]` needs an id and a " + groupField);
      }
      items.put(o.get("id").asLong(), (ObjectNode) o.deepCopy());
      max = Math.max(max, o.get("id").asLong());
    }
    nextId = Math.max(from.path("next_id").asLong(1), max + 1);
  }

  void reset() {
    items.clear();
    nextId = 1;
  }
}
