package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/** Group id arrays in requests (tags, greeting and canned response filters). */
final class GroupIds {
  private GroupIds() {}

  /** An optional array of group ids, each a non-negative integer; duplicates collapse. */
  static Optional<Set<Long>> optional(JsonNode parent, String path, String field) {
    Optional<ArrayNode> arr = BodyFields.optionalArray(parent, path, field);
    if (arr.isEmpty()) {
      return Optional.empty();
    }
    Set<Long> out = new LinkedHashSet<>();
    for (int i = 0; i < arr.get().size(); i++) {
      JsonNode id = arr.get().get(i);
      if (!Params.isId(id)) {
        throw ApiError.validation(path + field + "[" + i + "] must be a group id (an integer)");
      }
      out.add(id.asLong());
    }
    return Optional.of(out);
  }

  /** The same, where every id must name an existing group ({@code group_not_found}). */
  static Optional<Set<Long>> existing(JsonNode parent, String path, String field, Account a) {
    Optional<Set<Long>> ids = optional(parent, path, field);
    ids.ifPresent(s -> s.forEach(id -> requireGroup(a, path + field, id)));
    return ids;
  }

  static void requireGroup(Account a, String at, long id) {
    if (!a.groupExists(id)) {
      throw ApiError.groupNotFound(at + ": group " + id + " not found");
    }
  }

  static ArrayNode toJson(Set<Long> ids) {
    ArrayNode out = Params.array();
    ids.forEach(out::add);
    return out;
  }
}
