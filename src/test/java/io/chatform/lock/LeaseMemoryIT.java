package io.chatform.lock;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.api.ClientConfig;
import io.chatform.api.Credentials;
import io.chatform.api.LiveChatClient;
import io.chatform.api.RetryPolicy;
import io.chatform.api.Secret;
import io.chatform.emulator.Emulator;
import io.chatform.emulator.EmulatorConfig;
import io.chatform.emulator.FaultConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lock right after a release, while lists still lag (the API's "after max 2 minutes"): a writer
 * on the machine that released it goes ahead at once (it remembers its own release); one elsewhere
 * waits until the lists show the release instead of being refused by a stale "held".
 */
class LeaseMemoryIT {
  static final String CID = EmulatorConfig.SANDBOX_CLIENT_ID;
  @TempDir Path tmp;
  final List<String> log = new CopyOnWriteArrayList<>();

  private static LiveChatClient client(Emulator e) {
    return LiveChatClient.create(
        ClientConfig.builder(
                new Credentials.Pat(
                    EmulatorConfig.SANDBOX_ACCOUNT_ID, Secret.of(EmulatorConfig.SANDBOX_PAT)))
            .apiUrl(e.baseUrl())
            .maxRps(1000)
            .startRps(1000)
            .retry(
                new RetryPolicy(
                    4, Duration.ofSeconds(5), Duration.ofMillis(5), Duration.ofMillis(50)))
            .consistencyWait(Duration.ofMillis(200))
            .build());
  }

  private AccountLock lock(LiveChatClient c, String user, LeaseMemory memory) {
    return new AccountLock(
        c,
        new LockSettings(
            CID, Duration.ofMinutes(5), Duration.ofMillis(100), Duration.ofMillis(500)),
        new Holder(user, "host-" + user, 7, Optional.empty()),
        Clock.systemUTC(),
        log::add,
        memory);
  }

  @Test
  void aRerunOnTheSameMachineIsNotMisledByItsOwnReleaseNotBeingListedYet() throws Exception {
    // Lists 20 s behind: without the memory the rerun would find generation 1 taken and wait for
    // the lists (about 20 s) before it could see the release; with it, it goes ahead at once.
    FaultConfig lag = FaultConfig.none().withConsistencyDelayMs(20_000);
    try (Emulator e = Emulator.start(EmulatorConfig.defaults().withFaults(lag));
        LiveChatClient c = client(e)) {
      LeaseMemory here = LeaseMemory.file(tmp, e.baseUrl(), "acct", CID);
      lock(c, "first", here).acquire(Duration.ZERO).close();
      assertThat(lock(c, "probe", LeaseMemory.NONE).read().generations())
          .as("the lagging list does not show the lease yet")
          .isEmpty();
      Instant start = Instant.now();
      try (Lease again = lock(c, "rerun", here).acquire(Duration.ZERO)) {
        assertThat(again.current().generation()).isEqualTo(3); // 1 held, 2 released, 3 rerun
      }
      assertThat(Duration.between(start, Instant.now()))
          .as("no wait for the lists: far below the 20 s they lag")
          .isLessThan(Duration.ofSeconds(10));
    }
  }

  @Test
  void aWriterElsewhereWaitsForTheListsRatherThanTakingOrRefusing() throws Exception {
    FaultConfig lag = FaultConfig.none().withConsistencyDelayMs(1500);
    try (Emulator e = Emulator.start(EmulatorConfig.defaults().withFaults(lag));
        LiveChatClient c = client(e)) {
      // The first ever lease: another writer's list shows nothing, so it tries generation 1, which
      // the API says exists (already_exists): it waits until listed, then sees it held.
      Lease held = lock(c, "alice", LeaseMemory.NONE).acquire(Duration.ZERO);
      Instant start = Instant.now();
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> lock(c, "bob", LeaseMemory.NONE).acquire(Duration.ZERO))
          .isInstanceOf(LockHeldException.class)
          .hasMessageContaining("alice@host-alice");
      assertThat(Duration.between(start, Instant.now()))
          .as("bob waited for generation 1 to be listed before deciding")
          .isGreaterThanOrEqualTo(Duration.ofMillis(1000));
      held.close();
    }
  }
}
