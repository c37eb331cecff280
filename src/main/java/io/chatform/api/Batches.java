package io.chatform.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.ApiVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Batch methods (3.5+): splits items into chunks of the batch size, runs chunks in parallel (the
 * engine still bounds HTTP concurrency and rate), and maps each response back to its item.
 */
final class Batches {
  private final ClientConfig config;
  private final Wire wire;
  private final CallEngine engine;
  private final WireErrors errors;
  private final Redactor redactor;
  private final Probes probes;

  Batches(
      ClientConfig config,
      Wire wire,
      CallEngine engine,
      WireErrors errors,
      Redactor redactor,
      Probes probes) {
    this.config = config;
    this.wire = wire;
    this.engine = engine;
    this.errors = errors;
    this.redactor = redactor;
    this.probes = probes;
  }

  List<BatchResult> run(
      String method, List<ObjectNode> items, Optional<ApiMethod<Created>> single) {
    if (!method.startsWith("batch_")) {
      throw new IllegalArgumentException(method + " is not a batch method (batch_…)");
    }
    if (!config.version().atLeast(ApiVersion.V3_5)) {
      throw new IllegalArgumentException("batch methods need --api-version 3.5 or later");
    }
    int size = config.batchSize();
    BatchResult[] out = new BatchResult[items.size()];
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i < items.size(); i += size) {
      starts.add(i);
    }
    int threads = Math.min(config.parallelism(), starts.size());
    if (threads <= 1) {
      for (int start : starts) {
        chunk(
            method, single, items.subList(start, Math.min(items.size(), start + size)), out, start);
      }
      return Arrays.asList(out);
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            r -> {
              Thread t = new Thread(r, "chatform-batch");
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int start : starts) {
        List<ObjectNode> part = items.subList(start, Math.min(items.size(), start + size));
        futures.add(pool.submit(() -> chunk(method, single, part, out, start)));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw errors.transport(method, "interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    return Arrays.asList(out);
  }

  private void chunk(
      String method,
      Optional<ApiMethod<Created>> single,
      List<ObjectNode> items,
      BatchResult[] out,
      int offset) {
    boolean create = method.startsWith("batch_create_");
    boolean delete = method.startsWith("batch_delete_");
    ObjectNode body = WireMapper.object();
    ArrayNode requests = body.putArray("requests");
    items.forEach(requests::add);
    RetrySafety safety =
        create ? RetrySafety.AT_MOST_ONCE : delete ? RetrySafety.DELETE : RetrySafety.IDEMPOTENT;
    CallEngine.CallResult outcome;
    try {
      outcome = engine.execute(method, body, safety);
    } catch (LiveChatException e) {
      for (int i = 0; i < items.size(); i++) {
        out[offset + i] =
            create && e.outcomeUnknown()
                ? oneByOne(single, items.get(i), e)
                : BatchResult.failure(e);
      }
      return;
    }
    JsonNode responses = outcome.result().path("responses");
    if (!responses.isArray() || responses.size() != items.size()) {
      LiveChatException e =
          errors.client(
              ErrorType.UNEXPECTED_RESPONSE,
              method,
              "the answer does not hold one response per request",
              OptionalInt.empty());
      for (int i = 0; i < items.size(); i++) {
        out[offset + i] = BatchResult.failure(e);
      }
      return;
    }
    for (int i = 0; i < items.size(); i++) {
      JsonNode r = responses.get(i);
      Optional<LiveChatException> err = errors.fromBody(method, OptionalInt.empty(), r);
      if (err.isPresent()) {
        boolean gone = delete && outcome.retried() && err.get().isMissing();
        out[offset + i] =
            gone ? BatchResult.success(WireMapper.object()) : BatchResult.failure(err.get());
      } else {
        rememberSecret(r);
        out[offset + i] = BatchResult.success(r);
      }
    }
  }

  /** After a batch create with an unknown outcome: probe each item, create only what is missing. */
  private BatchResult oneByOne(
      Optional<ApiMethod<Created>> single, ObjectNode item, LiveChatException cause) {
    Optional<RetrySafety.Create> probe = probes.forBatchItem(single, item);
    if (probe.isEmpty()) {
      return BatchResult.failure(cause);
    }
    String name = single.orElseThrow().name();
    try {
      Optional<JsonNode> found = engine.probe(name, probe.get(), cause);
      if (found.isPresent()) {
        return BatchResult.success(found.get());
      }
      JsonNode r = wire.call(name, item, probe.get());
      rememberSecret(r);
      return BatchResult.success(r);
    } catch (LiveChatException e) {
      return BatchResult.failure(e);
    }
  }

  private void rememberSecret(JsonNode r) {
    JsonNode s = r.get("secret");
    if (s != null && s.isTextual()) {
      redactor.remember(s.asText());
    }
  }
}
