package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** A tiny JSON-over-HTTP client for the emulator's integration tests. */
final class TestClient {
  record Reply(int status, JsonNode body, HttpResponse<String> raw) {
    String errorType() {
      return body.path("error").path("type").asText("");
    }
  }

  static final String BEARER = "Bearer " + EmulatorConfig.SANDBOX_TOKEN;
  static final String BASIC =
      "Basic "
          + Base64.getEncoder()
              .encodeToString(
                  (EmulatorConfig.SANDBOX_ACCOUNT_ID + ":" + EmulatorConfig.SANDBOX_PAT)
                      .getBytes(StandardCharsets.UTF_8));

  private final HttpClient http;
  private final String base;
  String auth = BEARER;
  String version = "v3.6";

  TestClient(Emulator emulator) {
    this(emulator, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build());
  }

  TestClient(Emulator emulator, HttpClient http) {
    this.http = http;
    this.base = emulator.baseUrl();
  }

  /** The emulator's base URL, e.g. {@code http://127.0.0.1:1234}. */
  String base() {
    return base;
  }

  TestClient version(String v) {
    this.version = v;
    return this;
  }

  Reply call(String method, String json) {
    return send(
        HttpRequest.newBuilder(URI.create(base + "/" + version + "/configuration/action/" + method))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Calls and asserts success, returning the body. */
  JsonNode ok(String method, String json) {
    Reply r = call(method, json);
    if (r.status() != 200) {
      throw new AssertionError(method + " failed: " + r.status() + " " + r.raw().body());
    }
    return r.body();
  }

  Reply send(HttpRequest.Builder b) {
    if (auth != null) {
      b.header("Authorization", auth);
    }
    try {
      HttpResponse<String> resp = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body = resp.body().isEmpty() ? Params.object() : Params.JSON.readTree(resp.body());
      return new Reply(resp.statusCode(), body, resp);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Reply raw(String httpMethod, String path, String body) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    b.method(
        httpMethod,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return send(b);
  }
}
