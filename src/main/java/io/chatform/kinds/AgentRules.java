package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import io.chatform.model.Kind;
import java.util.Set;

/** Agents: matched by e-mail; membership compared as a set; 3.6 cannot rename. */
public final class AgentRules implements KindRules {
  @Override
  public Kind kind() {
    return Kind.AGENTS;
  }

  @Override
  public Set<String> identityFields() {
    return Set.of("id");
  }

  @Override
  public ObjectNode normalize(ObjectNode spec) {
    ObjectNode out = Membership.normalize(spec, "normal");
    out = sortField(out, "notifications");
    out = sortField(out, "email_subscriptions");
    return Schedules.normalize(out);
  }

  @Override
  public ObjectNode alignLive(ObjectNode desired, ObjectNode live) {
    return Membership.alignLive(desired, live);
  }

  @Override
  public Set<String> createOnlyFields(ApiVersion version) {
    // 3.6 moved name and avatar to the account-level APIs: update_agent rejects them.
    return version.atLeast(ApiVersion.V3_6) ? Set.of("name", "avatar") : Set.of();
  }

  static ObjectNode sortField(ObjectNode spec, String field) {
    JsonNode v = spec.get(field);
    if (v == null || !v.isArray()) {
      return spec;
    }
    ObjectNode copy = spec.deepCopy();
    copy.set(field, Json.sorted(v));
    return copy;
  }
}
