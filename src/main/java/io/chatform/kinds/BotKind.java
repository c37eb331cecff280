package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.chatform.api.AnswerReader;
import io.chatform.api.ApiMethod;
import io.chatform.api.BatchResult;
import io.chatform.api.BotCreated;
import io.chatform.api.CreateProbe;
import io.chatform.api.Created;
import io.chatform.api.Lists;
import io.chatform.api.LiveChatClient;
import io.chatform.api.Secret;
import io.chatform.model.ApiVersion;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
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
public final class BotKind extends MemberKind implements Mergeable {

  // create_bot / update_bot: "work_scheduler.timezone — Required: Yes" (agents: only with slots).
  //
  @Override
  public boolean scheduleNeedsTimezone() {
    return true;
  }

  @Override
  public Optional<String> renameField() {
    return Optional.of("name");
  }

  /** Found again by name and owner (bots of different apps may share a name). */
  public static final ApiMethod<Created> CREATE =
      ApiMethod.create(
          "create_bot",
          CreateProbe.byFields(
              Kind.BOTS,
              Lists.BOTS,
              b -> Json.object().put("all", true),
              List.of("name"),
              List.of("owner_client_id"),
              false),
          AnswerReader.CREATED_ID);

  private static final ApiMethod<JsonNode> UPDATE = ApiMethod.update("update_bot");
  private static final ApiMethod<JsonNode> DELETE = ApiMethod.delete("delete_bot");

  BotKind() {
    super(Kind.BOTS, Scope.APP, CREATE, BotKind::createBot, BotKind::updateBot, BotKind::deleteBot);
  }

  /** Creates a bot; its secret is remembered by the redaction layer and never printed. */
  public static BotCreated createBot(LiveChatClient client, ObjectNode bot) {
    Created created = client.create(Kind.BOTS, CREATE, bot);
    Optional<Secret> secret =
        Optional.ofNullable(created.answer().get("secret"))
            .filter(JsonNode::isTextual)
            .map(JsonNode::asText)
            .map(Secret::of);
    secret.ifPresent(s -> client.rememberSecret(s.reveal()));
    return new BotCreated(created.id().orElseThrow(), secret);
  }

  public static void updateBot(LiveChatClient client, ObjectNode bot) {
    client.call(UPDATE, bot);
  }

  public static void deleteBot(LiveChatClient client, String id) {
    client.delete(Kind.BOTS, DELETE, Json.object().put("id", id), id, "");
  }

  /** Runs a batch method on bots; creates of unknown outcome are probed one by one. */
  public static List<BatchResult> batch(
      LiveChatClient client, String method, List<ObjectNode> requests) {
    return client.batch(Kind.BOTS, method, requests, Optional.of(CREATE));
  }

  @Override
  public Optional<Routing> routing() {
    return Optional.of(Routing.BOT);
  }

  /** Bots are listed across apps in one call ({@code all}): their owners are the apps. */
  @Override
  public boolean namesApps() {
    return true;
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
    Map<String, JsonNode> out = new HashMap<>();
    out.put("job_title", TextNode.valueOf(""));
    out.put("max_chats_count", Json.F.numberNode(ChatCapacity.MAX_CHATS_DEFAULT));
    out.put("default_group_priority", TextNode.valueOf("normal"));
    out.put("groups", Json.array());
    out.put("work_scheduler", Schedules.none(version));
    // From 3.6 (earlier versions neither list nor write it, so it is never a change there).
    out.put("type", TextNode.valueOf("chatbot"));
    return Map.copyOf(out);
  }

  @Override
  public void check(ManifestCheck check, List<? extends Declared> declared) {
    for (Declared b : declared) {
      check.schedule(b);
      if (b.spec().has("type") && !check.version().atLeast(ApiVersion.V3_6)) {
        check.report(
            b,
            "/type",
            "bots have a type only from API 3.6",
            "remove type or use --api-version 3.6");
      }
    }
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
    JsonNode ws = body.get("work_scheduler");
    String liveZone = l == null ? "" : l.path("work_scheduler").path("timezone").asText("");
    if (ws != null
        && ws.path("schedule").isArray()
        && ws.path("schedule").isEmpty()
        && ws.path("timezone").asText("").isEmpty()
        && !liveZone.isEmpty()) {
      // Clearing a bot's schedule: create_bot/update_bot require work_scheduler.timezone (unlike
      // agents', "required only when schedule is not empty"), so the bot's keeps its time zone.
      ObjectNode cleared = Json.object().put("timezone", liveZone);
      cleared.putArray("schedule");
      body.set("work_scheduler", cleared);
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
    return reading.submit(
        () -> completed(reading.client(), reading.client().listBots(true, listedFields())));
  }

  private static final ApiMethod<JsonNode> GET = ApiMethod.read("get_bot", AnswerReader.RAW);

  /** Fields the documented list_bots answer lacks and get_bot's has. */
  private static final List<String> GOT = List.of("owner_client_id", "default_group_priority");

  /**
   * {@code bots} with {@link #GOT} filled in from {@code get_bot} where the list left them out: the
   * documented list_bots answer (listBots.json) carries id, name and avatar besides the fields
   * asked for, while getBot.json has {@code owner_client_id} (half a bot's identity: without it
   * every bot would look new and be created again) and {@code default_group_priority}. Lists that
   * carry them (the emulator's) cost no extra call.
   */
  public static List<ObjectNode> completed(LiveChatClient client, List<ObjectNode> bots) {
    for (ObjectNode b : bots) {
      if (GOT.stream().anyMatch(f -> !b.has(f)) && b.path("id").isTextual()) {
        JsonNode full = client.call(GET, Json.object().put("id", b.get("id").asText()));
        for (String f : GOT) {
          if (!b.has(f) && full.hasNonNull(f)) {
            b.set(f, full.get(f));
          }
        }
      }
    }
    return bots;
  }

  /**
   * As members align; a live bot without {@code type} (3.6: neither list_bots' nor get_bot's
   * documented answer shows one, and {@code fields} cannot ask for it) takes the manifest's, as
   * what cannot be read cannot be compared.
   */
  @Override
  public ObjectNode alignLive(ObjectNode desired, ObjectNode live) {
    return Json.takeUnanswered(desired, super.alignLive(desired, live), "/type");
  }

  @Override
  public ObjectNode normalize(ObjectNode spec) {
    return Schedules.normalize(
        Membership.normalize(spec, spec.path("default_group_priority").asText("normal")));
  }

  @Override
  String noun() {
    return "bot";
  }

  @Override
  String named(ObjectNode member) {
    return "bot " + Json.text(member, "id");
  }

  @Override
  public List<ObjectNode> readRaw(LiveChatClient client, Set<String> owners) {
    return completed(client, client.listBots(true, List.of("groups")));
  }

  /** Bots: references are the groups a bot is a member of; the keeper gains the extras' ones. */
  @Override
  public Merged merge(List<ObjectNode> same, RawLists raw) {
    Keeper choice =
        Keeper.choose(
            same,
            b -> b.path("groups").size(),
            Comparator.comparing(b -> Json.text(b, "id")),
            "the smallest id (bot ids carry no age; any fixed rule would do)");
    ObjectNode keeper = choice.keeper();
    List<String> why = new ArrayList<>();
    same.forEach(
        b ->
            why.add(
                "bot "
                    + Json.text(b, "id")
                    + ": member of "
                    + b.path("groups").size()
                    + " group(s) "
                    + Membership.groupIds(b.path("groups"))));
    ArrayNode merged = keeper.path("groups").deepCopy();
    List<RepairStep> steps = new ArrayList<>();
    List<String> extras = new ArrayList<>();
    for (ObjectNode extra : same) {
      if (extra == keeper) {
        continue;
      }
      extras.add(Json.text(extra, "id"));
      for (JsonNode m : extra.path("groups")) {
        if (!Membership.hasMember(merged, m.path("id").asLong())) {
          merged.add(m.deepCopy());
        }
      }
    }
    if (merged.size() != keeper.path("groups").size()) {
      ObjectNode body = Json.object().put("id", Json.text(keeper, "id"));
      body.put("owner_client_id", Json.text(keeper, "owner_client_id"));
      body.set("groups", merged);
      steps.add(
          new RepairStep(
              "bot "
                  + Json.text(keeper, "id")
                  + ": join the extras' groups "
                  + Membership.groupIds(merged),
              "update_bot",
              body));
      keeper.set("groups", merged);
    }
    for (String id : extras) {
      steps.add(
          new RepairStep(
              "delete extra bot " + id,
              "delete_bot",
              Json.object()
                  .put("id", id)
                  .put("owner_client_id", Json.text(keeper, "owner_client_id"))));
    }
    return new Merged(choice, extras, why, steps);
  }
}
