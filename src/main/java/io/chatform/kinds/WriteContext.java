package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.chatform.api.LiveChatClient;
import io.chatform.model.ApiVersion;
import io.chatform.model.Json;
import io.chatform.model.UserFacingException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What writers share during one apply: the client, and the ids of objects known so far (live ones,
 * plus those created in this run), so symbolic references by name resolve as creates finish.
 */
public final class WriteContext {
  private final LiveChatClient client;
  private final Names names;
  private final Map<String, String> ruleIds = new ConcurrentHashMap<>();
  private Optional<String> groupSeedMember;
  private boolean seedLookedUp;

  /**
   * @param ruleIds live auto access rule ids by description
   * @param groupSeedMember up to 3.5 a new group needs one member with priority normal: this agent
   */
  public WriteContext(
      LiveChatClient client,
      Names names,
      Map<String, String> ruleIds,
      Optional<String> groupSeedMember) {
    this.client = client;
    this.names = names;
    this.ruleIds.putAll(ruleIds);
    this.groupSeedMember = groupSeedMember;
    this.seedLookedUp = groupSeedMember.isPresent();
  }

  /**
   * The context for applying a plan made from {@code snapshot}: its group names, its auto access
   * rule ids by description, and (up to 3.5, where a new group needs a member) the caller's agent
   * or else the owner as the seed member of new groups.
   */
  public static WriteContext of(LiveChatClient client, LiveReader.Snapshot snapshot) {
    Map<String, String> ruleIds = new HashMap<>();
    for (ResourceKind k : Kinds.all()) {
      if (k instanceof Mover) { // ordered objects are placed by the ids of their neighbours
        snapshot.state().of(k.kind()).forEach(o -> ruleIds.put(o.identity(), o.liveId()));
      }
    }
    Optional<String> seed =
        snapshot
            .state()
            .callerAgentId()
            .or(
                () ->
                    Kinds.all().stream()
                        .flatMap(k -> k.groupSeed(snapshot.state().of(k.kind())).stream())
                        .findFirst());
    return new WriteContext(client, snapshot.names(), ruleIds, seed);
  }

  public LiveChatClient client() {
    return client;
  }

  public ApiVersion version() {
    return client.version();
  }

  public Names names() {
    return names;
  }

  /**
   * The seed member of new groups (up to 3.5). When the snapshot had no agents (the manifests do
   * not manage them), it is looked up once: the credential's own agent, else the owner.
   */
  synchronized Optional<String> groupSeedMember() {
    if (!seedLookedUp) {
      seedLookedUp = true;
      groupSeedMember =
          Kinds.all().stream().flatMap(k -> k.lookUpGroupSeed(client).stream()).findFirst();
    }
    return groupSeedMember;
  }

  long groupId(String name) {
    return names
        .groupId(name)
        .orElseThrow(
            () ->
                new UserFacingException(
                    "group \"" + name + "\" does not exist in the account; plan again"));
  }

  String ruleId(String description) {
    String id = ruleIds.get(description);
    if (id == null) {
      throw new UserFacingException(
          "auto access rule \"" + description + "\" does not exist in the account; plan again");
    }
    return id;
  }

  /**
   * A rule the plan renames keeps its id: neighbours placed in front of it may name it by its new
   * description before its rename has run.
   */
  public void renaming(String description, String id) {
    ruleIds.putIfAbsent(description, id);
  }

  void ruleCreated(String description, String id) {
    ruleIds.put(description, id);
  }

  void ruleDeleted(String description) {
    ruleIds.remove(description);
  }

  /**
   * Manifest membership ({@code [{group, priority}]}) as the API writes it ({@code [{id,
   * priority}]}). Live membership of General is kept when the manifest does not mention General,
   * since updates replace the whole list.
   */
  ArrayNode memberships(JsonNode desired, JsonNode live, String defaultPriority) {
    ArrayNode out = Json.array();
    boolean general = false;
    for (JsonNode g : desired) {
      String name = g.path("group").asText();
      general |= name.equals(Membership.GENERAL);
      out.addObject()
          .put("id", groupId(name))
          .put("priority", g.path("priority").asText(defaultPriority));
    }
    if (!general && live != null) {
      for (JsonNode g : live) {
        if (g.path("group").asText().equals(Membership.GENERAL)) {
          out.addObject().put("id", 0).put("priority", g.path("priority").asText("normal"));
        }
      }
    }
    return out;
  }
}
