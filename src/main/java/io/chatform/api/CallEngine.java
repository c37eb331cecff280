package io.chatform.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.OkHttpClient;
import okhttp3.ResponseBody;
import retrofit2.Response;
import retrofit2.Retrofit;
import retrofit2.converter.jackson.JacksonConverterFactory;

/**
 * Runs one logical API call: rate budget and bounded concurrency around every HTTP attempt, error
 * mapping by {@code error.type}, region redirects, and retries that respect each call's {@link
 * RetrySafety} so a create is never blindly repeated.
 */
final class CallEngine implements AutoCloseable {
  /** A call's result and whether it took more than one attempt. */
  record CallResult(JsonNode result, boolean retried) {}

  private enum AttemptKind {
    OK,
    FATAL,
    THROTTLED,
    AMBIGUOUS,
    NOT_SENT,
    MISDIRECTED
  }

  private record Attempt(
      AttemptKind kind,
      JsonNode body,
      LiveChatException error,
      Optional<Duration> retryAfter,
      long epoch) {}

  private final ClientConfig config;
  private final Redactor redactor;
  private final OkHttpClient http;
  private final ConfigurationApi api;
  private final RateBudget budget;
  private final Semaphore slots;
  private final AtomicReference<Optional<String>> region;
  private final WireErrors errors;

  /** Set by the first HTTP answer: from then on the URL's scheme is known to fit the port. */
  private final java.util.concurrent.atomic.AtomicBoolean answered =
      new java.util.concurrent.atomic.AtomicBoolean();

  CallEngine(ClientConfig config, Redactor redactor) {
    this.config = config;
    this.redactor = redactor;
    this.http = HttpClients.build(config, redactor);
    this.api =
        new Retrofit.Builder()
            .baseUrl(config.apiUrl() + "/")
            .client(http)
            .addConverterFactory(JacksonConverterFactory.create(WireMapper.MAPPER))
            .build()
            .create(ConfigurationApi.class);
    this.budget = new RateBudget(config.startRps(), config.maxRps(), config.timing());
    this.slots = new Semaphore(config.parallelism(), true);
    this.region = new AtomicReference<>(config.region());
    this.errors = new WireErrors(redactor);
  }

  /** True for a method that changes the account (lists and gets never do). */
  private static boolean writes(String method, RetrySafety safety) {
    return !(safety instanceof RetrySafety.Idempotent)
        || !(method.startsWith("list_") || method.startsWith("get_"));
  }

  /** The region calls currently go to (changes after a {@code misdirected_request}). */
  Optional<String> region() {
    return region.get();
  }

  double currentRps() {
    return budget.currentRps();
  }

  CallResult execute(String method, JsonNode body, RetrySafety safety) {
    Timing timing = config.timing();
    RetryPolicy policy = config.retry();
    long start = timing.nanoTime();
    boolean ambiguous = false;
    LiveChatException lastError = null;
    boolean regionSwitched = false;
    int attempt = 0;
    while (true) {
      attempt++;
      if (ambiguous && safety instanceof RetrySafety.Create create) {
        Optional<JsonNode> found = probe(method, create, lastError);
        if (found.isPresent()) {
          return new CallResult(found.get(), true);
        }
        debug("api " + method + ": not found in live state; sending it again");
      }
      Attempt a = attemptOnce(method, body, attempt);
      switch (a.kind()) {
        case OK -> {
          budget.onSuccess();
          return new CallResult(a.body(), attempt > 1);
        }
        case MISDIRECTED -> {
          Optional<String> target =
              a.error().data().map(d -> d.path("region").asText("")).filter(s -> !s.isBlank());
          if (!regionSwitched && target.isPresent() && !target.equals(region.get())) {
            // Keep using the right region for every later call, from every thread.
            region.set(target);
            regionSwitched = true;
            debug("api " + method + ": misdirected; switching to region " + target.get());
            continue;
          }
          throw a.error();
        }
        case FATAL -> {
          if (attempt > 1 && safety instanceof RetrySafety.Delete && a.error().isMissing()) {
            debug("api " + method + ": retried delete answered not_found; already deleted");
            return new CallResult(WireMapper.object(), true);
          }
          if (ambiguous
              && safety instanceof RetrySafety.Create create
              && a.error().is(ErrorType.ALREADY_EXISTS)) {
            Optional<JsonNode> found = probe(method, create, a.error());
            if (found.isPresent()) {
              return new CallResult(found.get(), true);
            }
            if (create.uniqueAtWrite()) {
              // The API checks this identity at write time, not through lagging lists: it
              // exists, and after our own unclear attempt that is our write.
              debug("api " + method + ": already_exists after an unclear attempt; it happened");
              return new CallResult(WireMapper.object(), true);
            }
          }
          throw ambiguous && writes(method, safety)
              ? a.error()
                  .asOutcomeUnknown(
                      "an earlier attempt's answer was lost, so it may have applied all the same")
              : a.error();
        }
        case AMBIGUOUS -> {
          lastError = a.error();
          if (safety instanceof RetrySafety.AtMostOnce) {
            throw a.error().asOutcomeUnknown("the outcome is unknown, so it was not sent again");
          }
          ambiguous = true;
        }
        case THROTTLED -> budget.onThrottled(a.epoch(), a.retryAfter());
        case NOT_SENT -> {
          // Nothing reached the server: safe to send again whatever the method.
        }
      }
      Duration delay = policy.backoff(attempt);
      if (a.retryAfter().isPresent() && a.retryAfter().get().compareTo(delay) > 0) {
        delay = a.retryAfter().get();
      }
      Duration elapsed = Duration.ofNanos(timing.nanoTime() - start);
      if (attempt >= policy.maxAttempts()
          || elapsed.plus(delay).compareTo(policy.maxTotalTime()) > 0) {
        LiveChatException last = a.error();
        if (ambiguous && writes(method, safety)) {
          // A 5xx or a lost answer on any attempt: it may have applied; a later 5xx's "nothing
          // was applied" speaks for that attempt only.
          last =
              last.asOutcomeUnknown("an attempt's answer was lost, so it may have applied anyway");
        }
        throw last.withNote(
            "gave up after "
                + attempt
                + " attempt"
                + (attempt == 1 ? "" : "s")
                + " in "
                + elapsed.toMillis()
                + " ms");
      }
      debug(
          "api "
              + method
              + ": retrying in "
              + delay.toMillis()
              + " ms ("
              + a.error().wireType()
              + ")");
      sleep(method, delay);
    }
  }

  /**
   * Re-reads live state to learn whether a create whose outcome is unknown took effect. Lists may
   * lag behind writes, so "not found" is only believed after {@code consistencyWait}: until then
   * the probe is repeated with growing pauses. Sending the create again too early would duplicate
   * the object.
   */
  Optional<JsonNode> probe(String method, RetrySafety.Create create, LiveChatException cause) {
    debug("api " + method + ": outcome unknown; checking live state before sending it again");
    Timing timing = config.timing();
    long deadline = timing.nanoTime() + config.consistencyWait().toNanos();
    Duration pause = Duration.ofMillis(100);
    Optional<RetrySafety.Seen.Stale> stale = Optional.empty();
    while (true) {
      RetrySafety.Seen seen;
      try {
        seen = create.probe().get();
      } catch (LiveChatException e) {
        // The create may have applied: the error of the check must not read as "failed".
        throw e.asOutcomeUnknown(
            "this happened while checking whether an earlier "
                + method
                + " (outcome unknown) took"
                + " effect; check the account before running again");
      }
      // Only the last read counts: "absent" after the wait is believed as for any create.
      stale = seen instanceof RetrySafety.Seen.Stale st ? Optional.of(st) : Optional.empty();
      if (seen instanceof RetrySafety.Seen.Found f) {
        debug("api " + method + ": the write had happened; not sending it again");
        return Optional.of(f.result());
      }
      long left = deadline - timing.nanoTime();
      if (left <= 0) {
        if (stale.isPresent() && !create.uniqueAtWrite()) {
          // Sending it again could make a second object once the list catches up.
          LiveChatException e =
              cause != null
                  ? cause
                  : errors.client(
                      ErrorType.TRANSPORT, method, "no complete answer", OptionalInt.empty());
          throw e.asOutcomeUnknown(
              "cannot tell whether it happened: "
                  + stale.get().why()
                  + ", so the list lags behind; not sent again (the API shows changes within"
                  + " 2 minutes)");
        }
        return Optional.empty();
      }
      Duration wait = pause.toNanos() < left ? pause : Duration.ofNanos(left);
      debug("api " + method + ": not visible yet; reading again in " + wait.toMillis() + " ms");
      sleep(method, wait);
      pause =
          pause.multipliedBy(2).compareTo(Duration.ofSeconds(1)) > 0
              ? Duration.ofSeconds(1)
              : pause.multipliedBy(2);
    }
  }

  private Attempt attemptOnce(String method, JsonNode body, int attempt) {
    try {
      slots.acquire();
    } catch (InterruptedException e) {
      throw interrupted(method);
    }
    long epoch = 0;
    try {
      epoch = budget.acquire();
      Response<ResponseBody> resp =
          api.call(
                  config.version().label(),
                  method,
                  body,
                  region.get().orElse(null),
                  new ConfigurationApi.AttemptTag(method, attempt))
              .execute();
      answered.set(true);
      ResponseBody raw = resp.isSuccessful() ? resp.body() : resp.errorBody();
      String text = raw == null ? "" : raw.string();
      return classify(method, resp, text, epoch);
    } catch (InterruptedException e) {
      throw interrupted(method);
    } catch (IOException e) {
      return ioFailure(method, e, epoch);
    } finally {
      slots.release();
    }
  }

  private Attempt classify(String method, Response<ResponseBody> resp, String text, long epoch) {
    int status = resp.code();
    Optional<Duration> retryAfter = WireErrors.retryAfter(resp.headers().get("Retry-After"));
    Optional<JsonNode> json = WireErrors.parse(text);
    Optional<LiveChatException> apiError =
        json.flatMap(j -> errors.fromBody(method, OptionalInt.of(status), j));
    if (apiError.isPresent()) {
      LiveChatException e = apiError.get();
      AttemptKind kind =
          switch (e.type()) {
            case TOO_MANY_REQUESTS -> AttemptKind.THROTTLED;
            case INTERNAL -> AttemptKind.AMBIGUOUS;
            case MISDIRECTED_REQUEST -> AttemptKind.MISDIRECTED;
            default -> AttemptKind.FATAL;
          };
      return new Attempt(kind, null, e, retryAfter, epoch);
    }
    if (status >= 200 && status < 300) {
      if (json.isPresent()) {
        return new Attempt(AttemptKind.OK, json.get(), null, Optional.empty(), epoch);
      }
      if (text.isBlank()) {
        return new Attempt(AttemptKind.OK, WireMapper.object(), null, Optional.empty(), epoch);
      }
    }
    // No LiveChat error body: only now does the HTTP status say anything.
    if (status == 429) {
      LiveChatException e =
          errors.client(ErrorType.TOO_MANY_REQUESTS, method, "rate limited", OptionalInt.of(429));
      return new Attempt(AttemptKind.THROTTLED, null, e, retryAfter, epoch);
    }
    if (status >= 500) {
      LiveChatException e =
          errors.client(
              ErrorType.INTERNAL,
              method,
              "server error without a LiveChat error body",
              OptionalInt.of(status));
      return new Attempt(AttemptKind.AMBIGUOUS, null, e, retryAfter, epoch);
    }
    String what =
        status >= 300 && status < 400
            ? "redirect to " + Optional.ofNullable(resp.headers().get("Location")).orElse("?")
            : json.isPresent()
                ? "an answer without a LiveChat error body"
                : "an answer that is not JSON";
    return new Attempt(
        AttemptKind.FATAL,
        null,
        errors.client(ErrorType.UNEXPECTED_RESPONSE, method, what, OptionalInt.of(status)),
        Optional.empty(),
        epoch);
  }

  private Attempt ioFailure(String method, IOException e, long epoch) {
    if (Thread.currentThread().isInterrupted()) {
      throw interrupted(method);
    }
    String msg =
        e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    if (e instanceof AnswerLimit.TooLarge) {
      // The server answered (a write may have happened): never retried, and said plainly.
      return new Attempt(
          AttemptKind.FATAL,
          null,
          errors.client(
              ErrorType.UNEXPECTED_RESPONSE,
              method,
              e.getMessage()
                  + " (--max-answer-mib) and was cut off there; raise --max-answer-mib if the"
                  + " account really is that large",
              OptionalInt.empty()),
          Optional.empty(),
          epoch);
    }
    Optional<String> mismatch =
        answered.get() ? Optional.empty() : SchemeMismatch.describe(e, config.apiUrl());
    if (mismatch.isPresent()) {
      // Retrying cannot help: the URL's scheme is wrong for the port.
      return new Attempt(
          AttemptKind.FATAL,
          null,
          errors.transport(method, mismatch.get(), e),
          Optional.empty(),
          epoch);
    }
    if (e instanceof SSLPeerUnverifiedException || e instanceof SSLHandshakeException) {
      return new Attempt(
          AttemptKind.FATAL,
          null,
          errors.transport(
              method,
              TlsFailures.describe(e, config.apiUrl(), config.caCert().map(String::valueOf)),
              e),
          Optional.empty(),
          epoch);
    }
    if (e instanceof InterruptedIOException) {
      // OkHttp's callTimeout (the whole attempt, answer included) or a read/connect timeout,
      // which are set to the same deadline: name the setting that bounds it.
      msg =
          (e instanceof SocketTimeoutException ? msg + "; " : "")
              + "the deadline per call is "
              + java.math.BigDecimal.valueOf(config.callTimeout().toMillis(), 3)
                  .stripTrailingZeros()
                  .toPlainString()
              + " s (--call-timeout)";
    }
    boolean notSent =
        e instanceof ConnectException
            || e instanceof NoRouteToHostException
            || e instanceof UnknownHostException;
    AttemptKind kind = notSent ? AttemptKind.NOT_SENT : AttemptKind.AMBIGUOUS;
    String where = notSent ? "cannot connect to " + config.apiUrl() : "no complete answer";
    return new Attempt(
        kind, null, errors.transport(method, where + " (" + msg + ")", e), Optional.empty(), epoch);
  }

  private void sleep(String method, Duration d) {
    try {
      config.timing().sleep(d);
    } catch (InterruptedException e) {
      throw interrupted(method);
    }
  }

  private LiveChatException interrupted(String method) {
    Thread.currentThread().interrupt();
    return errors.transport(method, "interrupted", null);
  }

  void debug(String line) {
    if (config.debug()) {
      config.debugSink().accept(redactor.redact(line));
    }
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }
}
