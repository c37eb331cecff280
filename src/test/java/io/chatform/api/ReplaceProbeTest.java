package io.chatform.api;

import static io.chatform.api.CreateProbeTest.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.chatform.kinds.GroupKind;
import io.chatform.kinds.PropertyKind;
import io.chatform.kinds.WebhookKind;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A create that follows a delete of the same identity (a replace): a lagging list still shows the
 * deleted object, which must never count as "the create happened".
 */
class ReplaceProbeTest {
  private static final String HOOK =
      "{\"owner_client_id\":\"c1\",\"type\":\"license\",\"action\":\"incoming_chat\","
          + "\"url\":\"https://h.example/x\",\"secret_key\":\"k-123456\"}";

  private FakeServer fs;
  private LiveChatClient client;

  @BeforeEach
  void start() throws Exception {
    fs = new FakeServer();
    client = LiveChatClient.create(fs.config(FakeServer.PAT).build());
  }

  @AfterEach
  void stop() {
    client.close();
    fs.close();
  }

  /** The list as it was before the delete: it shows the old webhook under its old id. */
  private String staleList(String oldId) {
    return "[" + HOOK.replace("}", ",\"id\":\"" + oldId + "\"}") + "]";
  }

  @Test
  void aStaleListShowingTheDeletedWebhookIsNotTakenForTheNewOne() {
    String old = WebhookKind.registerWebhook(client, obj(HOOK));
    WebhookKind.unregisterWebhook(client, old, "c1");
    fs.fake.fault("register_webhook", new FakeLiveChat.Drop(true));
    for (int i = 0; i < 200; i++) {
      fs.fake.fault("list_webhooks", new FakeLiveChat.Canned(200, staleList(old), Map.of()));
    }
    LiveChatException e =
        catchThrowableOfType(
            LiveChatException.class, () -> WebhookKind.registerWebhook(client, obj(HOOK)));
    assertThat(e.outcomeUnknown()).as(e.getMessage()).isTrue();
    assertThat(e.getMessage()).contains("cannot tell whether it happened").contains(old);
    assertThat(fs.fake.count("register_webhook")).as("never sent again").isEqualTo(2);
    assertThat(fs.fake.webhooks).hasSize(1).doesNotContainKey(old);
    assertThat(client.writes().wasDeleted(io.chatform.model.Kind.WEBHOOKS, old)).isTrue();
  }

  @Test
  void theNewWebhookIsFoundUnderADifferentIdOnceTheListCatchesUp() {
    String old = WebhookKind.registerWebhook(client, obj(HOOK));
    WebhookKind.unregisterWebhook(client, old, "c1");
    fs.fake.fault("register_webhook", new FakeLiveChat.Drop(true));
    fs.fake.fault("list_webhooks", new FakeLiveChat.Canned(200, staleList(old), Map.of()));
    String id = WebhookKind.registerWebhook(client, obj(HOOK));
    assertThat(id).isNotEqualTo(old);
    assertThat(fs.fake.webhooks).containsOnlyKeys(id);
    assertThat(fs.fake.count("register_webhook")).isEqualTo(2);
  }

  @Test
  void aReplacedPropertyIsDecidedByTheApisUniquenessCheckNotByTheList() {
    String def =
        "{\"owner_client_id\":\"c1\",\"name\":\"p\",\"type\":\"int\","
            + "\"access\":{\"chat\":{\"agent\":[\"read\"]}}}";
    PropertyKind.registerProperty(client, obj(def));
    PropertyKind.unregisterProperty(client, "c1", "p");
    fs.fake.fault("register_property", new FakeLiveChat.Drop(true));
    String stale = "{\"p\":" + def + "}";
    for (int i = 0; i < 200; i++) {
      fs.fake.fault("list_properties", new FakeLiveChat.Canned(200, stale, Map.of()));
    }
    try (LiveChatClient quick =
        LiveChatClient.create(
            fs.config(FakeServer.PAT).consistencyWait(Duration.ofMillis(300)).build())) {
      quick.writes().seedDeleted(io.chatform.model.Kind.PROPERTIES, "c1/p");
      PropertyKind.registerProperty(quick, obj(def));
    }
    // Sent again: the API answered already_exists, decided at write time, so it happened.
    assertThat(fs.fake.count("register_property")).isEqualTo(3);
    assertThat(fs.fake.properties).hasSize(1);
  }

  @Test
  void aFiveHundredAfterALostAnswerIsUnknownNotNothingApplied() {
    fs.fake.fault(
        "update_group",
        new FakeLiveChat.Drop(true),
        new FakeLiveChat.Canned(
            503,
            "{\"error\":{\"type\":\"internal\",\"message\":\"nothing was applied\"}}",
            Map.of()));
    try (LiveChatClient twice =
        LiveChatClient.create(
            fs.config(FakeServer.PAT)
                .retry(
                    new RetryPolicy(
                        2, Duration.ofSeconds(5), Duration.ofMillis(1), Duration.ofMillis(2)))
                .build())) {
      long id = GroupKind.createGroup(twice, obj("{\"name\":\"S\",\"agent_priorities\":{}}"));
      LiveChatException e =
          catchThrowableOfType(
              LiveChatException.class,
              () ->
                  GroupKind.updateGroup(
                      twice, obj("{\"id\":" + id + ",\"language_code\":\"de\"}")));
      assertThat(e.outcomeUnknown()).as(e.getMessage()).isTrue();
      assertThat(e.getMessage()).contains("may have applied");
    }
  }

  @Test
  void aValidationErrorOnTheFirstAttemptIsAPlainFailure() {
    fs.fake.fault(
        "update_group",
        new FakeLiveChat.Canned(
            422, "{\"error\":{\"type\":\"validation\",\"message\":\"bad\"}}", Map.of()));
    LiveChatException e =
        catchThrowableOfType(
            LiveChatException.class,
            () -> GroupKind.updateGroup(client, obj("{\"id\":1,\"language_code\":\"de\"}")));
    assertThat(e.outcomeUnknown()).isFalse();
  }
}
