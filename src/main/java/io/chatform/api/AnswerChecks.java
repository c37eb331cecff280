package io.chatform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Escapes;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks the ids in list answers before anything is planned from them: a group id that is not a
 * number ({@code "seven"}), two objects with one id, or an object without one would otherwise
 * become a plan that updates the wrong object or nothing at all. Each method's {@link ApiMethod}
 * declares its answer's {@link IdShape}; the documented shapes: groups have integer ids (and text
 * names), agents e-mail ids, bots, rules and webhooks string ids; memberships and rule access name
 * groups by integer id; tags are named (no id) and name groups by integer id.
 */
final class AnswerChecks {
  /** The form of one id. */
  private enum IdKind {
    INTEGER,
    TEXT
  }

  private AnswerChecks() {}

  /**
   * The first problem with {@code items} as the answer of a method whose objects are {@code ids}.
   */
  static Optional<String> problem(IdShape ids, List<ObjectNode> items) {
    if (ids == IdShape.UNCHECKED) {
      return Optional.empty();
    }
    if (ids == IdShape.NAME) {
      return tags(items);
    }
    IdKind kind = idKind(ids);
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      ObjectNode o = items.get(i);
      JsonNode id = o.get("id");
      String at = "item " + i;
      if (id == null || id.isNull()) {
        return Optional.of(at + " has no id");
      }
      Optional<String> wrong = wrongId(id, kind, at + " has id ");
      if (wrong.isPresent()) {
        return wrong;
      }
      if (!seen.add(id.asText())) {
        return Optional.of("id " + shown(id) + " appears twice (item " + i + ")");
      }
      if (ids == IdShape.INTEGER_WITH_TEXT_NAME && o.has("name") && !o.get("name").isTextual()) {
        return Optional.of("group " + id.asText() + " has a name that is not text");
      }
      Optional<String> groups = groupRefs(o, at);
      if (groups.isPresent()) {
        return groups;
      }
    }
    return Optional.empty();
  }

  /**
   * Tags have no id: the name is the identity (printable, unique), and {@code group_ids} name
   * groups by integer id.
   */
  private static Optional<String> tags(List<ObjectNode> items) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      ObjectNode t = items.get(i);
      String at = "item " + i;
      JsonNode name = t.path("name");
      Optional<String> wrong = wrongId(name, IdKind.TEXT, at + " has name ");
      if (wrong.isPresent()) {
        return wrong;
      }
      if (!seen.add(name.asText())) {
        return Optional.of("tag name " + shown(name) + " appears twice (item " + i + ")");
      }
      JsonNode groups = t.path("group_ids");
      if (!groups.isMissingNode() && !groups.isNull() && !groups.isArray()) {
        return Optional.of(at + " has group_ids that are not a list");
      }
      for (JsonNode g : groups) {
        wrong = wrongId(g, IdKind.INTEGER, at + " names group id ");
        if (wrong.isPresent()) {
          return wrong;
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The problem with the id a create answered, if any: a group's must be a whole number (read as a
   * number otherwise, {@code "seven"} would become group 0, "General"), other ids printable text.
   */
  static Optional<String> createdId(IdShape ids, JsonNode id) {
    return wrongId(id, idKind(ids), "the new object's id is ");
  }

  /** The form of an object's own id under {@code ids}: whole numbers, else printable text. */
  private static IdKind idKind(IdShape ids) {
    return ids == IdShape.INTEGER || ids == IdShape.INTEGER_WITH_TEXT_NAME
        ? IdKind.INTEGER
        : IdKind.TEXT;
  }

  /** Group ids inside agents' and bots' {@code groups} and rules' {@code access.groups}. */
  private static Optional<String> groupRefs(ObjectNode o, String at) {
    JsonNode members = o.get("groups");
    if (members != null && !members.isNull()) {
      if (!members.isArray()) {
        return Optional.of(at + " has groups that are not a list");
      }
      for (JsonNode m : members) {
        Optional<String> wrong = wrongId(m.path("id"), IdKind.INTEGER, at + " names group id ");
        if (wrong.isPresent()) {
          return wrong;
        }
      }
    }
    JsonNode access = o.path("access").path("groups");
    if (!access.isMissingNode() && !access.isNull()) {
      if (!access.isArray()) {
        return Optional.of(at + " has access.groups that are not a list");
      }
      for (JsonNode g : access) {
        Optional<String> wrong = wrongId(g, IdKind.INTEGER, at + " names group id ");
        if (wrong.isPresent()) {
          return wrong;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> wrongId(JsonNode id, IdKind kind, String prefix) {
    boolean ok =
        switch (kind) {
          case INTEGER -> id.isIntegralNumber() && id.canConvertToLong() && id.asLong() >= 0;
          // A printable id only: ids are shown in plans, and never need control characters.
          case TEXT ->
              id.isTextual()
                  && !id.asText().isBlank()
                  && id.asText().codePoints().noneMatch(Escapes::unsafe);
        };
    if (ok) {
      return Optional.empty();
    }
    String expected = kind == IdKind.INTEGER ? "a whole number" : "printable text";
    return Optional.of(prefix + shown(id) + ", which is not " + expected);
  }

  private static String shown(JsonNode id) {
    if (id.isMissingNode()) {
      return "(none)";
    }
    return Escapes.shortened(id.toString(), 40);
  }
}
