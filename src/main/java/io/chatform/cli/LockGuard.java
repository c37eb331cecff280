package io.chatform.cli;

import io.chatform.lock.AccountLock;
import io.chatform.lock.Holder;
import io.chatform.lock.Lease;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The account lock around one writing command: taken before the account is read for planning (so
 * the plan cannot be stale by the time it runs), released at the end, on failure, and by a shutdown
 * hook on SIGINT/SIGTERM (after in-flight writes end, so the next writer never overlaps them).
 */
final class LockGuard implements AutoCloseable {
  private final Optional<Lease> lease;
  private final Thread hook;
  private final CountDownLatch writesDone = new CountDownLatch(1);
  private boolean writing;
  private boolean shuttingDown;

  private LockGuard(Optional<Lease> lease) {
    this.lease = lease;
    this.hook = lease.isPresent() ? new Thread(this::onShutdown, "chatform-lock-release") : null;
    if (hook != null) {
      Runtime.getRuntime().addShutdownHook(hook);
    }
  }

  /**
   * Takes the lock as {@code options} say (or, with {@code --lock none}, says once that it will
   * not).
   */
  static LockGuard acquire(
      LockOptions options,
      Connection c,
      Set<String> owners,
      Map<String, String> env,
      PrintWriter err)
      throws InterruptedException {
    return acquire(options, c, owners, env, err, Optional.empty());
  }

  /**
   * As above, remembering the lease records this machine writes in {@code memoryDir} (the write
   * journal's directory), so a rerun here is not misled by lists that lag behind them.
   */
  static LockGuard acquire(
      LockOptions options,
      Connection c,
      Set<String> owners,
      Map<String, String> env,
      PrintWriter err,
      Optional<java.nio.file.Path> memoryDir)
      throws InterruptedException {
    if (!options.enabled()) {
      err.println(
          "lock: --lock none: writing without the account lock; nothing stops a concurrent apply"
              + " from duplicating or pruning what this one writes");
      err.flush();
      return new LockGuard(Optional.empty());
    }
    io.chatform.lock.LockSettings settings = options.settings(c, owners, env, err);
    io.chatform.lock.LeaseMemory memory =
        memoryDir
            .map(
                d ->
                    io.chatform.lock.LeaseMemory.file(
                        d, c.target().apiUrl(), c.target().account(), settings.ownerClientId()))
            .orElse(io.chatform.lock.LeaseMemory.NONE);
    AccountLock lock =
        new AccountLock(
            c.client(),
            settings,
            Holder.current(env),
            Clock.systemUTC(),
            line -> {
              synchronized (err) {
                err.println(line);
                err.flush();
              }
            },
            memory);
    return new LockGuard(Optional.of(lock.acquire(options.timeout())));
  }

  /**
   * The held lease, for callers that need {@link Lease#lastApplyEnded()}; empty with --lock none.
   */
  Optional<Lease> lease() {
    return lease;
  }

  /** Runs the writes; a shutdown hook releases the lease only once they are over. */
  <T> T whileWriting(Supplier<T> writes) {
    synchronized (this) {
      if (shuttingDown) {
        throw new UserException("interrupted before the first write; nothing was changed");
      }
      writing = true;
    }
    try {
      return writes.get();
    } finally {
      // The release records that this run wrote, so a writer elsewhere waits for it to show.
      lease.ifPresent(l -> l.noteWrite(java.time.Instant.now()));
      writing = false;
      writesDone.countDown();
    }
  }

  private void onShutdown() {
    boolean wait;
    synchronized (this) {
      shuttingDown = true;
      wait = writing;
    }
    if (wait) {
      try {
        writesDone.await(125, TimeUnit.SECONDS); // the apply's own hook waits up to 120 s
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    lease.ifPresent(Lease::close);
  }

  @Override
  public void close() {
    lease.ifPresent(Lease::close);
    if (hook != null) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // the hook is running and finds the lease released
      }
    }
  }
}
