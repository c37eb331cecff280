package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.chatform.emulator.ApiExchange.Request;
import io.chatform.emulator.ApiExchange.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A running local LiveChat Configuration API on 127.0.0.1 (HTTP or HTTPS): what {@code chatform
 * emulator}, the benchmarks and every {@code *IT} talk to. Close it to stop it.
 */
public final class Emulator implements AutoCloseable {
  static {
    // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle plus the
    // client's delayed ACK adds ~40 ms to every keep-alive call. Read once, when the server
    // classes load, so set it before the first server is created.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final EmulatorConfig config;
  private final HttpServer server;
  private final ExecutorService pool;
  private final Dispatcher dispatcher;
  private java.util.Optional<StateFileLock> stateLock = java.util.Optional.empty();

  private Emulator(EmulatorConfig config, HttpServer server, ExecutorService pool, Dispatcher d) {
    this.config = config;
    this.server = server;
    this.pool = pool;
    this.dispatcher = d;
  }

  /**
   * Locks the state file (if any) for as long as this emulator runs, loads the state (file, else
   * seed), binds the port and starts serving.
   */
  public static Emulator start(EmulatorConfig config) throws IOException {
    java.util.Optional<StateFileLock> stateLock = java.util.Optional.empty();
    if (config.statePath().isPresent()) {
      stateLock =
          java.util.Optional.of(
              StateFileLock.acquire(config.statePath().get(), StateFileLock.DEFAULT_WAIT));
    }
    try {
      Emulator e = startLocked(config);
      e.stateLock = stateLock;
      return e;
    } catch (IOException | RuntimeException e) {
      stateLock.ifPresent(StateFileLock::close);
      throw e;
    }
  }

  private static Emulator startLocked(EmulatorConfig config) throws IOException {
    Dispatcher dispatcher = new Dispatcher(config, System::nanoTime);
    InetSocketAddress addr = new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port());
    HttpServer server;
    if (config.tls().enabled()) {
      HttpsServer https = HttpsServer.create(addr, 1024);
      https.setHttpsConfigurator(new HttpsConfigurator(sslContext(config.tls())));
      server = https;
    } else {
      server = HttpServer.create(addr, 1024);
    }
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            config.threads(),
            r -> {
              Thread t = new Thread(r, "emulator-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(pool);
    Emulator emulator = new Emulator(config, server, pool, dispatcher);
    server.createContext("/", emulator::serve);
    server.start();
    return emulator;
  }

  private static SSLContext sslContext(EmulatorConfig.Tls tls) throws IOException {
    try {
      KeyStore ks = KeyStore.getInstance("PKCS12");
      char[] password;
      if (tls.keystore().isPresent()) {
        password = tls.password().orElse("").toCharArray();
        try (InputStream in = Files.newInputStream(tls.keystore().get())) {
          ks.load(in, password);
        } catch (IOException e) {
          // A wrong password or a file that is not PKCS12 (the JDK's message may be null).
          throw new IOException(
              "cannot load the TLS keystore "
                  + tls.keystore().get()
                  + ": not a PKCS12 file or wrong --tls-password ("
                  + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                  + ")",
              e);
        }
      } else {
        password = EmulatorConfig.DEV_CERT_PASSWORD.toCharArray();
        try (InputStream in = Emulator.class.getResourceAsStream("dev-localhost.p12")) {
          if (in == null) {
            throw new IOException("the bundled dev certificate is missing from the classpath");
          }
          ks.load(in, password);
        }
      }
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(ks, password);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(kmf.getKeyManagers(), null, null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot load the TLS keystore: " + e.getMessage(), e);
    }
  }

  private void serve(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getRawPath();
      Optional<byte[]> bounded = readBounded(ex.getRequestBody(), MAX_BODY_BYTES);
      if (bounded.isEmpty()) {
        ApiError err =
            new ApiError(
                "validation",
                413,
                "The request body exceeds " + (MAX_BODY_BYTES >> 20) + " MiB",
                null);
        dispatcher.stats().error(err.type());
        // The unread rest of the body makes the server close the connection after the answer.
        send(ex, 413, Dispatcher.bytes(Methods.errorBody(err)));
        return;
      }
      byte[] body = bounded.get();
      if (path.startsWith("/__emulator/")) {
        admin(ex, path, body);
        return;
      }
      if (Cors.isPreflight(ex.getRequestMethod(), path)) {
        // Browsers ask before the SDK's credentialed JSON call; the preflight carries no token.
        Cors.preflight(
                Optional.ofNullable(
                    ex.getRequestHeaders().getFirst("Access-Control-Request-Headers")))
            .forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(204, -1);
        return;
      }
      Request req =
          new Request(
              ex.getRequestMethod(),
              path,
              Optional.ofNullable(ex.getRequestURI().getRawQuery()).orElse(""),
              Optional.ofNullable(ex.getRequestHeaders().getFirst("Authorization")),
              Optional.ofNullable(ex.getRequestHeaders().getFirst("X-Region")),
              body);
      Response resp = dispatcher.handle(req);
      if (resp.drop()) {
        // Closing the exchange before any response headers closes the TCP connection: the
        // client sees the connection reset / EOF although the write was applied.
        return;
      }
      resp.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
      Cors.actual(Optional.ofNullable(ex.getRequestHeaders().getFirst("Origin")))
          .forEach((k, v) -> ex.getResponseHeaders().set(k, v));
      lifecycle(path).ifPresent(h -> ex.getResponseHeaders().set(h.getKey(), h.getValue()));
      send(ex, resp.status(), resp.body());
    }
  }

  /**
   * LiveChat marks answers of older versions with a lifecycle header: {@code Legacy: <date>} on the
   * legacy 3.5, {@code Deprecation: <date>} on the deprecated 3.4 (and 3.3). The dates are not
   * published: the emulator uses a fixed one.
   */
  static Optional<Map.Entry<String, String>> lifecycle(String path) {
    if (path.startsWith("/v3.5/")) {
      return Optional.of(Map.entry("Legacy", LEGACY_UNTIL));
    }
    if (path.startsWith("/v3.4/")) {
      return Optional.of(Map.entry("Deprecation", LEGACY_UNTIL));
    }
    return Optional.empty();
  }

  /** Bodies above this are refused (413) instead of being buffered: no OOM from a huge upload. */
  static final int MAX_BODY_BYTES = 4 << 20;

  /** The whole stream, or empty when it holds more than {@code limit} bytes. */
  static Optional<byte[]> readBounded(InputStream in, int limit) throws IOException {
    byte[] b = in.readNBytes(limit + 1);
    return b.length > limit ? Optional.empty() : Optional.of(b);
  }

  /** The end-of-support date the emulator announces for legacy versions. */
  static final String LEGACY_UNTIL = "2027-06-30";

  private void admin(HttpExchange ex, String path, byte[] body) throws IOException {
    String m = ex.getRequestMethod();
    if (path.equals("/__emulator/stats") && m.equals("GET")) {
      send(ex, 200, Dispatcher.bytes(stats()));
    } else if (path.equals("/__emulator/stats") && m.equals("DELETE")) {
      dispatcher.stats().reset();
      send(ex, 200, Dispatcher.bytes(Params.object()));
    } else if (path.equals("/__emulator/state") && m.equals("GET")) {
      send(ex, 200, Dispatcher.bytes(state()));
    } else if (path.equals("/__emulator/state") && m.equals("PUT")) {
      try {
        replaceState(Params.JSON.readTree(body));
        send(ex, 200, Dispatcher.bytes(Params.object()));
      } catch (IOException | RuntimeException e) {
        ApiError err =
            ApiError.validation(
                "Invalid state document (state unchanged): "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        send(ex, 400, Dispatcher.bytes(Methods.errorBody(err)));
      }
    } else {
      send(ex, 404, Dispatcher.bytes(Methods.errorBody(ApiError.notFound("No such endpoint"))));
    }
  }

  private static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(body);
    }
  }

  /** e.g. {@code http://127.0.0.1:8080} or {@code https://127.0.0.1:8443}. */
  public String baseUrl() {
    return (config.tls().enabled() ? "https" : "http") + "://127.0.0.1:" + port();
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public EmulatorConfig config() {
    return config;
  }

  /** The counters ({@code /__emulator/stats}). */
  public Stats statsCounters() {
    return dispatcher.stats();
  }

  /** {@code {"total":n,"calls":{method:n},"errors":{type:n}}}. */
  public ObjectNode stats() {
    return dispatcher.stats().toJson();
  }

  public void resetStats() {
    dispatcher.stats().reset();
  }

  /** The whole account state (same format as {@code --state} / {@code --seed}). */
  public ObjectNode state() {
    return dispatcher.state();
  }

  /** Where {@link #state()} keeps the objects of a manifest section as a list: section, list. */
  private static final java.util.Map<String, String[]> STORED =
      java.util.Map.of(
          "groups", new String[] {"groups", "groups"},
          "agents", new String[] {"agents", "agents"},
          "bots", new String[] {"bots", "bots"},
          "auto_access", new String[] {"auto_access", "rules"},
          "webhooks", new String[] {"webhooks", "webhooks"});

  /**
   * The objects this emulator stores for a manifest section, from its own state (not an API
   * answer), for the sections whose stored objects carry the manifest's identity fields as written
   * (ids, names and URLs; not group ids in place of names): what a soak counts duplicates and
   * losses in. Empty for any other section.
   */
  public java.util.Optional<java.util.List<JsonNode>> storedObjects(String section) {
    String[] at = STORED.get(section);
    if (at == null) {
      return java.util.Optional.empty();
    }
    java.util.List<JsonNode> out = new java.util.ArrayList<>();
    state().path(at[0]).path(at[1]).forEach(out::add);
    return java.util.Optional.of(out);
  }

  /** Replaces the whole account state (persisted when a state file is configured). */
  public void replaceState(JsonNode doc) {
    dispatcher.replaceState(doc);
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
    try {
      pool.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    stateLock.ifPresent(StateFileLock::close); // after the last write was persisted
  }
}
