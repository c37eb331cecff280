package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.chatform.api.Credentials;
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
final class AgentKind extends MemberKind {
  AgentKind() {
    super(
        Kind.AGENTS,
        Scope.ACCOUNT,
        LiveChatClient::createAgent,
        LiveChatClient::updateAgent,
        LiveChatClient::deleteAgent);
  }

  @Override
  public Optional<String> deleteWarning() {
    return Optional.of("deletes a person's LiveChat account, which cannot be restored");
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
        "max_chats_count", Json.F.numberNode(MAX_CHATS_DEFAULT),
        "groups", Json.array(),
        "work_scheduler", Schedules.none(version));
  }

  /** The chats an agent or bot takes at once when created without {@code max_chats_count}. */
  static final int MAX_CHATS_DEFAULT = 6;

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
}
