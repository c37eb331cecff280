package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.api.Credentials;
import io.chatform.api.LiveChatClient;
import io.chatform.model.DesiredState;
import io.chatform.model.Kind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads the managed kinds of an account with list calls in parallel (one round trip per kind and
 * app, never one call per object) and converts them to manifest-shaped live objects. Read-only.
 */
public final class LiveReader {
  static final List<String> AGENT_FIELDS =
      List.of(
          "groups",
          "work_scheduler",
          "job_title",
          "mobile",
          "max_chats_count",
          "notifications",
          "email_subscriptions");
  static final List<String> BOT_FIELDS =
      List.of("groups", "work_scheduler", "job_title", "max_chats_count");
  private static final Set<Kind> NAME_GROUPS =
      EnumSet.of(Kind.AGENTS, Kind.BOTS, Kind.AUTO_ACCESS, Kind.GROUP_PROPERTIES);

  private final LiveChatClient client;

  public LiveReader(LiveChatClient client) {
    this.client = client;
  }

  /** What was read, and the group names it was read with. */
  public record Snapshot(LiveState state, Names names) {}

  /** Reads every kind {@code desired} manages (and groups, to name them). */
  public Snapshot read(DesiredState desired) {
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    kinds.addAll(desired.sections().keySet());
    return read(kinds, Owners.declared(desired));
  }

  public Snapshot read(Set<Kind> kinds, Set<String> owners) {
    boolean needGroups =
        kinds.contains(Kind.GROUPS) || kinds.stream().anyMatch(NAME_GROUPS::contains);
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, client.config().parallelism()));
    try {
      Future<List<ObjectNode>> groups =
          needGroups ? pool.submit(() -> client.listGroups(List.of())) : null;
      Future<List<ObjectNode>> agents =
          submitIf(pool, kinds, Kind.AGENTS, () -> client.listAgents(AGENT_FIELDS));
      Future<List<ObjectNode>> bots =
          submitIf(pool, kinds, Kind.BOTS, () -> client.listBots(true, BOT_FIELDS));
      Future<List<ObjectNode>> rules =
          submitIf(pool, kinds, Kind.AUTO_ACCESS, client::listAutoAccesses);
      Future<ObjectNode> licenseValues =
          submitIf(
              pool,
              kinds,
              Kind.LICENSE_PROPERTIES,
              () -> client.listLicenseProperties(Optional.empty()));
      Future<List<ObjectNode>> groupValues =
          submitIf(
              pool,
              kinds,
              Kind.GROUP_PROPERTIES,
              () -> client.listGroupsProperties(List.of(), Optional.empty()));
      Map<String, Future<Map<String, ObjectNode>>> properties = new java.util.TreeMap<>();
      Map<String, Future<List<ObjectNode>>> webhooks = new java.util.TreeMap<>();
      Map<String, Future<Boolean>> hookStates = new java.util.TreeMap<>();
      // Values need their definitions too: LiveChat lists a property's default value as if it
      // were set, and such a value must never be planned for deletion.
      boolean readValues =
          kinds.contains(Kind.LICENSE_PROPERTIES) || kinds.contains(Kind.GROUP_PROPERTIES);
      for (String owner : owners) {
        if (kinds.contains(Kind.PROPERTIES) || readValues) {
          properties.put(owner, pool.submit(() -> withoutLeases(client.listProperties(owner))));
        }
        if (kinds.contains(Kind.WEBHOOKS)) {
          webhooks.put(owner, pool.submit(() -> client.listWebhooks(owner)));
        }
      }
      if (kinds.contains(Kind.LICENSE_WEBHOOKS)) {
        for (String owner : owners) {
          hookStates.put(owner, pool.submit(() -> client.getLicenseWebhooksState(owner)));
        }
      }

      Names names = new Names();
      Map<Kind, List<LiveObject>> out = new EnumMap<>(Kind.class);
      if (groups != null) {
        List<LiveObject> gs = new ArrayList<>();
        for (ObjectNode g : get(groups)) {
          names.group(g.path("id").asLong(), Json.text(g, "name"));
          gs.add(LiveShapes.group(g));
        }
        if (kinds.contains(Kind.GROUPS)) {
          out.put(Kind.GROUPS, gs);
        }
      }
      Optional<String> caller = Optional.empty();
      if (agents != null) {
        List<ObjectNode> raw = get(agents);
        out.put(Kind.AGENTS, raw.stream().map(a -> LiveShapes.agent(a, names)).toList());
        caller = callerAgent(raw);
      }
      if (bots != null) {
        out.put(Kind.BOTS, get(bots).stream().map(b -> LiveShapes.bot(b, names)).toList());
      }
      if (rules != null) {
        out.put(
            Kind.AUTO_ACCESS,
            get(rules).stream().map(r -> LiveShapes.autoAccess(r, names)).toList());
      }
      List<LiveObject> defs = new ArrayList<>();
      Map<String, JsonNode> defaults = new java.util.HashMap<>();
      for (var e : properties.entrySet()) {
        get(e.getValue())
            .forEach(
                (name, def) -> {
                  defs.add(LiveShapes.property(e.getKey(), name, def));
                  if (def.has("default_value")) {
                    defaults.put(e.getKey() + "/" + name, def.get("default_value"));
                  }
                });
      }
      if (kinds.contains(Kind.PROPERTIES)) {
        out.put(Kind.PROPERTIES, defs);
      }
      if (licenseValues != null) {
        List<LiveObject> values = new ArrayList<>();
        LiveShapes.forEachValue(
            get(licenseValues),
            (ns, n, v) ->
                values.add(LiveShapes.marked(LiveShapes.licenseValue(ns, n, v), defaults)));
        out.put(Kind.LICENSE_PROPERTIES, values);
      }
      if (groupValues != null) {
        List<LiveObject> values = new ArrayList<>();
        for (JsonNode g : get(groupValues)) {
          long id = g.path("id").asLong();
          LiveShapes.forEachValue(
              g.path("properties"),
              (ns, n, v) ->
                  values.add(
                      LiveShapes.marked(LiveShapes.groupValue(id, ns, n, v, names), defaults)));
        }
        out.put(Kind.GROUP_PROPERTIES, values);
      }
      if (kinds.contains(Kind.WEBHOOKS)) {
        List<LiveObject> hooks = new ArrayList<>();
        for (var f : webhooks.values()) {
          get(f).forEach(w -> hooks.add(LiveShapes.webhook(w)));
        }
        out.put(Kind.WEBHOOKS, hooks);
      }
      if (kinds.contains(Kind.LICENSE_WEBHOOKS)) {
        List<LiveObject> states = new ArrayList<>();
        for (var e : hookStates.entrySet()) {
          states.add(LiveShapes.licenseWebhooks(e.getKey(), get(e.getValue())));
        }
        out.put(Kind.LICENSE_WEBHOOKS, states);
      }
      return new Snapshot(new LiveState(out, caller), names);
    } finally {
      pool.shutdownNow();
    }
  }

  /** With a PAT, the agent whose account is the credential's own. */
  private Optional<String> callerAgent(List<ObjectNode> agents) {
    if (client.config().credentials() instanceof Credentials.Pat pat) {
      return agents.stream()
          .filter(a -> pat.accountId().equals(Json.text(a, "account_id")))
          .map(a -> Json.text(a, "id"))
          .findFirst();
    }
    return Optional.empty();
  }

  private static <T> Future<T> submitIf(
      ExecutorService pool, Set<Kind> kinds, Kind kind, Callable<T> task) {
    return kinds.contains(kind) ? pool.submit(task) : null;
  }

  private static <T> T get(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the account", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /**
   * The account lock's lease records (chatform_lease_*, docs/locking.md) are chatform's own
   * bookkeeping, never part of any plan, drift report or export.
   */
  private static Map<String, ObjectNode> withoutLeases(Map<String, ObjectNode> defs) {
    Map<String, ObjectNode> out = new java.util.LinkedHashMap<>(defs);
    out.keySet().removeIf(io.chatform.model.LeaseNames::isLease);
    return out;
  }
}
