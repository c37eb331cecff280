package io.chatform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.chatform.kinds.GroupKind;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server that is not (or no longer) the LiveChat API: endless bodies, bodies declaring a huge
 * length, a drip-fed answer, garbage ids. Every case ends in one clear error naming the method,
 * bounded in time and memory.
 */
class HostileServerIT {
  private final MockWebServer server = new MockWebServer();
  private final AtomicInteger calls = new AtomicInteger();
  private volatile Supplier<MockResponse> answer;

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest r) {
            calls.incrementAndGet();
            return answer.get();
          }
        });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private LiveChatClient client(long maxAnswer, Duration callTimeout) {
    return LiveChatClient.create(
        ClientConfig.builder(FakeServer.PAT)
            .apiUrl(server.url("/").toString())
            .retry(FakeServer.fastRetry(2))
            .timing(new FakeTiming())
            .maxAnswerBytes(maxAnswer)
            .callTimeout(callTimeout)
            .build());
  }

  /** {@code [{"id":1,"name":"g"}, …]} for {@code bytes} bytes or forever, never all in memory. */
  private static MockResponseBody endless(long declared, long bytes) {
    return new MockResponseBody() {
      @Override
      public long getContentLength() {
        return declared;
      }

      @Override
      public void writeTo(BufferedSink sink) throws IOException {
        byte[] item = "{\"id\":1,\"name\":\"g\"},".getBytes(StandardCharsets.UTF_8);
        sink.writeUtf8("[");
        for (long sent = 1; sent < bytes; sent += item.length) {
          sink.write(item);
        }
      }
    };
  }

  @Test
  void anEndlessAnswerIsCutOffAtTheCapWithTheMethodNamed() {
    answer = () -> new MockResponse.Builder().code(200).body(endless(-1, 400L << 20)).build();
    try (LiveChatClient c = client(1 << 20, Duration.ofSeconds(30))) {
      LiveChatException e =
          catchThrowableOfType(LiveChatException.class, () -> c.listGroups(List.of()));
      assertThat(e.type()).isEqualTo(ErrorType.UNEXPECTED_RESPONSE);
      assertThat(e.getMessage())
          .startsWith("unexpected answer from the API to list_groups: ")
          .contains("larger than 1 MiB")
          .contains("--max-answer-mib")
          .doesNotContain("\n")
          .doesNotContain("Exception");
    }
    assertThat(calls.get()).as("a too-large answer is not retried").isEqualTo(1);
  }

  @Test
  void aGzipBombCountsAtItsExpandedSize() throws IOException {
    java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
    try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(zipped)) {
      byte[] chunk = " ".repeat(1 << 16).getBytes(StandardCharsets.UTF_8);
      gz.write('[');
      for (int i = 0; i < 1600; i++) { // 100 MiB of spaces, ~100 KB on the wire
        gz.write(chunk);
      }
    }
    okio.Buffer body = new okio.Buffer().write(zipped.toByteArray());
    answer =
        () ->
            new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Encoding", "gzip")
                .body(body.clone())
                .build();
    try (LiveChatClient c = client(1 << 20, Duration.ofSeconds(30))) {
      LiveChatException e =
          catchThrowableOfType(LiveChatException.class, () -> c.listGroups(List.of()));
      assertThat(e.getMessage()).contains("list_groups").contains("larger than 1 MiB");
    }
  }

  @Test
  void aDeclaredHugeLengthIsRefusedBeforeReading() {
    answer =
        () ->
            new MockResponse.Builder()
                .code(500)
                .body(endless(1L << 40, 4L << 20)) // claims 1 TiB, sends 4 MiB
                .build();
    try (LiveChatClient c = client(1 << 20, Duration.ofSeconds(30))) {
      LiveChatException e =
          catchThrowableOfType(LiveChatException.class, () -> c.listGroups(List.of()));
      assertThat(e.getMessage()).contains("list_groups").contains("larger than 1 MiB");
    }
  }

  @Test
  void aDripFedAnswerEndsAtTheCallDeadline() {
    answer =
        () ->
            new MockResponse.Builder()
                .code(200)
                .body("[" + "{\"id\":1,\"name\":\"g\"},".repeat(200) + "{\"id\":2,\"name\":\"h\"}]")
                .throttleBody(16, 100, TimeUnit.MILLISECONDS)
                .build();
    long start = System.nanoTime();
    try (LiveChatClient c = client(1 << 20, Duration.ofMillis(700))) {
      LiveChatException e =
          catchThrowableOfType(LiveChatException.class, () -> c.listGroups(List.of()));
      assertThat(e.type()).isEqualTo(ErrorType.TRANSPORT);
      assertThat(e.getMessage()).contains("list_groups").contains("--call-timeout");
    }
    // two attempts of 0.7 s each, not the ~40 s the drip would take
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
  }

  @Test
  void garbageGroupIdsAreRefusedNamingTheMethod() {
    for (String body :
        List.of(
            "[{\"id\":0,\"name\":\"General\"},{\"id\":\"seven\",\"name\":\"x\"}]",
            "[{\"id\":0,\"name\":\"General\"},{\"id\":0,\"name\":\"again\"}]",
            "[{\"id\":0,\"name\":\"General\"},{\"name\":\"no id\"}]",
            "[{\"id\":1.5,\"name\":\"x\"}]",
            "[{\"id\":1,\"name\":[\"not\",\"text\"]}]")) {
      answer = () -> new MockResponse.Builder().code(200).body(body).build();
      try (LiveChatClient c = client(1 << 20, Duration.ofSeconds(10))) {
        LiveChatException e =
            catchThrowableOfType(LiveChatException.class, () -> c.listGroups(List.of()));
        assertThat(e).as(body).isNotNull();
        assertThat(e.type()).isEqualTo(ErrorType.UNEXPECTED_RESPONSE);
        assertThat(e.getMessage()).startsWith("unexpected answer from the API to list_groups: ");
      }
    }
  }

  @Test
  void aCreatedGroupIdThatIsNotANumberIsNeverReadAsGroupZero() {
    answer = () -> new MockResponse.Builder().code(200).body("{\"id\":\"seven\"}").build();
    try (LiveChatClient c = client(1 << 20, Duration.ofSeconds(10))) {
      LiveChatException e =
          catchThrowableOfType(
              LiveChatException.class,
              () ->
                  GroupKind.createGroup(
                      c, EmulatorFixture.obj("{\"name\":\"G\",\"agent_priorities\":{}}")));
      assertThat(e).isNotNull();
      assertThat(e.getMessage())
          .startsWith("unexpected answer from the API to create_group: ")
          .contains("\"seven\"");
    }
  }

  @Test
  void redirectsAreNeverFollowedAndTheirUserInfoNeverShown() {
    answer =
        () ->
            new MockResponse.Builder()
                .code(302)
                .addHeader("Location", "https://bob:hunter2pw@evil.example/steal")
                .build();
    try (LiveChatClient c = client(1 << 20, Duration.ofSeconds(10))) {
      LiveChatException e =
          catchThrowableOfType(LiveChatException.class, () -> c.listGroups(List.of()));
      assertThat(e.getMessage())
          .contains("list_groups")
          .contains("redirect to https://(sensitive)@evil.example/steal")
          .doesNotContain("hunter2pw");
    }
    assertThat(calls.get()).as("not followed, not retried").isEqualTo(1);
  }

  @Test
  void aHugeHostileErrorMessageIsEscapedAndCut() {
    String msg = "\\u001b[2J" + "A".repeat(1_000_000);
    answer =
        () ->
            new MockResponse.Builder()
                .code(400)
                .body("{\"error\":{\"type\":\"validation\",\"message\":\"" + msg + "\"}}")
                .build();
    try (LiveChatClient c = client(4 << 20, Duration.ofSeconds(10))) {
      LiveChatException e =
          catchThrowableOfType(LiveChatException.class, () -> c.listGroups(List.of()));
      assertThat(e.getMessage()).contains("validation: \\e[2JAAA").hasSizeLessThan(800);
      assertThat(e.getMessage()).doesNotContain("\u001b");
    }
  }

  @Test
  void garbageAgentAndWebhookIdsAreRefused() {
    answer =
        () ->
            new MockResponse.Builder()
                .code(200)
                .body("[{\"id\":\"a@x.io\"},{\"id\":\"a@x.io\"}]")
                .build();
    try (LiveChatClient c = client(1 << 20, Duration.ofSeconds(10))) {
      assertThat(catchThrowableOfType(LiveChatException.class, () -> c.listAgents(List.of())))
          .hasMessageContaining("list_agents")
          .hasMessageContaining("a@x.io")
          .hasMessageContaining("twice");
      answer =
          () ->
              new MockResponse.Builder()
                  .code(200)
                  .body("[{\"id\":17,\"url\":\"https://h\",\"groups\":[{\"id\":\"x\"}]}]")
                  .build();
      assertThat(catchThrowableOfType(LiveChatException.class, () -> c.listAgents(List.of())))
          .hasMessageContaining("list_agents");
    }
  }
}
