package io.chatform.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Lease records survive the description round trip; views decide free/held/stale as documented. */
class LeaseRecordTest {
  static final Holder ME =
      new Holder("ci", "runner-7", 4242, Optional.of("GitLab job CI_JOB_ID=9"));
  static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

  @Test
  void heldAndFreeRecordsRoundTripThroughTheDescription() {
    LeaseRecord held = LeaseRecord.held(3, ME, "n1", T0, T0.plusSeconds(300));
    assertThat(LeaseRecord.decode(3, held.encode())).isEqualTo(held);
    LeaseRecord free = LeaseRecord.free(4, ME, "n1", T0, Optional.of("forced"));
    assertThat(LeaseRecord.decode(4, free.encode())).isEqualTo(free);
    assertThat(held.describe())
        .isEqualTo(
            "held by ci@runner-7 pid 4242 (GitLab job CI_JOB_ID=9) since 2026-12-01T10:00:00Z,"
                + " expires 2026-12-01T10:05:00Z unless renewed");
  }

  @Test
  void releasedRecordsSayWhetherTheApplyWroteAndOldRecordsCountAsWritten() {
    LeaseRecord wrote = LeaseRecord.released(5, ME, "n1", T0, Optional.of(T0.minusSeconds(3)));
    assertThat(LeaseRecord.decode(5, wrote.encode())).isEqualTo(wrote);
    assertThat(wrote.encode()).contains("\"wrote\":true").contains("\"last_write\":");
    assertThat(wrote.possibleWrite()).contains(T0.minusSeconds(3));
    LeaseRecord idle = LeaseRecord.released(6, ME, "n1", T0, Optional.empty());
    assertThat(LeaseRecord.decode(6, idle.encode())).isEqualTo(idle);
    assertThat(idle.encode()).contains("\"wrote\":false");
    assertThat(idle.possibleWrite()).isEmpty();
    // A record of an older chatform has no "wrote": unknown, so it counts as written when it ended.
    LeaseRecord old =
        LeaseRecord.decode(
            7,
            "{\"chatform_lease\":1,\"state\":\"free\",\"holder\":\"x@y pid 1\",\"nonce\":\"n0\","
                + "\"since\":\"2026-12-01T10:00:00Z\",\"expires\":\"2026-12-01T10:00:00Z\","
                + "\"ended\":\"2026-12-01T10:00:00Z\"}");
    assertThat(old.held()).isFalse();
    assertThat(old.wrote()).isEmpty();
    assertThat(old.possibleWrite()).contains(T0);
    assertThat(LeaseRecord.free(8, ME, "n2", T0, Optional.of("forced")).possibleWrite())
        .as("a forced unlock does not know what the holder wrote")
        .contains(T0);
    assertThat(LeaseRecord.held(9, ME, "n3", T0, T0.plusSeconds(60)).possibleWrite())
        .as("a stale lease's writer wrote no later than its expiry")
        .contains(T0.plusSeconds(60));
  }

  @Test
  void anUnreadableRecordCountsAsHeldForeverSoNobodyWritesUntilForced() {
    LeaseRecord junk = LeaseRecord.decode(2, "hand made");
    assertThat(junk.held()).isTrue();
    assertThat(junk.expiredAt(Instant.parse("2999-01-01T00:00:00Z"))).isFalse();
    assertThat(junk.describe()).contains("unreadable lease record chatform_lease_2");
  }

  @Test
  void viewsTellFreeHeldAndStaleAndWhenTheLastApplyEnded() {
    TreeMap<Long, LeaseRecord> gens = new TreeMap<>();
    assertThat(new LeaseView(gens, T0).free()).isTrue();
    assertThat(new LeaseView(gens, T0).nextGeneration()).isEqualTo(1);
    assertThat(new LeaseView(gens, T0).json().path("state").asText()).isEqualTo("free");

    gens.put(1L, LeaseRecord.held(1, ME, "a", T0, T0.plusSeconds(60)));
    LeaseView held = new LeaseView(gens, T0.plusSeconds(30));
    assertThat(held.free()).isFalse();
    assertThat(held.json().path("state").asText()).isEqualTo("held");
    LeaseView stale = new LeaseView(gens, T0.plusSeconds(61));
    assertThat(stale.free()).isTrue();
    assertThat(stale.json().path("state").asText()).isEqualTo("stale");
    assertThat(stale.lastApplyEnded()).contains(T0.plusSeconds(60));

    gens.put(2L, LeaseRecord.free(2, ME, "a", T0.plusSeconds(40), Optional.empty()));
    LeaseView free = new LeaseView(gens, T0.plusSeconds(45));
    assertThat(free.free()).isTrue();
    assertThat(free.nextGeneration()).isEqualTo(3);
    assertThat(free.lastApplyEnded()).contains(T0.plusSeconds(40));
    assertThat(free.json().path("last_apply_ended").asText()).isEqualTo("2026-12-01T10:00:40Z");
  }
}
