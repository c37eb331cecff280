package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What agents and bots share: group membership (by name in manifests, by id on the wire), written
 * one by one or through the 3.5+ batch methods.
 */
abstract class MemberKind implements ResourceKind, Creator, Updater, Deleter, Batchable {
  /** The group names in {@code groups: [{group, priority}]}. */
  static final Reference MEMBER_OF_GROUPS =
      new Reference(
          "groups",
          s -> {
            List<String> out = new java.util.ArrayList<>();
            s.path("groups").forEach(g -> out.add(g.path("group").asText()));
            return out;
          },
          Reference.Tie.MEMBER);

  /** Sends a create or update body. */
  abstract void send(WriteContext ctx, String verb, ObjectNode body);

  abstract void remove(WriteContext ctx, String liveId);

  /** The create or update body. */
  abstract ObjectNode body(
      WriteContext ctx, String verb, String liveId, ObjectNode d, ObjectNode l);

  @Override
  public List<Reference> references() {
    return List.of(MEMBER_OF_GROUPS);
  }

  @Override
  public ObjectNode alignLive(ObjectNode desired, ObjectNode live) {
    return Membership.alignLive(desired, live);
  }

  @Override
  public void create(WriteContext ctx, ObjectNode desired, Optional<String> moveBefore) {
    send(ctx, "create", request(ctx, "create", null, desired, null));
  }

  @Override
  public void update(
      WriteContext ctx, String liveId, ObjectNode desired, ObjectNode live, Optional<String> m) {
    send(ctx, "update", request(ctx, "update", liveId, desired, live));
  }

  @Override
  public void delete(WriteContext ctx, String liveId, ObjectNode live) {
    remove(ctx, liveId);
  }

  @Override
  public ObjectNode request(
      WriteContext ctx, String verb, String liveId, ObjectNode desired, ObjectNode live) {
    if (verb.equals("delete")) {
      return Json.object().put("id", liveId);
    }
    return body(ctx, verb, liveId, desired, live);
  }

  /**
   * Copies the declared fields of {@code desired} except {@code skip}, translating {@code groups}
   * names to ids (keeping live General membership the manifest does not mention).
   */
  static ObjectNode copy(
      WriteContext ctx,
      ObjectNode desired,
      JsonNode live,
      Set<String> skip,
      String defaultPriority) {
    ObjectNode body = Json.object();
    for (Iterator<String> it = desired.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (skip.contains(f)) {
        continue;
      }
      if (f.equals("groups")) {
        body.set(
            "groups",
            ctx.memberships(desired.get(f), live == null ? null : live.get(f), defaultPriority));
      } else {
        body.set(f, desired.get(f).deepCopy());
      }
    }
    return body;
  }
}
