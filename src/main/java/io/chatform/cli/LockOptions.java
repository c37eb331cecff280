package io.chatform.cli;

import io.chatform.lock.LockSettings;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The account lock's options, shared by the writing commands ({@code apply}, {@code unlock}):
 * whether to lock, how long to wait, which Client ID keeps the lease, and its TTL.
 */
public final class LockOptions {
  static final String ENV_CLIENT_ID = LockClientId.ENV;

  /** Whether writing commands take the account lock. */
  enum Mode {
    lease,
    none
  }

  @Option(
      names = "--lock",
      paramLabel = "MODE",
      defaultValue = "lease",
      description =
          "lease (default: take the account lock, docs/locking.md) or none (no lock: unsafe if"
              + " anyone else writes to the account at the same time).")
  Mode mode = Mode.lease;

  @Option(
      names = "--lock-timeout",
      paramLabel = "SECONDS",
      defaultValue = "0",
      description = "How long to wait while another writer holds the lock (default 0: refuse).")
  double timeout;

  @Mixin LockClientId lockClientId = new LockClientId();

  @Option(
      names = "--lock-ttl",
      paramLabel = "SECONDS",
      defaultValue = "300",
      description =
          "After how long an unrenewed lease (its writer was killed) may be taken over"
              + " (default ${DEFAULT-VALUE}; keep it above 180 on real accounts).")
  double ttl;

  boolean enabled() {
    return mode == Mode.lease;
  }

  Duration timeout() {
    return seconds(timeout, "--lock-timeout");
  }

  /**
   * The settings, naming the Client ID: the flag, the environment, the sandbox's own Client ID, or
   * the smallest one the manifests name (said once on {@code err}, since writers with other
   * manifests would pick another and not exclude each other).
   */
  LockSettings settings(
      Connection c, Set<String> owners, Map<String, String> env, PrintWriter err) {
    Optional<String> id = lockClientId.explicit(c, env);
    if (id.isEmpty() && !owners.isEmpty()) {
      id = Optional.of(new TreeSet<>(owners).first());
      err.println(
          "lock: keeping the account lock under Client ID "
              + id.get()
              + " (the smallest the manifests name); set "
              + ENV_CLIENT_ID
              + " so every writer of this account uses the same one");
      err.flush();
    }
    if (id.isEmpty()) {
      throw new UserException(
          "the account lock needs a Client ID (its lease is a private property, and properties"
              + " belong to an app's Client ID) and the manifests name none: pass --lock-client-id"
              + " CLIENT_ID or set "
              + ENV_CLIENT_ID
              + ", or pass --lock none to write without the lock (unsafe if anyone else writes"
              + " to this account at the same time)");
    }
    Duration resolve = c.client().config().consistencyWait();
    return new LockSettings(
        id.get(),
        seconds(ttl, "--lock-ttl"),
        Duration.ofMillis(Math.min(1000, Math.max(100, Math.round(ttl * 100)))),
        resolve.isZero() ? Duration.ofSeconds(1) : resolve);
  }

  private static Duration seconds(double s, String flag) {
    if (s < 0 || Double.isNaN(s)) {
      throw new UserException(flag + " must be 0 or more seconds, not " + s);
    }
    return Duration.ofMillis(Math.round(s * 1000));
  }
}
