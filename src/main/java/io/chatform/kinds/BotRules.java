package io.chatform.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Kind;
import java.util.Set;

/**
 * Bots: matched by (owner_client_id, name), since bots of different apps may share a name; the
 * server-assigned id is never written in manifests.
 */
public final class BotRules implements KindRules {
  @Override
  public Kind kind() {
    return Kind.BOTS;
  }

  @Override
  public Set<String> identityFields() {
    return Set.of("name", "owner_client_id");
  }

  @Override
  public ObjectNode normalize(ObjectNode spec) {
    return Schedules.normalize(
        Membership.normalize(spec, spec.path("default_group_priority").asText("normal")));
  }

  @Override
  public ObjectNode alignLive(ObjectNode desired, ObjectNode live) {
    return Membership.alignLive(desired, live);
  }
}
