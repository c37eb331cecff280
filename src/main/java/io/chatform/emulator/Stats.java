package io.chatform.emulator;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Call and error counters that tests and benchmarks read through {@code /__emulator/stats}. */
public final class Stats {
  private final LongAdder total = new LongAdder();
  private final Map<String, LongAdder> calls = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();

  void call(String method) {
    total.increment();
    calls.computeIfAbsent(method, k -> new LongAdder()).increment();
  }

  void error(String type) {
    errors.computeIfAbsent(type, k -> new LongAdder()).increment();
  }

  public long total() {
    return total.sum();
  }

  public long calls(String method) {
    LongAdder a = calls.get(method);
    return a == null ? 0 : a.sum();
  }

  public long errors(String type) {
    LongAdder a = errors.get(type);
    return a == null ? 0 : a.sum();
  }

  /** {@code {"total":n,"calls":{method:n},"errors":{type:n}}}. */
  public ObjectNode toJson() {
    ObjectNode out = Params.object().put("total", total.sum());
    ObjectNode c = out.putObject("calls");
    new TreeMap<>(calls).forEach((k, v) -> c.put(k, v.sum()));
    ObjectNode e = out.putObject("errors");
    new TreeMap<>(errors).forEach((k, v) -> e.put(k, v.sum()));
    return out;
  }

  public void reset() {
    total.reset();
    calls.clear();
    errors.clear();
  }
}
