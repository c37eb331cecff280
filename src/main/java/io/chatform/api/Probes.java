package io.chatform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Kind;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Per-method re-reads that tell whether a create whose answer was lost took effect, matching on the
 * identity the plan guarantees unique: group name, bot owner + name, auto access description,
 * webhook owner + type + action + url, property owner + name, tag name, bot template owner + name,
 * agent id. Lists lag behind writes (the API documents up to 2 minutes), so an object counts only
 * under a live id this client did not delete: after a replace the stale list still shows the old
 * object, which proves nothing.
 */
final class Probes {
  private final LiveChatClient client;
  private final WriteLog writes;

  Probes(LiveChatClient client, WriteLog writes) {
    this.client = client;
    this.writes = writes;
  }

  Safety group(ObjectNode body) {
    return byField(Kind.GROUPS, body, "name", () -> client.listGroups(List.of()), false);
  }

  Safety agent(ObjectNode body) {
    return byField(Kind.AGENTS, body, "id", () -> client.listAgents(List.of()), true);
  }

  Safety autoAccess(ObjectNode body) {
    return byField(Kind.AUTO_ACCESS, body, "description", client::listAutoAccesses, false);
  }

  /**
   * A create is found again by the one field that identifies it ({@code field} of {@code body}
   * equal in the list); without that field it may be sent at most once.
   */
  private Safety byField(
      Kind kind, ObjectNode body, String field, Supplier<List<ObjectNode>> list, boolean unique) {
    return text(body, field)
        .<Safety>map(
            value ->
                new Safety.Create(
                    () -> seen(kind, list.get(), o -> value.equals(text(o, field).orElse(""))),
                    unique))
        .orElse(Safety.AT_MOST_ONCE);
  }

  Safety bot(ObjectNode body) {
    return byOwnerAndName(Kind.BOTS, body, owner -> client.listBots(true, List.of()));
  }

  Safety botTemplate(ObjectNode body) {
    return byOwnerAndName(Kind.BOT_TEMPLATES, body, client::listBotTemplates);
  }

  /** Found again by name and owner in {@code list(owner)}. */
  private Safety byOwnerAndName(
      Kind kind, ObjectNode body, Function<Optional<String>, List<ObjectNode>> list) {
    Optional<String> owner = text(body, "owner_client_id");
    return text(body, "name")
        .<Safety>map(
            name ->
                new Safety.Create(
                    () ->
                        seen(
                            kind,
                            list.apply(owner),
                            o ->
                                name.equals(text(o, "name").orElse(""))
                                    && (owner.isEmpty()
                                        || owner.equals(text(o, "owner_client_id")))),
                    false))
        .orElse(Safety.AT_MOST_ONCE);
  }

  Safety webhook(ObjectNode body) {
    Optional<String> owner = text(body, "owner_client_id");
    Optional<String> url = text(body, "url");
    Optional<String> action = text(body, "action");
    Optional<String> type = text(body, "type");
    if (url.isEmpty() || action.isEmpty()) {
      return Safety.AT_MOST_ONCE;
    }
    return new Safety.Create(
        () ->
            seen(
                Kind.WEBHOOKS,
                client.listWebhooks(owner),
                w ->
                    url.equals(text(w, "url"))
                        && action.equals(text(w, "action"))
                        && (type.isEmpty() || type.equals(text(w, "type")))),
        false);
  }

  /**
   * Property definitions have no id: the name is the identity. After an unregister of the same name
   * a listed definition may be the old one, so it proves nothing; the API's own uniqueness check
   * ({@code already_exists} on register) decides instead.
   */
  Safety property(ObjectNode body) {
    Optional<String> owner = text(body, "owner_client_id");
    Optional<String> name = text(body, "name");
    if (owner.isEmpty() || name.isEmpty()) {
      return Safety.AT_MOST_ONCE;
    }
    String id = owner.get() + "/" + name.get();
    return byName(
        Kind.PROPERTIES,
        id,
        () -> client.listProperties(owner.get()).containsKey(name.get()),
        "property " + id + " was unregistered by this apply");
  }

  /** Tags have no id either: the name is the identity, as for property definitions. */
  Safety tag(ObjectNode body) {
    return text(body, "name")
        .map(
            name ->
                byName(
                    Kind.TAGS,
                    name,
                    () -> client.listTags().stream().anyMatch(t -> name.equals(name(t))),
                    "tag " + name + " was deleted by this apply"))
        .orElse(Safety.AT_MOST_ONCE);
  }

  /**
   * A create of an object without id, identified by {@code id}: found when {@code listed} says so,
   * unless this apply deleted that identity (the list may still show the old object); the API's own
   * {@code already_exists} decides then.
   */
  private Safety byName(Kind kind, String id, Supplier<Boolean> listed, String stale) {
    return new Safety.Create(
        () -> {
          if (!listed.get()) {
            return new Safety.Seen.Absent();
          }
          return writes.wasDeleted(kind, id)
              ? new Safety.Seen.Stale(stale)
              : new Safety.Seen.Found(Json.object());
        },
        true);
  }

  /** The probe for one item of a batch create method, or empty if it has none. */
  Optional<Safety.Create> forBatchItem(String batchMethod, ObjectNode item) {
    Safety s =
        switch (batchMethod) {
          case "batch_create_agents" -> agent(item);
          case "batch_create_bots" -> bot(item);
          default -> Safety.AT_MOST_ONCE;
        };
    return s instanceof Safety.Create c ? Optional.of(c) : Optional.empty();
  }

  /** Found under a live id not deleted by this client; Stale if only deleted ids match. */
  private Safety.Seen seen(Kind kind, List<ObjectNode> live, Predicate<ObjectNode> match) {
    List<ObjectNode> same = live.stream().filter(match).toList();
    for (ObjectNode o : same) {
      String id = o.path("id").asText();
      if (!writes.wasDeleted(kind, id)) {
        return new Safety.Seen.Found(Json.object().set("id", o.get("id")));
      }
    }
    if (same.isEmpty()) {
      return new Safety.Seen.Absent();
    }
    return new Safety.Seen.Stale(
        "the list still shows "
            + kind.section()
            + " id "
            + same.get(0).path("id").asText()
            + ", which was deleted before this create");
  }

  private static String name(JsonNode tag) {
    return text(tag, "name").orElse("");
  }

  static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isValueNode() && !v.isNull() ? Optional.of(v.asText()) : Optional.empty();
  }
}
