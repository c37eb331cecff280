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

  RetrySafety group(ObjectNode body) {
    return byField(Kind.GROUPS, body, "name", () -> client.listGroups(List.of()), false);
  }

  RetrySafety agent(ObjectNode body) {
    return byField(Kind.AGENTS, body, "id", () -> client.listAgents(List.of()), true);
  }

  RetrySafety autoAccess(ObjectNode body) {
    return byField(Kind.AUTO_ACCESS, body, "description", client::listAutoAccesses, false);
  }

  /**
   * A create is found again by the one field that identifies it ({@code field} of {@code body}
   * equal in the list); without that field it may be sent at most once.
   */
  private RetrySafety byField(
      Kind kind, ObjectNode body, String field, Supplier<List<ObjectNode>> list, boolean unique) {
    return text(body, field)
        .<RetrySafety>map(
            value ->
                new RetrySafety.Create(
                    () -> seen(kind, list.get(), o -> value.equals(text(o, field).orElse(""))),
                    unique))
        .orElse(RetrySafety.AT_MOST_ONCE);
  }

  RetrySafety bot(ObjectNode body) {
    return byOwnerAndName(Kind.BOTS, body, owner -> client.listBots(true, List.of()));
  }

  RetrySafety botTemplate(ObjectNode body) {
    return byOwnerAndName(Kind.BOT_TEMPLATES, body, client::listBotTemplates);
  }

  /** Found again by name and owner in {@code list(owner)}. */
  private RetrySafety byOwnerAndName(
      Kind kind, ObjectNode body, Function<Optional<String>, List<ObjectNode>> list) {
    Optional<String> owner = text(body, "owner_client_id");
    return text(body, "name")
        .<RetrySafety>map(
            name ->
                new RetrySafety.Create(
                    () ->
                        seen(
                            kind,
                            list.apply(owner),
                            o ->
                                name.equals(text(o, "name").orElse(""))
                                    && (owner.isEmpty()
                                        || owner.equals(text(o, "owner_client_id")))),
                    false))
        .orElse(RetrySafety.AT_MOST_ONCE);
  }

  RetrySafety webhook(ObjectNode body) {
    Optional<String> owner = text(body, "owner_client_id");
    Optional<String> url = text(body, "url");
    Optional<String> action = text(body, "action");
    Optional<String> type = text(body, "type");
    if (url.isEmpty() || action.isEmpty()) {
      return RetrySafety.AT_MOST_ONCE;
    }
    return new RetrySafety.Create(
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
  RetrySafety property(ObjectNode body) {
    Optional<String> owner = text(body, "owner_client_id");
    Optional<String> name = text(body, "name");
    if (owner.isEmpty() || name.isEmpty()) {
      return RetrySafety.AT_MOST_ONCE;
    }
    String id = owner.get() + "/" + name.get();
    return byName(
        Kind.PROPERTIES,
        id,
        () -> client.listProperties(owner.get()).containsKey(name.get()),
        "property " + id + " was unregistered by this apply");
  }

  /** Tags have no id either: the name is the identity, as for property definitions. */
  RetrySafety tag(ObjectNode body) {
    return text(body, "name")
        .map(
            name ->
                byName(
                    Kind.TAGS,
                    name,
                    () -> client.listTags().stream().anyMatch(t -> name.equals(name(t))),
                    "tag " + name + " was deleted by this apply"))
        .orElse(RetrySafety.AT_MOST_ONCE);
  }

  /**
   * Canned responses are found again by group id and first tag (the key the plan keeps unique in a
   * group), under an id this client did not delete.
   */
  RetrySafety cannedResponse(ObjectNode body) {
    String key = cannedKey(body);
    return key.endsWith("/")
        ? RetrySafety.AT_MOST_ONCE
        : new RetrySafety.Create(
            () ->
                seen(
                    Kind.CANNED_RESPONSES,
                    client.listCannedResponses(),
                    o -> key.equals(cannedKey(o))),
            false);
  }

  /** {@code group_id/first tag} of a canned response body or listed object. */
  static String cannedKey(JsonNode r) {
    return r.path("group_id").asText("") + "/" + r.path("tags").path(0).asText("");
  }

  /** Allowed domains: the domain is the identity, matched ignoring case as host names are. */
  RetrySafety allowedDomain(String domain) {
    return byName(
        Kind.ALLOWED_DOMAINS,
        domain,
        () -> client.listAllowedDomains().stream().anyMatch(domain::equalsIgnoreCase),
        "domain " + domain + " was deleted by this apply");
  }

  /**
   * A create of an object without id, identified by {@code id}: found when {@code listed} says so,
   * unless this apply deleted that identity (the list may still show the old object); the API's own
   * {@code already_exists} decides then.
   */
  private RetrySafety byName(Kind kind, String id, Supplier<Boolean> listed, String stale) {
    return new RetrySafety.Create(
        () -> {
          if (!listed.get()) {
            return new RetrySafety.Seen.Absent();
          }
          return writes.wasDeleted(kind, id)
              ? new RetrySafety.Seen.Stale(stale)
              : new RetrySafety.Seen.Found(WireMapper.object());
        },
        true);
  }

  /** The probe for one item of a batch create method, or empty if it has none. */
  Optional<RetrySafety.Create> forBatchItem(String batchMethod, ObjectNode item) {
    RetrySafety s =
        switch (batchMethod) {
          case "batch_create_agents" -> agent(item);
          case "batch_create_bots" -> bot(item);
          default -> RetrySafety.AT_MOST_ONCE;
        };
    return s instanceof RetrySafety.Create c ? Optional.of(c) : Optional.empty();
  }

  /** Found under a live id not deleted by this client; Stale if only deleted ids match. */
  private RetrySafety.Seen seen(Kind kind, List<ObjectNode> live, Predicate<ObjectNode> match) {
    List<ObjectNode> same = live.stream().filter(match).toList();
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

  private static String name(JsonNode tag) {
    return text(tag, "name").orElse("");
  }

  static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isValueNode() && !v.isNull() ? Optional.of(v.asText()) : Optional.empty();
  }
}
