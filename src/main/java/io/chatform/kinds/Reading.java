package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.api.LiveChatClient;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * One read of an account, as the kinds' listing hooks see it: the client, the apps to read, a pool
 * for the list calls (all started before any answer is shaped), and what shaping one kind tells the
 * kinds after it (group names, property defaults, the caller's agent).
 */
public final class Reading {
  private final LiveChatClient client;
  private final ExecutorService pool;
  private final Set<String> owners;
  private final Names names = new Names();
  private final Map<String, JsonNode> defaults = new ConcurrentHashMap<>();
  private volatile Optional<String> callerAgentId = Optional.empty();

  Reading(LiveChatClient client, ExecutorService pool, Set<String> owners) {
    this.client = client;
    this.pool = pool;
    this.owners = owners;
  }

  public LiveChatClient client() {
    return client;
  }

  /** Starts one list call. */
  public <T> Future<T> submit(Callable<T> call) {
    return pool.submit(call);
  }

  /** Starts one list call per app, in Client ID order. */
  public <T> Map<String, Future<T>> perOwner(Function<String, Callable<T>> call) {
    Map<String, Future<T>> out = new TreeMap<>();
    for (String owner : owners) {
      out.put(owner, pool.submit(call.apply(owner)));
    }
    return out;
  }

  /** Group id ↔ name, filled when groups are shaped (before the kinds that name them). */
  public Names names() {
    return names;
  }

  /**
   * Property definitions' {@code default_value} by {@code owner/name}, filled when definitions are
   * shaped: LiveChat lists a property's default value as if it were set.
   */
  public Map<String, JsonNode> defaults() {
    return defaults;
  }

  public Optional<String> callerAgentId() {
    return callerAgentId;
  }

  public void callerAgentId(Optional<String> id) {
    callerAgentId = id;
  }

  /** The answer of a started call. */
  public static <T> T get(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the account", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(e.getCause());
    }
  }
}
