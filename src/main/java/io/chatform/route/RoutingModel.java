package io.chatform.route;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.kinds.Kinds;
import io.chatform.kinds.LiveObject;
import io.chatform.kinds.LiveState;
import io.chatform.kinds.Routing;
import io.chatform.model.DesiredState;
import io.chatform.model.Kind;
import io.chatform.model.Resource;
import io.chatform.model.SourceLocation;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The routing picture of an account — ordered rules, groups, and who serves them — built the same
 * way from manifests and from a live snapshot, so offline and {@code --live} answers agree.
 */
public record RoutingModel(
    List<Rule> rules,
    List<String> groups,
    List<Member> members,
    Map<String, SourceLocation> groupLocations) {
  /** Group 0: always exists, and where LiveChat routes a chat that no rule claims. */
  public static final String GENERAL = "General";

  public RoutingModel {
    rules = List.copyOf(rules);
    groups = List.copyOf(groups);
    members = List.copyOf(members);
    groupLocations = Map.copyOf(groupLocations);
  }

  /** Where a group was declared; General and groups only referenced have no position. */
  public SourceLocation groupAt(String group) {
    return groupLocations.getOrDefault(group, SourceLocation.NONE);
  }

  /** From the manifests; an unmanaged section counts as empty, groups also from references. */
  public static RoutingModel of(DesiredState desired) {
    Map<Routing, List<Located>> specs = new EnumMap<>(Routing.class);
    for (Kind k : Kinds.routing()) {
      List<Located> list = new ArrayList<>();
      for (Resource r : desired.section(k).orElse(List.of())) {
        list.add(new Located(r.spec(), r.location(), k.identity(r.spec())));
      }
      specs.put(Kinds.of(k).routing().orElseThrow(), list);
    }
    return build(specs);
  }

  /** From a live snapshot (its auto access list is already in chain order). */
  public static RoutingModel of(LiveState live) {
    Map<Routing, List<Located>> specs = new EnumMap<>(Routing.class);
    for (Kind k : Kinds.routing()) {
      Function<LiveObject, Located> f =
          o ->
              new Located(
                  o.spec(), new SourceLocation("live:" + k.section(), 0, 0), k.identity(o.spec()));
      specs.put(Kinds.of(k).routing().orElseThrow(), live.of(k).stream().map(f).toList());
    }
    return build(specs);
  }

  /** One object of a routing kind, where it was declared, and its identity. */
  private record Located(ObjectNode spec, SourceLocation location, String identity) {}

  private static RoutingModel build(Map<Routing, List<Located>> specs) {
    Set<String> groups = new LinkedHashSet<>();
    groups.add(GENERAL);
    Map<String, SourceLocation> at = new LinkedHashMap<>();
    for (Located g : specs.getOrDefault(Routing.GROUP, List.of())) {
      groups.add(g.spec().path("name").asText());
      at.put(g.spec().path("name").asText(), g.location());
    }
    List<Rule> rules = new ArrayList<>();
    for (Located r : specs.getOrDefault(Routing.RULE, List.of())) {
      List<String> to = new ArrayList<>();
      r.spec().path("groups").forEach(g -> to.add(g.asText()));
      groups.addAll(to);
      rules.add(
          new Rule(
              r.spec().path("description").asText(""),
              to,
              r.spec().path("conditions"),
              r.location()));
    }
    List<Member> members = new ArrayList<>();
    for (Located a : specs.getOrDefault(Routing.AGENT, List.of())) {
      members.add(member(a, a.identity(), false, 6)); // agents: id
    }
    for (Located b : specs.getOrDefault(Routing.BOT, List.of())) {
      members.add(member(b, b.identity(), true, 6)); // bots: owner_client_id/name
    }
    members.forEach(m -> groups.addAll(m.groups().keySet()));
    return new RoutingModel(rules, List.copyOf(groups), members, at);
  }

  /**
   * The API defaults a bot's {@code max_chats_count} to 6; for agents the docs name no default, so
   * the same 6 is assumed (only the lint's capacity finding uses it).
   */
  private static Member member(Located m, String id, boolean bot, int defaultMax) {
    ObjectNode spec = m.spec();
    Map<String, String> groups = new LinkedHashMap<>();
    String dflt = spec.path("default_group_priority").asText("normal");
    for (JsonNode g : spec.path("groups")) {
      groups.put(g.path("group").asText(), g.path("priority").asText(dflt));
    }
    JsonNode ws =
        spec.has("work_scheduler") ? spec.get("work_scheduler") : MissingNode.getInstance();
    return new Member(
        id,
        spec.path("name").asText(""),
        bot,
        spec.path("max_chats_count").asInt(defaultMax),
        groups,
        ws,
        m.location());
  }

  /**
   * Members of a group who can be given chats (not supervisors), sorted by id: the account lists
   * them in its own order, so sorting keeps offline and live answers identical.
   */
  public List<Member> serving(String group) {
    return members.stream()
        .filter(m -> m.takesChatsIn(group))
        .sorted(java.util.Comparator.comparing(Member::id))
        .toList();
  }
}
