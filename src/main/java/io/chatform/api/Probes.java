package io.chatform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Per-method re-reads that tell whether a create whose answer was lost took effect, matching on the
 * identity the plan guarantees unique: group name, bot owner + name, auto access description,
 * webhook owner + type + action + url, property owner + name, agent id. Eventual consistency (~2
 * min on the real service) can hide a fresh write; the emulator is immediate.
 */
final class Probes {
  private final LiveChatClient client;

  Probes(LiveChatClient client) {
    this.client = client;
  }

  Safety group(ObjectNode body) {
    return byField(body, "name", () -> client.listGroups(List.of()));
  }

  Safety agent(ObjectNode body) {
    return byField(body, "id", () -> client.listAgents(List.of()));
  }

  /**
   * A create is found again by the one field that identifies it ({@code field} of {@code body}
   * equal in the list); without that field it may be sent at most once.
   */
  private Safety byField(
      ObjectNode body, String field, java.util.function.Supplier<List<ObjectNode>> list) {
    return text(body, field)
        .<Safety>map(
            value ->
                new Safety.Create(
                    () -> idOf(list.get(), o -> value.equals(text(o, field).orElse("")))))
        .orElse(Safety.AT_MOST_ONCE);
  }

  Safety bot(ObjectNode body) {
    Optional<String> owner = text(body, "owner_client_id");
    return text(body, "name")
        .<Safety>map(
            name ->
                new Safety.Create(
                    () ->
                        idOf(
                            client.listBots(true, List.of()),
                            b ->
                                name.equals(text(b, "name").orElse(""))
                                    && (owner.isEmpty()
                                        || owner.equals(text(b, "owner_client_id"))))))
        .orElse(Safety.AT_MOST_ONCE);
  }

  Safety autoAccess(ObjectNode body) {
    return byField(body, "description", client::listAutoAccesses);
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
            idOf(
                client.listWebhooks(owner),
                w ->
                    url.equals(text(w, "url"))
                        && action.equals(text(w, "action"))
                        && (type.isEmpty() || type.equals(text(w, "type")))));
  }

  Safety property(ObjectNode body) {
    Optional<String> owner = text(body, "owner_client_id");
    Optional<String> name = text(body, "name");
    if (owner.isEmpty() || name.isEmpty()) {
      return Safety.AT_MOST_ONCE;
    }
    return new Safety.Create(
        () ->
            client.listProperties(owner.get()).containsKey(name.get())
                ? Optional.of(Json.object())
                : Optional.empty());
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

  private static Optional<JsonNode> idOf(List<ObjectNode> live, Predicate<ObjectNode> match) {
    return live.stream()
        .filter(match)
        .findFirst()
        .map(o -> (JsonNode) Json.object().set("id", o.get("id")));
  }

  static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v != null && v.isValueNode() && !v.isNull() ? Optional.of(v.asText()) : Optional.empty();
  }
}
