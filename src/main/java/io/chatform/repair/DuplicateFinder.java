package io.chatform.repair;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds live objects that share an identity (two groups one name, two bots one owner and name, two
 * rules one description, two webhooks one owner/type/action/url) and plans their merge: keep the
 * one the account references most, move references from the extras to it, delete the extras. A tie
 * is broken by a fixed rule per kind, written into the explanation — never silently.
 */
public final class DuplicateFinder {
  /** The kinds whose live duplicates repair can merge (those with server-assigned ids). */
  private static final Set<Kind> REPAIRABLE =
      java.util.EnumSet.of(Kind.GROUPS, Kind.BOTS, Kind.AUTO_ACCESS, Kind.WEBHOOKS);

  private final RawAccount raw;
  private final GroupMerge groups;

  /** Of the kinds {@code desired} manages, those repair can merge. */
  public static Set<Kind> repairable(io.chatform.model.DesiredState desired) {
    Set<Kind> kinds = java.util.EnumSet.noneOf(Kind.class);
    desired.sections().keySet().stream().filter(REPAIRABLE::contains).forEach(kinds::add);
    return kinds;
  }

  public DuplicateFinder(RawAccount raw) {
    this.raw = raw;
    this.groups = new GroupMerge(raw);
  }

  /** The duplicate sets of the kinds asked for, in section order, each with its repair steps. */
  public List<DuplicateSet> find(Set<Kind> kinds) {
    List<DuplicateSet> out = new ArrayList<>();
    if (kinds.contains(Kind.GROUPS)) {
      for (List<ObjectNode> same : sameIdentity(raw.groups(), Kind.GROUPS)) {
        out.add(groups.merge(same));
      }
    }
    if (kinds.contains(Kind.BOTS)) {
      for (List<ObjectNode> same : sameIdentity(raw.bots(), Kind.BOTS)) {
        out.add(bots(same));
      }
    }
    if (kinds.contains(Kind.AUTO_ACCESS)) {
      for (List<ObjectNode> same : sameIdentity(raw.rules(), Kind.AUTO_ACCESS)) {
        out.add(rules(same));
      }
    }
    if (kinds.contains(Kind.WEBHOOKS)) {
      for (List<ObjectNode> same : sameIdentity(raw.webhooks(), Kind.WEBHOOKS)) {
        out.add(webhooks(same));
      }
    }
    return out;
  }

  static List<List<ObjectNode>> sameIdentity(List<ObjectNode> objects, Kind kind) {
    Map<String, List<ObjectNode>> by = new LinkedHashMap<>();
    objects.forEach(o -> by.computeIfAbsent(kind.identity(o), k -> new ArrayList<>()).add(o));
    return by.values().stream().filter(l -> l.size() > 1).toList();
  }

  /** Bots: references are the groups a bot is a member of; the keeper gains the extras' ones. */
  private DuplicateSet bots(List<ObjectNode> same) {
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
                    + groupIds(b.path("groups"))));
    ArrayNode merged = keeper.path("groups").deepCopy();
    List<RepairStep> steps = new ArrayList<>();
    List<String> extras = new ArrayList<>();
    for (ObjectNode extra : same) {
      if (extra == keeper) {
        continue;
      }
      extras.add(Json.text(extra, "id"));
      for (JsonNode m : extra.path("groups")) {
        if (!GroupMerge.hasMember(merged, m.path("id").asLong())) {
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
              "bot " + Json.text(keeper, "id") + ": join the extras' groups " + groupIds(merged),
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
    return set(Kind.BOTS, choice, extras, why, steps);
  }

  /** Rules: nothing references a rule's id but the order chain; the earliest in it is kept. */
  private DuplicateSet rules(List<ObjectNode> same) {
    List<ObjectNode> chain = raw.rules();
    Keeper choice =
        Keeper.choose(
            same,
            r -> 0,
            Comparator.comparingInt(chain::indexOf),
            "the rule earliest in the order (the one visitors meet first, so routing does not"
                + " change)");
    List<String> why = new ArrayList<>();
    same.forEach(
        r ->
            why.add(
                "rule "
                    + Json.text(r, "id")
                    + ": position "
                    + (chain.indexOf(r) + 1)
                    + " of "
                    + chain.size()
                    + ", routes to groups "
                    + r.path("access").path("groups")));
    return deletingExtras(
        Kind.AUTO_ACCESS,
        choice,
        same,
        why,
        extra ->
            new RepairStep(
                "delete extra rule " + Json.text(extra, "id"),
                "delete_auto_access",
                Json.object().put("id", Json.text(extra, "id"))));
  }

  /** Webhooks: nothing references one; the smallest id is kept. */
  private DuplicateSet webhooks(List<ObjectNode> same) {
    Keeper choice =
        Keeper.choose(
            same,
            w -> 0,
            Comparator.comparing(w -> Json.text(w, "id")),
            "the smallest id (nothing references a webhook; its secret cannot be read, so pass"
                + " --replace to apply if unsure it is the manifest's)");
    List<String> why = new ArrayList<>();
    same.forEach(
        w ->
            why.add(
                "webhook "
                    + Json.text(w, "id")
                    + ": "
                    + Json.text(w, "action")
                    + " → "
                    + Json.text(w, "url")
                    + (Json.text(w, "description").isEmpty()
                        ? ""
                        : " (" + Json.text(w, "description") + ")")));
    return deletingExtras(
        Kind.WEBHOOKS,
        choice,
        same,
        why,
        extra ->
            new RepairStep(
                "unregister extra webhook " + Json.text(extra, "id"),
                "unregister_webhook",
                Json.object()
                    .put("id", Json.text(extra, "id"))
                    .put("owner_client_id", Json.text(extra, "owner_client_id"))));
  }

  /** For kinds nothing references: the only repair is deleting every copy but the keeper. */
  private static DuplicateSet deletingExtras(
      Kind kind,
      Keeper choice,
      List<ObjectNode> same,
      List<String> why,
      java.util.function.Function<ObjectNode, RepairStep> delete) {
    List<String> extras = new ArrayList<>();
    List<RepairStep> steps = new ArrayList<>();
    for (ObjectNode extra : same) {
      if (extra != choice.keeper()) {
        extras.add(Json.text(extra, "id"));
        steps.add(delete.apply(extra));
      }
    }
    return set(kind, choice, extras, why, steps);
  }

  static DuplicateSet set(
      Kind kind, Keeper choice, List<String> extras, List<String> why, List<RepairStep> steps) {
    ObjectNode keeper = choice.keeper();
    List<String> lines = new ArrayList<>(why);
    lines.add("keep " + Json.text(keeper, "id") + ": " + choice.reason());
    return new DuplicateSet(
        kind, kind.identity(keeper), Json.text(keeper, "id"), extras, lines, steps);
  }

  static String groupIds(JsonNode memberships) {
    List<String> ids = new ArrayList<>();
    memberships.forEach(m -> ids.add(m.path("id").asText()));
    return ids.toString();
  }
}
