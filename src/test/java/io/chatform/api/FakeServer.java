package io.chatform.api;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;

/** A {@link FakeLiveChat} on loopback plus a client configured for fast, observable tests. */
final class FakeServer implements AutoCloseable {
  static final Credentials PAT = new Credentials.Pat("acc-1", Secret.of("pat-SECRET-1234567"));

  final MockWebServer server = new MockWebServer();
  final FakeLiveChat fake = new FakeLiveChat();
  final FakeTiming timing = new FakeTiming();
  final List<String> debug = new CopyOnWriteArrayList<>();

  FakeServer() throws IOException {
    server.setDispatcher(fake);
    server.start(InetAddress.getByName("127.0.0.1"), 0);
  }

  String url() {
    return server.url("/").toString();
  }

  static RetryPolicy fastRetry(int attempts) {
    return new RetryPolicy(
        attempts, Duration.ofSeconds(60), Duration.ofMillis(1), Duration.ofMillis(4));
  }

  ClientConfig.Builder config(Credentials credentials) {
    return ClientConfig.builder(credentials)
        .apiUrl(url())
        .retry(fastRetry(6))
        .timing(timing)
        .callTimeout(Duration.ofSeconds(10))
        .debug(debug::add);
  }

  LiveChatClient client() {
    return LiveChatClient.create(config(PAT).build());
  }

  @Override
  public void close() {
    server.close();
  }
}
