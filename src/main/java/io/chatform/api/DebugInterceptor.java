package io.chatform.api;

import java.io.IOException;
import java.util.function.Consumer;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Writes one {@code --debug} line per HTTP attempt (method, attempt, status or I/O error, duration,
 * region), never headers or bodies, and always through the {@link Redactor}.
 */
final class DebugInterceptor implements Interceptor {
  private final Consumer<String> sink;
  private final Redactor redactor;

  DebugInterceptor(Consumer<String> sink, Redactor redactor) {
    this.sink = sink;
    this.redactor = redactor;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    ConfigurationApi.AttemptTag tag = request.tag(ConfigurationApi.AttemptTag.class);
    String what =
        tag == null ? request.url().encodedPath() : tag.method() + " attempt " + tag.attempt();
    String region = request.header("X-Region");
    String where = region == null ? "" : " [region " + region + "]";
    long start = System.nanoTime();
    try {
      Response response = chain.proceed(request);
      log("api " + what + where + ": HTTP " + response.code() + " in " + ms(start) + " ms");
      return response;
    } catch (IOException e) {
      log(
          "api "
              + what
              + where
              + ": I/O error "
              + e.getClass().getSimpleName()
              + ": "
              + e.getMessage()
              + " after "
              + ms(start)
              + " ms");
      throw e;
    }
  }

  private void log(String line) {
    sink.accept(redactor.redact(line));
  }

  private static long ms(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
