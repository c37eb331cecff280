package io.chatform.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RateBudgetTest {
  @Test
  void halvesOncePerCongestionEventAndRecoversSlowly() throws Exception {
    FakeTiming t = new FakeTiming();
    RateBudget b = new RateBudget(40, t);
    long e1 = b.acquire();
    long e2 = b.acquire();
    b.onThrottled(e1, Optional.empty());
    b.onThrottled(e2, Optional.empty()); // same storm: no second halving
    assertThat(b.currentRps()).isEqualTo(20);
    b.onThrottled(b.acquire(), Optional.empty());
    assertThat(b.currentRps()).isEqualTo(10);
    b.onSuccess();
    assertThat(b.currentRps()).isGreaterThan(10).isLessThan(11);
    for (int i = 0; i < 10_000; i++) {
      b.onSuccess();
    }
    assertThat(b.currentRps()).isEqualTo(40);
  }

  @Test
  void spacesRequestsAtTheRateAndPausesEveryoneForRetryAfter() throws Exception {
    FakeTiming t = new FakeTiming();
    RateBudget b = new RateBudget(10, t);
    b.acquire();
    b.acquire();
    assertThat(t.sleeps).containsExactly(Duration.ofMillis(100));
    b.onThrottled(-1, Optional.of(Duration.ofSeconds(3)));
    b.acquire();
    assertThat(t.sleeps.get(1)).isGreaterThanOrEqualTo(Duration.ofSeconds(3));
  }

  @Test
  void neverDropsBelowTheFloor() {
    RateBudget b = new RateBudget(50, new FakeTiming());
    for (long e = 0; e < 100; e++) {
      b.onThrottled(e, Optional.empty());
    }
    assertThat(b.currentRps()).isGreaterThan(0);
  }

  @Test
  void probesUpwardFromTheStartUntilTheFirst429ThenGrowsOnlyAdditively() throws Exception {
    RateBudget b = new RateBudget(50, 250, new FakeTiming());
    assertThat(b.currentRps()).isEqualTo(50);
    for (int i = 0; i < 20; i++) {
      b.onSuccess();
    }
    // slow start: each success adds 5% (at least the additive step), so 20 successes take it
    // far past what the additive 1 per success would reach (70): 50 × 1.05^20 ≈ 133
    assertThat(b.currentRps()).isGreaterThan(130).isLessThan(135);
    for (int i = 0; i < 10_000; i++) {
      b.onSuccess();
    }
    assertThat(b.currentRps()).as("never above the ceiling").isEqualTo(250);
    b.onThrottled(b.acquire(), Optional.empty());
    assertThat(b.currentRps()).isEqualTo(125);
    for (int i = 0; i < 100; i++) {
      b.onSuccess();
    }
    // after a 429: ceiling/250 = 1 per success
    assertThat(b.currentRps()).isEqualTo(225);
  }

  @Test
  void aProbingBudgetSendsItsStartBurstUnspacedThenPacesAtItsRate() throws Exception {
    FakeTiming t = new FakeTiming();
    RateBudget b = new RateBudget(50, 250, t);
    for (int i = 0; i < RateBudget.START_BURST; i++) {
      b.acquire();
    }
    assertThat(t.sleeps).as("the burst waits for nothing").isEmpty();
    b.acquire();
    b.acquire();
    // then one request per 20 ms (50 rps)
    assertThat(t.sleeps).containsExactly(Duration.ofMillis(20), Duration.ofMillis(20));
  }

  @Test
  void aFixedRateIsPacedFromTheFirstRequest() throws Exception {
    FakeTiming t = new FakeTiming();
    RateBudget b = new RateBudget(40, 40, t);
    b.acquire();
    b.acquire();
    assertThat(t.sleeps).containsExactly(Duration.ofMillis(25));
  }

  @Test
  void aStartAboveTheCeilingIsCappedAndDoesNotProbe() {
    RateBudget b = new RateBudget(500, 40, new FakeTiming());
    assertThat(b.currentRps()).isEqualTo(40);
    b.onSuccess();
    assertThat(b.currentRps()).isEqualTo(40);
  }
}
