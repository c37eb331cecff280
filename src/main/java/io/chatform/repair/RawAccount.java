package io.chatform.repair;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.api.LiveChatClient;
import io.chatform.model.ApiVersion;
import io.chatform.model.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The account as the API lists it, with ids (not the manifest-shaped, name-based snapshot a plan
 * uses): duplicates share a name, so only ids can tell which object a rule or membership means.
 * Deep copies, so a repair can update them as it plans steps one after another.
 */
public record RawAccount(
    List<ObjectNode> groups,
    List<ObjectNode> agents,
    List<ObjectNode> bots,
    List<ObjectNode> rules,
    List<ObjectNode> groupProperties,
    List<ObjectNode> webhooks) {

  /** Reads what a repair of {@code kinds} needs; webhooks of {@code owners} only. */
  public static RawAccount read(LiveChatClient client, Set<Kind> kinds, Set<String> owners) {
    boolean groups = kinds.contains(Kind.GROUPS);
    List<ObjectNode> hooks = new ArrayList<>();
    if (kinds.contains(Kind.WEBHOOKS)) {
      owners.stream().sorted().forEach(o -> hooks.addAll(client.listWebhooks(o)));
    }
    return new RawAccount(
        groups ? client.listGroups(List.of("agent_priorities")) : List.of(),
        groups ? client.listAgents(List.of("groups")) : List.of(),
        groups || kinds.contains(Kind.BOTS) ? client.listBots(true, List.of("groups")) : List.of(),
        groups || kinds.contains(Kind.AUTO_ACCESS) ? client.listAutoAccesses() : List.of(),
        // Values move with their group; 3.4 lists them per group only (not read: noted in docs).
        groups && client.version().atLeast(ApiVersion.V3_5)
            ? client.listGroupsProperties(List.of(), Optional.empty())
            : List.of(),
        hooks);
  }

  public RawAccount {
    groups = copy(groups);
    agents = copy(agents);
    bots = copy(bots);
    rules = copy(rules);
    groupProperties = copy(groupProperties);
    webhooks = copy(webhooks);
  }

  /** Deep copies without secret fields (some SDKs model a webhook's secret_key): never shown. */
  private static List<ObjectNode> copy(List<ObjectNode> in) {
    return in.stream()
        .map(o -> o.deepCopy().without(List.of("secret_key", "secret")))
        .map(ObjectNode.class::cast)
        .toList();
  }
}
