package io.chatform.lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.chatform.api.ClientConfig;
import io.chatform.api.Credentials;
import io.chatform.api.ErrorType;
import io.chatform.api.LiveChatClient;
import io.chatform.api.LiveChatException;
import io.chatform.api.RetryPolicy;
import io.chatform.api.Secret;
import io.chatform.emulator.Emulator;
import io.chatform.emulator.EmulatorConfig;
import io.chatform.emulator.FaultConfig;
import io.chatform.model.Json;
import io.chatform.model.LeaseNames;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The account lock against the emulator over HTTP: exclusion, renewal, takeover, force-unlock. */
class LockIT {
  static final String CID = EmulatorConfig.SANDBOX_CLIENT_ID;

  Emulator emulator;
  LiveChatClient client;
  final List<String> log = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    startWith(FaultConfig.none());
  }

  void startWith(FaultConfig faults) throws Exception {
    if (emulator != null) {
      close();
    }
    emulator = Emulator.start(EmulatorConfig.defaults().withFaults(faults));
    client =
        LiveChatClient.create(
            ClientConfig.builder(
                    new Credentials.Pat(
                        EmulatorConfig.SANDBOX_ACCOUNT_ID, Secret.of(EmulatorConfig.SANDBOX_PAT)))
                .apiUrl(emulator.baseUrl())
                .maxRps(1000)
                .startRps(1000)
                .retry(
                    new RetryPolicy(
                        12, Duration.ofSeconds(20), Duration.ofMillis(5), Duration.ofMillis(50)))
                .consistencyWait(Duration.ofMillis(200))
                .build());
  }

  @AfterEach
  void close() {
    client.close();
    emulator.close();
  }

  AccountLock lock(String user, Duration ttl) {
    return new AccountLock(
        client,
        new LockSettings(CID, ttl, Duration.ofMillis(100), Duration.ofMillis(500)),
        new Holder(user, "host-" + user, 42, Optional.of("GitHub Actions run GITHUB_RUN_ID=7")),
        Clock.systemUTC(),
        log::add);
  }

  @Test
  void aSecondWriterIsRefusedNamingTheHolderAndGetsItAfterRelease() throws Exception {
    AccountLock a = lock("alice", Duration.ofMinutes(5));
    AccountLock b = lock("bob", Duration.ofMinutes(5));
    Lease held = a.acquire(Duration.ZERO);
    assertThat(held.lastApplyEnded()).as("first lock ever").isEmpty();
    assertThatThrownBy(() -> b.acquire(Duration.ZERO))
        .isInstanceOf(LockHeldException.class)
        .hasMessageContaining("alice@host-alice pid 42")
        .hasMessageContaining("GITHUB_RUN_ID=7")
        .hasMessageContaining("since ")
        .hasMessageContaining("unlock --force");
    Instant beforeRelease = Instant.now();
    held.close();
    assertThat(a.read().free()).isTrue();
    try (Lease mine = b.acquire(Duration.ZERO)) {
      assertThat(mine.current().generation()).isEqualTo(3); // 1 alice, 2 alice's release, 3 bob
      assertThat(mine.lastApplyEnded())
          .hasValueSatisfying(t -> assertThat(t).isAfterOrEqualTo(beforeRelease.minusSeconds(1)));
      assertThat(b.read().latest().orElseThrow().holder()).startsWith("bob@");
    }
  }

  @Test
  void aWaitingWriterGetsTheLockWhenTheHolderReleases() throws Exception {
    AccountLock a = lock("alice", Duration.ofMinutes(5));
    Lease held = a.acquire(Duration.ZERO);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Lease> waiting =
          pool.submit(() -> lock("bob", Duration.ofMinutes(5)).acquire(Duration.ofSeconds(20)));
      Thread.sleep(500);
      assertThat(waiting.isDone()).as("bob waits while alice holds it").isFalse();
      held.close();
      try (Lease bob = waiting.get(20, TimeUnit.SECONDS)) {
        assertThat(bob.current().holder()).startsWith("bob@");
      }
      assertThat(log).anyMatch(l -> l.contains("waiting up to") && l.contains("alice@"));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void renewalKeepsTheLeaseAliveBeyondItsTtl() throws Exception {
    try (Lease held = lock("alice", Duration.ofMillis(900)).acquire(Duration.ZERO)) {
      Thread.sleep(2000);
      assertThatThrownBy(() -> lock("bob", Duration.ofMillis(900)).acquire(Duration.ZERO))
          .isInstanceOf(LockHeldException.class)
          .hasMessageContaining("alice@");
      assertThat(held.current().generation())
          .as("renewed by registering new generations")
          .isGreaterThan(1);
      assertThat(held.lost()).isFalse();
    }
  }

  @Test
  void aStaleLeaseOfAKilledWriterIsTakenOverAfterItsTtl() throws Exception {
    AccountLock dead = lock("dead", Duration.ofSeconds(1));
    Instant now = Instant.now();
    // What a kill -9 leaves: a held generation nobody renews.
    assertThat(dead.register(LeaseRecord.held(1, dead.me(), "gone", now, now.plusSeconds(1))))
        .isTrue();
    AccountLock b = lock("bob", Duration.ofMinutes(5));
    assertThatThrownBy(() -> b.acquire(Duration.ZERO)).isInstanceOf(LockHeldException.class);
    try (Lease taken = b.acquire(Duration.ofSeconds(10))) {
      assertThat(taken.current().generation()).isEqualTo(2);
      assertThat(taken.lastApplyEnded())
          .as("the dead writer's last write was before expiry")
          .contains(now.plusSeconds(1));
    }
    assertThat(log).anyMatch(l -> l.contains("took over a stale lease") && l.contains("dead@"));
  }

  @Test
  void forceUnlockReleasesAndRecordsWhoForcedIt() throws Exception {
    Lease held = lock("alice", Duration.ofMinutes(5)).acquire(Duration.ZERO);
    AccountLock admin = lock("admin", Duration.ofMinutes(5));
    LeaseView before = admin.forceUnlock();
    assertThat(before.describe()).contains("alice@");
    LeaseRecord now = admin.read().latest().orElseThrow();
    assertThat(now.held()).isFalse();
    assertThat(now.note())
        .hasValueSatisfying(n -> assertThat(n).contains("unlock --force").contains("alice@"));
    try (Lease bob = lock("bob", Duration.ofMinutes(5)).acquire(Duration.ZERO)) {
      assertThat(bob.current().holder()).startsWith("bob@");
      held.close(); // alice's release finds her lease gone and writes nothing
      assertThat(admin.read().latest().orElseThrow().holder()).startsWith("bob@");
    }
  }

  @Test
  void theEmulatorLetsExactlyOneOfManyConcurrentCreatesOfANameSucceed() throws Exception {
    int n = 12;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        answers.add(
            pool.submit(
                () -> {
                  go.await();
                  try {
                    var body =
                        Json.object()
                            .put("name", "race")
                            .put("owner_client_id", CID)
                            .put("type", "string");
                    body.putObject("access").putObject("license").putArray("agent").add("read");
                    client.call("register_property", body);
                    return "ok";
                  } catch (LiveChatException e) {
                    return e.type() == ErrorType.ALREADY_EXISTS ? "already_exists" : e.getMessage();
                  }
                }));
      }
      go.countDown();
      List<String> got = new ArrayList<>();
      for (Future<String> f : answers) {
        got.add(f.get(20, TimeUnit.SECONDS));
      }
      assertThat(got).filteredOn("ok"::equals).hasSize(1);
      assertThat(got).filteredOn("already_exists"::equals).hasSize(n - 1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void manyConcurrentWritersUnderFaultsNeverHoldTheLockTogether() throws Exception {
    startWith(FaultConfig.none().withLatency(20, 20));
    int n = 6;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch go = new CountDownLatch(1);
    java.util.concurrent.atomic.AtomicInteger inside =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger most =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger turns =
        new java.util.concurrent.atomic.AtomicInteger();
    try {
      List<Future<?>> all = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String user = "w" + i;
        all.add(
            pool.submit(
                () -> {
                  go.await();
                  try (Lease l =
                      lock(user, Duration.ofMinutes(5)).acquire(Duration.ofSeconds(30))) {
                    most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                    Thread.sleep(50);
                    inside.decrementAndGet();
                    turns.incrementAndGet();
                  }
                  return null;
                }));
      }
      go.countDown();
      for (Future<?> f : all) {
        f.get(60, TimeUnit.SECONDS);
      }
      assertThat(turns.get()).isEqualTo(n);
      assertThat(most.get()).as("never two holders at once").isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void lostAnswersAndServerErrorsNeverLetTwoWritersHoldTheLock() throws Exception {
    startWith(
        FaultConfig.none()
            .withSeed(11)
            .withLatency(5, 5)
            .withResetAfterWriteRate(0.25)
            .withFailRate(0.1));
    int n = 4;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    java.util.concurrent.atomic.AtomicInteger inside =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger most =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger held =
        new java.util.concurrent.atomic.AtomicInteger();
    List<String> refusals = java.util.Collections.synchronizedList(new ArrayList<>());
    try {
      List<Future<?>> all = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        String user = "f" + i;
        all.add(
            pool.submit(
                () -> {
                  for (int round = 0; round < 3; round++) {
                    try (Lease l =
                        lock(user, Duration.ofMinutes(5)).acquire(Duration.ofSeconds(20))) {
                      most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                      held.incrementAndGet();
                      Thread.sleep(20);
                      inside.decrementAndGet();
                    } catch (io.chatform.model.UserFacingException e) {
                      // An honest refusal is a legal outcome under these faults: the register's
                      // answers lost three times ("cannot tell whether … was taken"), or a lease
                      // whose fate is unknown blocking the others until it expires.
                      refusals.add(e.getMessage());
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : all) {
        f.get(120, TimeUnit.SECONDS);
      }
      assertThat(most.get()).as("never two holders at once").isEqualTo(1);
      assertThat(held.get()).as("refused: %s", refusals).isPositive();
      assertThat(refusals)
          .as("refusals are worded for users")
          .noneMatch(m -> m.contains("Exception"));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void underAConsistencyDelayHoldershipComesFromAlreadyExistsNotFromTheLaggingList()
      throws Exception {
    startWith(FaultConfig.none().withConsistencyDelayMs(1500));
    Lease alice = lock("alice", Duration.ofMinutes(5)).acquire(Duration.ZERO);
    AccountLock bob = lock("bob", Duration.ofMinutes(5));
    assertThat(bob.read().latest()).as("the list does not show alice's lease yet").isEmpty();
    assertThatThrownBy(() -> bob.acquire(Duration.ZERO))
        .isInstanceOf(LockHeldException.class)
        .hasMessageContaining("locked by another chatform writer");
    // Bob, allowed to wait, learns from already_exists and waits alice out, never overlapping.
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Lease> waiting = pool.submit(() -> bob.acquire(Duration.ofSeconds(30)));
      Thread.sleep(2500);
      assertThat(waiting.isDone()).isFalse();
      alice.close();
      try (Lease b = waiting.get(30, TimeUnit.SECONDS)) {
        assertThat(b.current().generation()).isEqualTo(3);
        assertThat(b.lastApplyEnded()).isPresent();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void leaseNamesAreRecognised() {
    assertThat(LeaseNames.generation("chatform_lease_12")).hasValue(12);
    assertThat(LeaseNames.generation("chatform_lease_0")).isEmpty();
    assertThat(LeaseNames.isLease("chatform_lease_x")).isTrue();
    assertThat(LeaseNames.isLease("greeting")).isFalse();
  }
}
