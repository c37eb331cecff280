package io.chatform.lock;

import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A held account lease: renewed in the background every TTL/3 (each renewal registers the next
 * generation, so a takeover and a renewal can never both succeed), released by registering a free
 * generation. Closing never throws: a lease that cannot be released expires after its TTL.
 */
public final class Lease implements AutoCloseable {
  private final AccountLock lock;
  private final Optional<Instant> lastApplyEnded;
  private final Optional<LeaseRecord> previous;
  private Instant lastWrite;
  private final ScheduledExecutorService renewer;
  private LeaseRecord current;
  private boolean lost;
  private boolean released;

  Lease(
      AccountLock lock,
      LeaseRecord first,
      Optional<Instant> lastApplyEnded,
      Optional<LeaseRecord> previous) {
    this.lock = lock;
    this.current = first;
    this.lastApplyEnded = lastApplyEnded;
    this.previous = previous;
    this.renewer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "chatform-lease-renewer");
              t.setDaemon(true);
              return t;
            });
    long every = Math.max(1, lock.settings().renewEvery().toMillis());
    renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * When the apply before this one ended its writes (from the free record it left, or the expiry of
   * the stale lease taken over); empty when the account was never locked before.
   */
  public Optional<Instant> lastApplyEnded() {
    return lastApplyEnded;
  }

  /**
   * The newest generation seen before this lease was taken (who held it last, whether its apply
   * wrote, and when: {@link LeaseRecord#possibleWrite()}); empty when never locked before.
   */
  public Optional<LeaseRecord> previous() {
    return previous;
  }

  /** This apply run's id, as its lease records name it ({@code nonce}). */
  public String run() {
    return lock.nonce();
  }

  /**
   * Notes a write at {@code at} (or an earlier apply's writes not yet waited out), so the release
   * records that the next writer may have to wait for it; the latest time wins.
   */
  public synchronized void noteWrite(Instant at) {
    if (lastWrite == null || at.isAfter(lastWrite)) {
      lastWrite = at;
    }
  }

  /** The generation currently held. */
  public synchronized LeaseRecord current() {
    return current;
  }

  /** True once another writer took the lease over (this process failed to renew in time). */
  public synchronized boolean lost() {
    return lost;
  }

  synchronized void renew() {
    if (released || lost) {
      return;
    }
    Instant now = lock.clock().instant();
    LeaseRecord next =
        LeaseRecord.held(
            current.generation() + 1,
            lock.me(),
            lock.nonce(),
            now,
            now.plus(lock.settings().ttl()));
    try {
      if (lock.register(next)) {
        current = next;
      } else {
        lost = true;
        lock.log()
            .accept(
                "lock: WARNING the account lease was taken over by another writer (generation "
                    + next.generation()
                    + "): this apply's lease had expired; check the account with chatform plan");
      }
    } catch (RuntimeException e) {
      // Try again at the next tick; the TTL leaves room for two more attempts.
      lock.log().accept("lock: could not renew the account lease (will retry): " + e.getMessage());
    }
  }

  /** Releases the lease (idempotent); problems are logged, never thrown. */
  @Override
  public void close() {
    // Not shutdownNow(): interrupting a renewal mid-call could leave its generation registered
    // unbeknown to us, and the release would then collide with our own renewal (already_exists)
    // and leave the lease held until its TTL. shutdown() lets an in-flight renewal finish (its
    // outcome known) and cancels the later ones.
    renewer.shutdown();
    try {
      renewer.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (this) {
      if (released) {
        return;
      }
      released = true;
      if (lost) {
        return;
      }
      LeaseRecord free =
          LeaseRecord.released(
              current.generation() + 1,
              lock.me(),
              lock.nonce(),
              lock.clock().instant(),
              Optional.ofNullable(lastWrite));
      try {
        if (!lock.register(free)) {
          lock.log()
              .accept(
                  "lock: WARNING the account lease had been taken over before release"
                      + " (generation "
                      + free.generation()
                      + " exists)");
        }
      } catch (RuntimeException e) {
        lock.log()
            .accept(
                "lock: could not release the account lease ("
                    + e.getMessage()
                    + "); it expires at "
                    + current.expires()
                    + ", or run chatform unlock --force");
      }
    }
  }
}
