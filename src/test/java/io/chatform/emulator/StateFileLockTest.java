package io.chatform.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One user of an emulator state file at a time; the second waits briefly, then refuses clearly. */
class StateFileLockTest {
  @TempDir Path tmp;

  @Test
  void aSecondUserOfTheSameStateIsRefusedUntilTheFirstLetsGo() throws Exception {
    Path state = tmp.resolve("sandbox/s.json");
    StateFileLock first = StateFileLock.acquire(state, Duration.ZERO);
    assertThat(Files.readString(StateFileLock.lockFile(state)))
        .contains("pid " + ProcessHandle.current().pid());
    assertThatThrownBy(() -> StateFileLock.acquire(state, Duration.ofMillis(300)))
        .isInstanceOf(StateInUseException.class)
        .hasMessageContaining(state.toString())
        .hasMessageContaining("in use by another process (pid ")
        .hasMessageContaining("--sandbox-state");
    first.close();
    try (StateFileLock second = StateFileLock.acquire(state, Duration.ofMillis(300))) {
      assertThat(second).isNotNull();
    }
  }

  @Test
  void aWaitingUserGetsTheStateWhenItIsReleasedInTime() throws Exception {
    Path state = tmp.resolve("s.json");
    StateFileLock first = StateFileLock.acquire(state, Duration.ZERO);
    Thread releaser =
        new Thread(
            () -> {
              try {
                Thread.sleep(300);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              first.close();
            });
    releaser.start();
    try (StateFileLock second = StateFileLock.acquire(state, Duration.ofSeconds(10))) {
      assertThat(second).isNotNull();
    }
    releaser.join();
  }
}
