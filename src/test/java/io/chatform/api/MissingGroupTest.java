package io.chatform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.chatform.kinds.GroupKind;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: a missing group answers {@code not_found} from the group methods and {@code
 * group_not_found} where another call names it; the client treats both as "gone" where that matters
 * (a retried delete whose first attempt went through).
 */
class MissingGroupTest {
  private FakeServer fs;
  private LiveChatClient client;

  @BeforeEach
  void start() throws Exception {
    fs = new FakeServer();
    client = fs.client();
  }

  @AfterEach
  void stop() {
    client.close();
    fs.close();
  }

  private static FakeLiveChat.Canned canned(int status, String type) {
    String body =
        type.isEmpty()
            ? "upstream down"
            : "{\"error\":{\"type\":\"" + type + "\",\"message\":\"Group not found\"}}";
    return new FakeLiveChat.Canned(status, body, Map.of());
  }

  @Test
  void aRetriedDeleteAnsweredWithEitherSpellingIsDone() {
    for (String type : new String[] {"not_found", "group_not_found"}) {
      fs.fake.fault("delete_group", canned(503, ""), canned(404, type));
      GroupKind.deleteGroup(client, 7);
    }
    assertThat(fs.fake.count("delete_group")).isEqualTo(4);
  }

  @Test
  void aFirstAttemptAnsweredMissingIsAnErrorOfItsType() {
    fs.fake.fault("delete_group", canned(400, "group_not_found"));
    LiveChatException e =
        catchThrowableOfType(LiveChatException.class, () -> GroupKind.deleteGroup(client, 7));
    assertThat(e.type()).isEqualTo(ErrorType.GROUP_NOT_FOUND);
    assertThat(e.isMissing()).isTrue();
    fs.fake.fault("delete_group", canned(404, "not_found"));
    e = catchThrowableOfType(LiveChatException.class, () -> GroupKind.deleteGroup(client, 7));
    assertThat(e.type()).isEqualTo(ErrorType.NOT_FOUND);
    assertThat(e.isMissing()).isTrue();
    fs.fake.fault("delete_group", canned(400, "validation"));
    e = catchThrowableOfType(LiveChatException.class, () -> GroupKind.deleteGroup(client, 7));
    assertThat(e.isMissing()).isFalse();
  }
}
