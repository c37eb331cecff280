package io.chatform.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okio.BufferedSink;

/**
 * A stand-in for the LiveChat API on loopback that answers what a test scripts per method (and an
 * empty account for any other list call: {@code []}, or the paged object of {@code
 * list_greetings}), recording every method called: for checking that hostile manifests and flags
 * make no call at all, and that hostile answers are refused.
 */
final class HostileServer implements AutoCloseable {
  /** What to answer to one method. */
  sealed interface Answer {}

  /** A JSON body. */
  record Json(String body) implements Answer {}

  /** A 200 whose body never ends ({@code bytes} of a JSON array), streamed, never in memory. */
  record Endless(long bytes) implements Answer {}

  /** A body dripped at {@code bytesPerSecond}. */
  record Drip(String body, int bytesPerSecond) implements Answer {}

  /** Empty answers of the list methods that do not answer a bare array. */
  private static final Map<String, String> EMPTY =
      Map.of("list_greetings", "{\"greetings\":[],\"found_greetings\":0}");

  final List<String> methods = new CopyOnWriteArrayList<>();
  private final MockWebServer server = new MockWebServer();
  private final Map<String, Answer> answers;

  HostileServer(Map<String, Answer> answers) throws IOException {
    this.answers = answers;
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest r) {
            String path = r.getUrl().encodedPath();
            String method = path.substring(path.lastIndexOf('/') + 1);
            methods.add(method);
            return answer(answers.getOrDefault(method, new Json(EMPTY.getOrDefault(method, "[]"))));
          }
        });
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  String url() {
    return "http://127.0.0.1:" + server.getPort();
  }

  private static MockResponse answer(Answer a) {
    MockResponse.Builder b = new MockResponse.Builder().code(200);
    b.addHeader("Content-Type", "application/json");
    if (a instanceof Drip d) {
      return b.body(d.body()).throttleBody(d.bytesPerSecond(), 1, TimeUnit.SECONDS).build();
    }
    if (a instanceof Endless e) {
      return b.body(endless(e.bytes())).build();
    }
    return b.body(((Json) a).body()).build();
  }

  private static MockResponseBody endless(long bytes) {
    return new MockResponseBody() {
      @Override
      public long getContentLength() {
        return -1;
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

  @Override
  public void close() {
    server.close();
  }
}
