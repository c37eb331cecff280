package io.chatform.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.chatform.kinds.LiveObject;
import io.chatform.kinds.LiveState;
import io.chatform.model.Json;
import io.chatform.model.Kind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which journaled writes a snapshot does not show yet, and for how long that can be lag. */
class ReadYourWritesTest {
  private static final Instant T = Instant.parse("2026-01-01T10:00:00Z");
  private static final Duration W = Duration.ofMinutes(2);

  private static LiveState groups(String... idAndName) {
    List<LiveObject> objects = new java.util.ArrayList<>();
    for (int i = 0; i < idAndName.length; i += 2) {
      objects.add(
          new LiveObject(Kind.GROUPS, idAndName[i], Json.object().put("name", idAndName[i + 1])));
    }
    return new LiveState(Map.of(Kind.GROUPS, objects), Optional.empty());
  }

  private static RecentWrite w(int s, RecentWrite.Op op, String id, String identity) {
    return new RecentWrite(T.plusSeconds(s), Optional.of(Kind.GROUPS), op, id, identity);
  }

  @Test
  void aJournaledCreateNotListedYetHoldsThePlanBackUntilTheWindowEnds() {
    var p =
        ReadYourWrites.pending(
            groups("0", "General"), List.of(w(0, RecentWrite.Op.CREATED, "5", "Sales")), W);
    assertThat(p).hasSize(1);
    assertThat(p.get(0).why()).contains("groups id 5 (Sales)").contains("not listed yet");
    assertThat(ReadYourWrites.until(p)).contains(T.plus(W));
    assertThat(
            ReadYourWrites.pending(
                groups("5", "Sales"), List.of(w(0, RecentWrite.Op.CREATED, "5", "Sales")), W))
        .isEmpty();
  }

  @Test
  void aReplaceIsVisibleOnlyWhenTheOldIdIsGoneAndTheNewOneListed() {
    List<RecentWrite> replace =
        List.of(w(0, RecentWrite.Op.DELETED, "5", ""), w(1, RecentWrite.Op.CREATED, "9", "Sales"));
    assertThat(ReadYourWrites.pending(groups("5", "Sales"), replace, W))
        .extracting(ReadYourWrites.Pending::why)
        .anyMatch(s -> s.contains("still listed"))
        .anyMatch(s -> s.contains("not listed yet"));
    assertThat(ReadYourWrites.pending(groups("9", "Sales"), replace, W)).isEmpty();
  }

  @Test
  void anUnknownCreateCountsOnceItsIdentityIsListedOrALaterCreateResolvedIt() {
    RecentWrite lost = w(0, RecentWrite.Op.CREATE_UNKNOWN, "", "Sales");
    assertThat(ReadYourWrites.pending(groups(), List.of(lost), W)).hasSize(1);
    assertThat(ReadYourWrites.pending(groups("3", "Sales"), List.of(lost), W)).isEmpty();
    assertThat(
            ReadYourWrites.pending(
                groups("4", "Sales"), List.of(lost, w(5, RecentWrite.Op.CREATED, "4", "Sales")), W))
        .isEmpty();
  }

  @Test
  void aCreateInFlightWhenTheProcessDiedCountsUntilListedAndAFailedOneNever() {
    RecentWrite started = w(0, RecentWrite.Op.STARTED, "", "Sales");
    assertThat(ReadYourWrites.pending(groups(), List.of(started), W))
        .extracting(ReadYourWrites.Pending::why)
        .singleElement()
        .asString()
        .contains("never got its answer");
    assertThat(ReadYourWrites.pending(groups("8", "Sales"), List.of(started), W)).isEmpty();
    assertThat(
            ReadYourWrites.pending(
                groups(), List.of(started, w(1, RecentWrite.Op.NOT_CREATED, "", "Sales")), W))
        .isEmpty();
  }

  @Test
  void kindsNotReadForThePlanDoNotHoldItBack() {
    LiveState agentsOnly = new LiveState(Map.of(Kind.AGENTS, List.of()), Optional.empty());
    assertThat(
            ReadYourWrites.pending(
                agentsOnly, List.of(w(0, RecentWrite.Op.CREATED, "5", "Sales")), W))
        .isEmpty();
  }
}
