package io.chatform.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.lock.AccountLock;
import io.chatform.lock.Holder;
import io.chatform.lock.LockSettings;
import io.chatform.model.Json;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What {@code plan --out} records about the account lock (the {@code lease} field of a saved plan):
 * read-only, never taking it, and never failing the plan — a lease it cannot read is "unknown".
 */
final class LeaseObservation {
  private LeaseObservation() {}

  static ObjectNode observe(
      LockClientId option, Connection c, Set<String> owners, Map<String, String> env) {
    Optional<String> id = option.explicit(c, env).or(() -> owners.stream().sorted().findFirst());
    if (id.isEmpty()) {
      return unknown("no Client ID to read the lock under (pass --lock-client-id)");
    }
    try {
      AccountLock lock =
          new AccountLock(
              c.client(),
              new LockSettings(
                  id.get(), Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO),
              Holder.current(env),
              Clock.systemUTC(),
              line -> {});
      ObjectNode o = lock.read().json();
      o.put("client_id", id.get());
      return o;
    } catch (RuntimeException e) {
      return unknown(e.getMessage());
    }
  }

  private static ObjectNode unknown(String reason) {
    ObjectNode o = Json.object();
    o.put("state", "unknown");
    o.put("reason", reason);
    return o;
  }
}
