package io.chatform.api;

import static io.chatform.api.EmulatorFixture.CLIENT_ID;
import static io.chatform.api.EmulatorFixture.obj;
import static io.chatform.api.EmulatorFixture.stateList;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.emulator.Emulator;
import io.chatform.emulator.EmulatorConfig;
import io.chatform.emulator.FaultConfig;
import io.chatform.kinds.AgentKind;
import io.chatform.kinds.AutoAccessKind;
import io.chatform.kinds.BotKind;
import io.chatform.kinds.GroupKind;
import io.chatform.kinds.LicensePropertyKind;
import io.chatform.kinds.LicenseWebhookKind;
import io.chatform.kinds.PropertyKind;
import io.chatform.kinds.WebhookKind;
import io.chatform.model.ApiVersion;
import io.chatform.model.WebhookActions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The client under the emulator's injected faults: rate-limit storms, failures and, worst of all,
 * connections dropped after a write was applied. The emulator's own state is the judge.
 */
class ClientFaultsIT {
  private static final int PER_KIND = 10;

  /** Runs the tasks on {@code threads} threads and returns their results in order. */
  private static <T> List<T> parallel(int threads, List<Callable<T>> tasks) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<T>> futures = new ArrayList<>();
      tasks.forEach(t -> futures.add(pool.submit(t)));
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void a429StormWithRetryAfterIsRiddenOutByManyParallelCalls() throws Exception {
    var faults = FaultConfig.none().withRateLimit(10);
    try (Emulator e = EmulatorFixture.start(EmulatorConfig.defaults().withFaults(faults));
        LiveChatClient c =
            LiveChatClient.create(
                EmulatorFixture.config(e, ApiVersion.V3_6)
                    .maxRps(200)
                    .startRps(200) // far above the server's limit: the storm is certain
                    .retry(
                        new RetryPolicy(
                            20,
                            Duration.ofSeconds(30),
                            Duration.ofMillis(10),
                            Duration.ofMillis(500)))
                    .build())) {
      List<Callable<Integer>> calls = new ArrayList<>();
      for (int i = 0; i < 30; i++) {
        calls.add(() -> c.listGroups(List.of()).size());
      }
      List<Integer> sizes = parallel(8, calls);
      assertThat(sizes).hasSize(30).containsOnly(1);
      JsonNode stats = e.stats();
      assertThat(stats.at("/errors/too_many_requests").asInt()).isPositive();
      assertThat(stats.at("/calls/list_groups").asInt())
          .isEqualTo(30 + stats.at("/errors/too_many_requests").asInt());
      assertThat(c.currentRps()).isLessThan(200); // the budget backed off
    }
  }

  @Test
  void resetAfterWriteOnCreatesMakesNoDuplicatesAndReturnsTheRightIds() throws Exception {
    var faults = FaultConfig.none().withSeed(42).withResetAfterWriteRate(0.3);
    try (Emulator e = EmulatorFixture.start(EmulatorConfig.defaults().withFaults(faults));
        LiveChatClient c =
            LiveChatClient.create(EmulatorFixture.config(e, ApiVersion.V3_6).build())) {
      Map<String, String> groups = createAll(c, "group", this::createGroup);
      Map<String, String> bots = createAll(c, "bot", this::createBot);
      Map<String, String> rules = createAll(c, "rule", this::createRule);
      Map<String, String> hooks = createAll(c, "hook", this::createWebhook);

      JsonNode calls = e.stats().path("calls");
      for (String probe :
          List.of("list_groups", "list_bots", "list_auto_accesses", "list_webhooks")) {
        // each kind had creates whose answer was lost and that were resolved by re-reading
        assertThat(calls.path(probe).asInt()).as(probe).isPositive();
      }
      assertExactly(stateList(e, "groups", "groups"), "name", groups, Optional.of("General"));
      assertExactly(stateList(e, "bots", "bots"), "name", bots, Optional.empty());
      assertExactly(stateList(e, "auto_access", "rules"), "description", rules, Optional.empty());
      assertExactly(stateList(e, "webhooks", "webhooks"), "url", hooks, Optional.empty());
    }
  }

  @Test
  void resetAfterWriteWithStaleListsStillMakesNoDuplicates() throws Exception {
    // Lists lag 300 ms behind writes, so the first re-read after a lost answer misses the write.
    var faults =
        FaultConfig.none().withSeed(42).withResetAfterWriteRate(0.3).withConsistencyDelayMs(300);
    try (Emulator e = EmulatorFixture.start(EmulatorConfig.defaults().withFaults(faults));
        LiveChatClient c =
            LiveChatClient.create(
                EmulatorFixture.config(e, ApiVersion.V3_6)
                    .consistencyWait(Duration.ofMillis(900))
                    .build())) {
      Map<String, String> groups = createAll(c, "group", this::createGroup);
      Map<String, String> rules = createAll(c, "rule", this::createRule);
      assertThat(e.stats().at("/calls/list_groups").asInt()).isPositive();
      assertExactly(stateList(e, "groups", "groups"), "name", groups, Optional.of("General"));
      assertExactly(stateList(e, "auto_access", "rules"), "description", rules, Optional.empty());
    }
  }

  @Test
  void resetAfterWriteOnBatchCreatesAndDeletesMakesNoDuplicates() throws Exception {
    var faults = FaultConfig.none().withSeed(5).withResetAfterWriteRate(0.5);
    try (Emulator e = EmulatorFixture.start(EmulatorConfig.defaults().withFaults(faults));
        LiveChatClient c =
            LiveChatClient.create(
                EmulatorFixture.config(e, ApiVersion.V3_6).batchSize(2).parallelism(2).build())) {
      List<ObjectNode> bots = new ArrayList<>();
      List<ObjectNode> agents = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        bots.add(obj("{\"name\":\"bb-" + i + "\",\"owner_client_id\":\"" + CLIENT_ID + "\"}"));
        agents.add(obj("{\"id\":\"ba" + i + "@x.io\",\"name\":\"A" + i + "\"}"));
      }
      List<BatchResult> createdBots = BotKind.batch(c, "batch_create_bots", bots);
      List<BatchResult> createdAgents = AgentKind.batch(c, "batch_create_agents", agents);
      assertThat(createdBots).allMatch(BatchResult::isSuccess);
      assertThat(createdAgents).allMatch(BatchResult::isSuccess);
      Map<String, String> botIds = new java.util.HashMap<>();
      for (int i = 0; i < 8; i++) {
        botIds.put(
            "bb-" + i, ((BatchResult.Success) createdBots.get(i)).result().path("id").asText());
      }
      assertExactly(stateList(e, "bots", "bots"), "name", botIds, Optional.empty());
      assertThat(stateList(e, "agents", "agents")).hasSize(9);

      List<ObjectNode> deletes =
          botIds.values().stream().map(id -> obj("{\"id\":\"" + id + "\"}")).toList();
      assertThat(BotKind.batch(c, "batch_delete_bots", deletes)).allMatch(BatchResult::isSuccess);
      assertThat(stateList(e, "bots", "bots")).isEmpty();
      assertThat(e.stats().at("/calls/list_bots").asInt())
          .as("lost answers were probed")
          .isPositive();
    }
  }

  /** name → id, created on 4 threads. */
  private static Map<String, String> createAll(
      LiveChatClient c,
      String prefix,
      java.util.function.BiFunction<LiveChatClient, Integer, String> create)
      throws Exception {
    List<Callable<Map.Entry<String, String>>> tasks = new ArrayList<>();
    for (int i = 0; i < PER_KIND; i++) {
      int n = i;
      tasks.add(() -> Map.entry(prefix + "-" + n, create.apply(c, n)));
    }
    return parallel(4, tasks).stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private String createGroup(LiveChatClient c, int n) {
    return Long.toString(
        GroupKind.createGroup(c, obj("{\"name\":\"group-" + n + "\",\"agent_priorities\":{}}")));
  }

  private String createBot(LiveChatClient c, int n) {
    return BotKind.createBot(
            c, obj("{\"name\":\"bot-" + n + "\",\"owner_client_id\":\"" + CLIENT_ID + "\"}"))
        .id();
  }

  private String createRule(LiveChatClient c, int n) {
    return AutoAccessKind.addAutoAccess(
        c,
        obj(
            "{\"description\":\"rule-"
                + n
                + "\",\"access\":{\"groups\":[0]},\"conditions\":{\"url\":{\"values\":"
                + "[{\"value\":\"/p"
                + n
                + "\",\"exact_match\":true}]}}}"));
  }

  private String createWebhook(LiveChatClient c, int n) {
    // one action per webhook: at most 3 per action per Client ID
    String action = WebhookActions.forVersion(ApiVersion.V3_6).stream().sorted().toList().get(n);
    return WebhookKind.registerWebhook(
        c,
        obj(
            "{\"action\":\""
                + action
                + "\",\"url\":\"https://hooks.example/hook-"
                + n
                + "\",\"type\":\"license\",\"owner_client_id\":\""
                + CLIENT_ID
                + "\",\"secret_key\":\"k"
                + n
                + "\"}"));
  }

  /**
   * The live objects are exactly the expected ones (plus {@code extra}), each once, and each create
   * returned the id of the object with its name.
   */
  private static void assertExactly(
      List<JsonNode> live, String field, Map<String, String> expected, Optional<String> extra) {
    Function<String, String> key =
        field.equals("url") ? name -> "https://hooks.example/" + name : Function.identity();
    List<String> names = live.stream().map(o -> o.path(field).asText()).toList();
    List<String> want = new ArrayList<>();
    extra.ifPresent(want::add);
    expected.keySet().forEach(n -> want.add(key.apply(n)));
    assertThat(names)
        .as("no duplicates, nothing missing")
        .containsExactlyInAnyOrderElementsOf(want);
    Map<String, String> idByName =
        live.stream()
            .collect(Collectors.toMap(o -> o.path(field).asText(), o -> o.path("id").asText()));
    expected.forEach(
        (name, id) ->
            assertThat(id).as("id returned for " + name).isEqualTo(idByName.get(key.apply(name))));
  }

  @Test
  void failRateIsRiddenOutAndTheStateHasExactlyTheExpectedObjects() throws Exception {
    var faults = FaultConfig.none().withSeed(7).withFailRate(0.3);
    try (Emulator e = EmulatorFixture.start(EmulatorConfig.defaults().withFaults(faults));
        LiveChatClient c =
            LiveChatClient.create(EmulatorFixture.config(e, ApiVersion.V3_6).build())) {
      List<Long> groupIds = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        groupIds.add(
            GroupKind.createGroup(c, obj("{\"name\":\"g" + i + "\",\"agent_priorities\":{}}")));
      }
      GroupKind.updateGroup(c, obj("{\"id\":" + groupIds.get(0) + ",\"name\":\"g0-renamed\"}"));
      GroupKind.deleteGroup(c, groupIds.get(5));
      AgentKind.createAgent(c, obj("{\"id\":\"f@x.io\",\"name\":\"F\"}"));
      List<BatchResult> batch =
          AgentKind.batch(
              c,
              "batch_create_agents",
              List.of(
                  obj("{\"id\":\"f1@x.io\",\"name\":\"F1\"}"),
                  obj("{\"id\":\"f2@x.io\",\"name\":\"F2\"}")));
      assertThat(batch).allMatch(BatchResult::isSuccess);
      BotCreated bot =
          BotKind.createBot(c, obj("{\"name\":\"fb\",\"owner_client_id\":\"" + CLIENT_ID + "\"}"));
      BotKind.updateBot(c, obj("{\"id\":\"" + bot.id() + "\",\"max_chats_count\":3}"));
      String r1 = createRuleWith(c, "r1");
      String r2 = createRuleWith(c, "r2");
      AutoAccessKind.updateAutoAccess(c, obj("{\"id\":\"" + r2 + "\",\"next_id\":\"" + r1 + "\"}"));
      PropertyKind.registerProperty(
          c,
          obj(
              "{\"name\":\"p\",\"owner_client_id\":\""
                  + CLIENT_ID
                  + "\",\"type\":\"int\",\"access\":{\"license\":{\"agent\":[\"read\"]}}}"));
      LicensePropertyKind.updateLicenseProperties(c, obj("{\"" + CLIENT_ID + "\":{\"p\":5}}"));
      String hook = createWebhook(c, 0);
      LicenseWebhookKind.setLicenseWebhooks(c, CLIENT_ID, true);
      for (int i = 0; i < 5; i++) {
        assertThat(c.listGroups(List.of())).hasSize(6);
      }

      assertThat(e.stats().at("/errors/internal").asInt()).as("faults were injected").isPositive();
      assertThat(stateList(e, "groups", "groups"))
          .extracting(g -> g.path("name").asText())
          .containsExactlyInAnyOrder("General", "g0-renamed", "g1", "g2", "g3", "g4");
      assertThat(stateList(e, "agents", "agents"))
          .extracting(a -> a.path("id").asText())
          .containsExactlyInAnyOrder(EmulatorConfig.SANDBOX_OWNER, "f@x.io", "f1@x.io", "f2@x.io");
      assertThat(stateList(e, "bots", "bots"))
          .singleElement()
          .satisfies(b -> assertThat(b.path("max_chats_count").asInt()).isEqualTo(3));
      assertThat(stateList(e, "auto_access", "rules"))
          .extracting(r -> r.path("id").asText())
          .containsExactly(r2, r1);
      assertThat(stateList(e, "properties", "definitions")).hasSize(1);
      assertThat(e.state().at("/properties/values").toString()).contains("\"p\":5");
      assertThat(stateList(e, "webhooks", "webhooks"))
          .extracting(w -> w.path("id").asText())
          .containsExactly(hook);
      assertThat(e.state().at("/webhooks/license_webhooks_enabled/" + CLIENT_ID).asBoolean())
          .isTrue();
    }
  }

  private String createRuleWith(LiveChatClient c, String description) {
    ObjectNode r =
        obj(
            "{\"description\":\""
                + description
                + "\",\"access\":{\"groups\":[0]},\"conditions\":{\"domain\":{\"values\":"
                + "[{\"value\":\"example.com\"}]}}}");
    return AutoAccessKind.addAutoAccess(c, r);
  }
}
