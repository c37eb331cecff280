package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.chatform.api.AnswerReader;
import io.chatform.api.ApiMethod;
import io.chatform.api.BatchResult;
import io.chatform.api.CreateProbe;
import io.chatform.api.Created;
import io.chatform.api.Credentials;
import io.chatform.api.Lists;
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
 * Agents: matched by e-mail; membership compared as a set; 3.6 cannot rename. The owner and the
 * agent behind the credential are never deleted.
 */
public final class AgentKind extends MemberKind {

  // Agent ids are e-mail addresses.
  @Override
  public boolean identityIsAnsweredId() {
    return true;
  }

  @Override
  public boolean identityIgnoresCase() {
    return true;
  }

  /**
   * Idempotent by id: the API refuses a second agent with the same e-mail, so an {@code
   * already_exists} after a lost answer means the create happened.
   */
  public static final ApiMethod<Created> CREATE =
      ApiMethod.create(
          "create_agent",
          CreateProbe.byFields(
              Kind.AGENTS, Lists.AGENTS, CreateProbe::noParameters, List.of("id"), List.of(), true),
          AnswerReader.CREATED_BY_IDENTITY);

  private static final ApiMethod<JsonNode> UPDATE = ApiMethod.update("update_agent");
  private static final ApiMethod<JsonNode> DELETE = ApiMethod.delete("delete_agent");

  AgentKind() {
    super(
        Kind.AGENTS,
        Scope.ACCOUNT,
        CREATE,
        AgentKind::createAgent,
        AgentKind::updateAgent,
        AgentKind::deleteAgent);
  }

  /** Creates an agent; 3.6 refuses an avatar (it moved to the account-level APIs). */
  public static void createAgent(LiveChatClient client, ObjectNode agent) {
    if (client.version().atLeast(ApiVersion.V3_6) && agent.has("avatar")) {
      throw versionRefusal(client, agent, "create_agent", "avatar");
    }
    client.create(Kind.AGENTS, CREATE, agent);
  }

  /** Updates an agent; 3.6 refuses name and avatar. */
  public static void updateAgent(LiveChatClient client, ObjectNode agent) {
    if (client.version().atLeast(ApiVersion.V3_6)) {
      for (String f : List.of("name", "avatar")) {
        if (agent.has(f)) {
          throw versionRefusal(client, agent, "update_agent", f);
        }
      }
    }
    client.call(UPDATE, agent);
  }

  public static void deleteAgent(LiveChatClient client, String id) {
    client.delete(Kind.AGENTS, DELETE, Json.object().put("id", id), id, id);
  }

  /** Runs a batch method on agents; creates of unknown outcome are probed one by one. */
  public static List<BatchResult> batch(
      LiveChatClient client, String method, List<ObjectNode> requests) {
    return client.batch(Kind.AGENTS, method, requests, Optional.of(CREATE));
  }

  private static IllegalArgumentException versionRefusal(
      LiveChatClient client, ObjectNode agent, String method, String field) {
    return new IllegalArgumentException(
        "agent "
            + agent.path("id").asText("?")
            + ": "
            + method
            + " in API "
            + client.version().label()
            + " does not accept '"
            + field
            + "' (it moved to the account-level APIs); leave it out or use --api-version 3.5");
  }

  @Override
  public Optional<Routing> routing() {
    return Optional.of(Routing.AGENT);
  }

  @Override
  public Optional<String> deleteWarning() {
    return Optional.of("deletes a person's LiveChat account, which cannot be restored");
  }

  @Override
  public void check(ManifestCheck check, List<? extends Declared> declared) {
    ApiVersion version = check.version();
    for (Declared a : declared) {
      maxChats(check, a);
      check.schedule(a);
      if (a.spec().has("avatar") && version.atLeast(ApiVersion.V3_6)) {
        check.report(
            a,
            "/avatar",
            "an agent's avatar cannot be set through API 3.6 (it moved to the account-level APIs)",
            "remove avatar, or use --api-version 3.5");
      }
    }
  }

  private static void maxChats(ManifestCheck check, Declared a) {
    com.fasterxml.jackson.databind.JsonNode max = a.spec().get("max_chats_count");
    ApiVersion version = check.version();
    int limit = version.atLeast(ApiVersion.V3_5) ? 20 : 100;
    if (max != null && max.isIntegralNumber() && max.asLong() > limit && max.asLong() <= 100) {
      check.report(
          a,
          "/max_chats_count",
          "max_chats_count "
              + max.asLong()
              + " is above "
              + limit
              + ", the limit for agents in API "
              + version.label(),
          "use " + limit + " or less");
    }
  }

  /**
   * Agent ids are e-mail addresses. The docs do not say whether the API compares them with or
   * without letter case; e-mail domains are case-insensitive and one person must never become two
   * agents, so ids that differ only in case are the same agent.
   */
  @Override
  public Optional<ManifestCheck.Wording> duplicate(
      String id, String first, String firstAt, boolean caseOnly) {
    return ManifestCheck.Wording.sameButForCase(
        caseOnly,
        "agent",
        id,
        first,
        firstAt,
        "agent ids are e-mail addresses and differ here only in letter case",
        "declare each agent once, with one spelling of its e-mail; lower case is usual");
  }

  @Override
  public ObjectNode normalize(ObjectNode spec) {
    ObjectNode out = Membership.normalize(spec, "normal");
    out = Json.sortedField(out, "notifications");
    out = Json.sortedField(out, "email_subscriptions");
    return Schedules.normalize(out);
  }

  /**
   * Owned (docs/manifests.md): what an agent created without them has. {@code role}, {@code
   * notifications} and {@code email_subscriptions} (the API picks its own defaults) and {@code
   * login_status} (runtime state agents change themselves) are compared only when declared.
   */
  @Override
  public Map<String, JsonNode> ownedFields(ApiVersion version) {
    return Map.of(
        "job_title", TextNode.valueOf(""),
        "mobile", TextNode.valueOf(""),
        "max_chats_count", Json.F.numberNode(ChatCapacity.MAX_CHATS_DEFAULT),
        "groups", Json.array(),
        "work_scheduler", Schedules.none(version));
  }

  @Override
  public Set<String> createOnlyFields(ApiVersion version) {
    // 3.6 moved name and avatar to the account-level APIs: update_agent rejects them.
    return version.atLeast(ApiVersion.V3_6) ? Set.of("name", "avatar") : Set.of();
  }

  private static boolean owner(ObjectNode spec) {
    return "owner".equals(Json.text(spec, "role"));
  }

  @Override
  public Optional<Protection> protection(LiveObject live, Optional<String> callerAgentId) {
    if (owner(live.spec())) {
      return Optional.of(new Protection("the account owner is never deleted", true));
    }
    if (callerAgentId.isPresent() && callerAgentId.get().equals(live.liveId())) {
      return Optional.of(
          new Protection("the agent behind the credential in use is never deleted", false));
    }
    return Optional.empty();
  }

  /** The owner. */
  @Override
  public Optional<String> groupSeed(List<LiveObject> live) {
    return live.stream().filter(a -> owner(a.spec())).map(LiveObject::liveId).findFirst();
  }

  /** The credential's own agent, else the owner. */
  @Override
  public Optional<String> lookUpGroupSeed(LiveChatClient client) {
    List<ObjectNode> agents = client.listAgents(List.of());
    String account =
        client.config().credentials() instanceof Credentials.Pat pat ? pat.accountId() : "";
    return agents.stream()
        .filter(a -> !account.isEmpty() && account.equals(Json.text(a, "account_id")))
        .map(a -> Json.text(a, "id"))
        .findFirst()
        .or(
            () ->
                agents.stream().filter(AgentKind::owner).map(a -> Json.text(a, "id")).findFirst());
  }

  @Override
  public Optional<String> fixedField(String field, ObjectNode live) {
    return field.equals("role") && owner(live)
        ? Optional.of("the account owner's role cannot be changed")
        : Optional.empty();
  }

  @Override
  public Optional<String> batchMethod(String verb) {
    return Optional.of("batch_" + verb + "_agents");
  }

  @Override
  ObjectNode body(WriteContext ctx, String verb, String liveId, ObjectNode desired, ObjectNode l) {
    Set<String> skip = new HashSet<>();
    boolean v36 = ctx.version().atLeast(ApiVersion.V3_6);
    if (v36) {
      skip.add("avatar"); // gone from create and update in 3.6
    }
    if (verb.equals("update") && v36) {
      skip.add("name"); // set on create only in 3.6
    }
    ObjectNode body = copy(ctx, desired, l, skip, "normal");
    if (verb.equals("create") && !body.has("name")) {
      body.put("name", Json.text(desired, "id")); // required on create
    }
    return body;
  }

  @Override
  List<String> listedFields() {
    return List.of(
        "groups",
        "work_scheduler",
        "job_title",
        "mobile",
        "max_chats_count",
        "notifications",
        "email_subscriptions");
  }

  @Override
  List<String> shapedFields() {
    return List.of(
        "id",
        "name",
        "role",
        "job_title",
        "mobile",
        "login_status",
        "max_chats_count",
        "notifications",
        "email_subscriptions",
        "work_scheduler",
        "avatar");
  }

  @Override
  Future<List<ObjectNode>> submit(Reading reading) {
    return reading.submit(() -> reading.client().listAgents(listedFields()));
  }

  /** With a PAT, the agent whose account is the credential's own. */
  @Override
  void listed(Reading reading, List<ObjectNode> agents) {
    if (reading.client().config().credentials() instanceof Credentials.Pat pat) {
      reading.callerAgentId(
          agents.stream()
              .filter(a -> pat.accountId().equals(Json.text(a, "account_id")))
              .map(a -> Json.text(a, "id"))
              .findFirst());
    }
  }

  /** Login status changes by itself (an agent going online) and would only make drift. */
  @Override
  public ObjectNode exportForm(ObjectNode spec) {
    spec.remove("login_status");
    return super.exportForm(spec);
  }

  @Override
  String noun() {
    return "agent";
  }

  @Override
  String named(ObjectNode member) {
    return Json.text(member, "id");
  }

  @Override
  public List<ObjectNode> readRaw(LiveChatClient client, Set<String> owners) {
    return client.listAgents(List.of("groups"));
  }
}
