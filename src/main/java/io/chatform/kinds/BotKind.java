package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.chatform.api.LiveChatClient;
import io.chatform.model.ApiVersion;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Future;

/**
 * Bots: matched by (owner_client_id, name), since bots of different apps may share a name; the
 * server-assigned id is never written in manifests; secrets returned by create are dropped on the
 * spot, never stored or printed.
 */
final class BotKind extends MemberKind {
  BotKind() {
    super(
        Kind.BOTS,
        Scope.APP,
        LiveChatClient::createBot,
        LiveChatClient::updateBot,
        LiveChatClient::deleteBot);
  }

  @Override
  public Optional<String> deleteWarning() {
    return Optional.of(
        "the bot's id and secret are gone for good (integrations sign in with them)");
  }

  @Override
  public Optional<String> replaceWarning() {
    return Optional.of("the bot gets a new id and a new secret (integrations use the old ones)");
  }

  /** Owned (docs/manifests.md): what a bot created without them has. */
  @Override
  public Map<String, JsonNode> ownedFields(ApiVersion version) {
    Map<String, JsonNode> out = new java.util.HashMap<>();
    out.put("job_title", TextNode.valueOf(""));
    out.put("max_chats_count", Json.F.numberNode(AgentKind.MAX_CHATS_DEFAULT));
    out.put("default_group_priority", TextNode.valueOf("normal"));
    out.put("groups", Json.array());
    out.put("work_scheduler", Schedules.none(version));
    // From 3.6 (earlier versions neither list nor write it, so it is never a change there).
    out.put("type", TextNode.valueOf("chatbot"));
    return Map.copyOf(out);
  }

  @Override
  public Optional<String> batchMethod(String verb) {
    return verb.equals("create") ? Optional.empty() : Optional.of("batch_" + verb + "_bots");
  }

  @Override
  ObjectNode body(WriteContext ctx, String verb, String liveId, ObjectNode desired, ObjectNode l) {
    Set<String> skip = new HashSet<>();
    if (!ctx.version().atLeast(ApiVersion.V3_6)) {
      skip.add("type");
    }
    if (verb.equals("update")) {
      skip.add("owner_client_id");
    }
    String priority = desired.path("default_group_priority").asText("normal");
    ObjectNode body = copy(ctx, desired, l, skip, priority);
    if (liveId != null) {
      body.put("id", liveId);
    }
    return body;
  }

  @Override
  List<String> listedFields() {
    return List.of("groups", "work_scheduler", "job_title", "max_chats_count");
  }

  @Override
  List<String> shapedFields() {
    return List.of(
        "name",
        "owner_client_id",
        "avatar",
        "max_chats_count",
        "default_group_priority",
        "job_title",
        "work_scheduler",
        "type");
  }

  @Override
  Future<List<ObjectNode>> submit(Reading reading) {
    return reading.submit(() -> reading.client().listBots(true, listedFields()));
  }

  @Override
  public ObjectNode normalize(ObjectNode spec) {
    return Schedules.normalize(
        Membership.normalize(spec, spec.path("default_group_priority").asText("normal")));
  }
}
