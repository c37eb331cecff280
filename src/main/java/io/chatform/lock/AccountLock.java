package io.chatform.lock;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.api.ErrorType;
import io.chatform.api.LiveChatClient;
import io.chatform.api.LiveChatException;
import io.chatform.model.Json;
import io.chatform.model.LeaseNames;
import io.chatform.model.UserFacingException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The advisory account lock (see docs/locking.md): a chain of private property definitions named
 * {@code chatform_lease_<n>} owned by one Client ID. Taking, renewing, releasing and taking over
 * all mean registering generation n+1, which the API accepts for exactly one caller (the others get
 * {@code already_exists}), so holdership never depends on a list that may lag.
 */
public final class AccountLock {
  /** Superseded generations are deleted only once their successor is this old (≫ 2 minutes). */
  static final Duration CLEANUP_AGE = Duration.ofMinutes(10);

  /**
   * How long a generation that the API says exists may take to show in lists: the documented delay
   * ("after max 2 minutes"). Until it shows, nobody can tell whether it holds or frees the lease.
   */
  static final Duration VISIBILITY = Duration.ofMinutes(2);

  private final LiveChatClient client;
  private final LockSettings settings;
  private final Holder me;
  private final Clock clock;
  private final Consumer<String> log;
  private final String nonce = java.util.UUID.randomUUID().toString();
  private final LeaseMemory memory;

  public AccountLock(
      LiveChatClient client, LockSettings settings, Holder me, Clock clock, Consumer<String> log) {
    this(client, settings, me, clock, log, LeaseMemory.NONE);
  }

  /**
   * @param memory what this machine last wrote to the lease chain, which lagging lists may not show
   *     yet (a rerun right after an apply on the same machine)
   */
  public AccountLock(
      LiveChatClient client,
      LockSettings settings,
      Holder me,
      Clock clock,
      Consumer<String> log,
      LeaseMemory memory) {
    this.memory = memory;
    this.client = client;
    this.settings = settings;
    this.me = me;
    this.clock = clock;
    this.log = log;
  }

  /** What the account's lease looks like now (as far as a possibly lagging list shows). */
  public LeaseView read() {
    Map<String, ObjectNode> defs;
    try {
      defs = client.listProperties(settings.ownerClientId());
    } catch (LiveChatException e) {
      throw unusable("list_properties", e);
    }
    TreeMap<Long, LeaseRecord> gens = new TreeMap<>();
    defs.forEach(
        (name, def) ->
            LeaseNames.generation(name)
                .ifPresent(g -> gens.put(g, LeaseRecord.decode(g, Json.text(def, "description")))));
    // A generation this machine registered is a fact even while the list does not show it.
    memory
        .last(clock.instant())
        .filter(r -> gens.isEmpty() || r.generation() > gens.lastKey())
        .ifPresent(r -> gens.put(r.generation(), r));
    return new LeaseView(gens, clock.instant());
  }

  /**
   * Takes the lease, waiting up to {@code timeout} while another writer holds it.
   *
   * @throws LockHeldException when another writer still holds it after {@code timeout}
   */
  public Lease acquire(Duration timeout) throws InterruptedException {
    Instant deadline = clock.instant().plus(timeout);
    boolean announced = false;
    while (true) {
      LeaseView view = read();
      Instant now = view.readAt();
      if (view.free()) {
        LeaseRecord mine =
            LeaseRecord.held(view.nextGeneration(), me, nonce, now, now.plus(settings.ttl()));
        if (register(mine)) {
          view.latest()
              .filter(r -> r.held())
              .ifPresent(r -> log.accept("lock: took over a stale lease (" + r.describe() + ")"));
          cleanup(view);
          return new Lease(
              this, mine, view.lastApplyEnded().filter(t -> !t.equals(Instant.MAX)), view.latest());
        }
        // Someone registered that generation first: re-read until it shows, then decide again.
        awaitVisible(view.nextGeneration(), deadline);
        if (!clock.instant().isBefore(deadline)
            && read().nextGeneration() <= view.nextGeneration()) {
          throw new LockHeldException(
              "another writer took the lease a moment ago (lease generation "
                  + view.nextGeneration()
                  + ", not listed yet)",
              settings);
        }
        continue;
      }
      LeaseRecord holder = view.latest().orElseThrow();
      if (!now.isBefore(deadline)) {
        throw new LockHeldException(holder.describe(), settings);
      }
      if (!announced) {
        log.accept(
            "lock: waiting up to "
                + Duration.between(now, deadline).toSeconds()
                + "s for the account lock, "
                + holder.describe());
        announced = true;
      }
      sleepUntil(deadline);
    }
  }

  /**
   * Frees the lease whoever holds it ({@code unlock --force}), recording who forced it.
   *
   * @return the view before the release, so the caller can show whom it unlocked
   */
  public LeaseView forceUnlock() {
    LeaseView view = read();
    Instant now = clock.instant();
    String was = view.latest().map(LeaseRecord::describe).orElse("never taken");
    LeaseRecord free =
        LeaseRecord.free(
            view.nextGeneration(),
            me,
            nonce,
            now,
            java.util.Optional.of("forced by unlock --force; was " + was));
    if (!register(free)) {
      throw new UserFacingException(
          "unlock --force: the lease changed while unlocking (generation "
              + view.nextGeneration()
              + " was just taken); run chatform unlock --force again to see the new holder");
    }
    return view;
  }

  /** Registers one generation: true if this call created it, false if it already existed. */
  boolean register(LeaseRecord record) {
    String name = LeaseNames.of(record.generation());
    ObjectNode body =
        Json.object()
            .put("name", name)
            .put("owner_client_id", settings.ownerClientId())
            .put("type", "string")
            .put("description", record.encode());
    body.putObject("access").putObject("license").putArray("agent").add("read");
    for (int attempt = 0; attempt < 3; attempt++) {
      try {
        client.call("register_property", body);
        memory.wrote(record);
        return true;
      } catch (LiveChatException e) {
        if (e.type() == ErrorType.ALREADY_EXISTS) {
          // After a lost answer, our own earlier attempt may be what exists: look at the nonce.
          if (attempt > 0 && ownedByMe(name, Duration.ofSeconds(30))) {
            memory.wrote(record);
            return true;
          }
          return false;
        }
        if (!e.outcomeUnknown()) {
          throw unusable("register_property", e);
        }
        if (ownedByMe(name, settings.resolveWait())) {
          memory.wrote(record);
          return true;
        }
      }
    }
    throw new UserFacingException(
        "cannot tell whether the account lock lease "
            + name
            + " was taken (the API's answers were lost three times); nothing was written. If it"
            + " was, it expires after --lock-ttl; retry later or run chatform unlock --force");
  }

  private boolean ownedByMe(String name, Duration wait) {
    Instant until = clock.instant().plus(wait);
    while (true) {
      ObjectNode def = client.listProperties(settings.ownerClientId()).get(name);
      if (def != null) {
        long g = LeaseNames.generation(name).orElseThrow();
        return LeaseRecord.decode(g, Json.text(def, "description")).nonce().equals(nonce);
      }
      if (!clock.instant().isBefore(until)) {
        return false;
      }
      sleepQuietly(Duration.ofMillis(250));
    }
  }

  private void awaitVisible(long generation, Instant deadline) throws InterruptedException {
    // The API says the generation exists; whether it holds or frees the lease shows only once the
    // list catches up (at most the documented delay), whatever --lock-timeout says.
    Instant until = clock.instant().plus(VISIBILITY);
    if (deadline.isAfter(until)) {
      until = deadline;
    }
    while (read().nextGeneration() <= generation && clock.instant().isBefore(until)) {
      Thread.sleep(200);
    }
  }

  private void sleepUntil(Instant deadline) throws InterruptedException {
    long ms =
        Math.min(
            settings.poll().toMillis(), Duration.between(clock.instant(), deadline).toMillis());
    Thread.sleep(Math.max(50, ms));
  }

  /**
   * Deletes generations superseded long ago. A name may be reused only when no reader can still see
   * it as the newest: its successor must be older than {@link #CLEANUP_AGE}, far beyond the
   * documented 2-minute delay, and the two newest generations are always kept.
   */
  void cleanup(LeaseView view) {
    Instant cutoff = clock.instant().minus(CLEANUP_AGE);
    long keepFrom = view.nextGeneration() - 2;
    for (Map.Entry<Long, LeaseRecord> e : view.generations().entrySet()) {
      LeaseRecord successor = view.generations().get(e.getKey() + 1);
      if (e.getKey() < keepFrom && successor != null && successor.since().isBefore(cutoff)) {
        try {
          // Like register_property above, a lease record is the lock's own API call, outside the
          // journal: no manifest manages lease definitions, and a stale list showing an old
          // generation is what the lock's own reading already allows for (CLEANUP_AGE).
          client.call(
              "unregister_property",
              Json.object()
                  .put("name", LeaseNames.of(e.getKey()))
                  .put("owner_client_id", settings.ownerClientId()));
        } catch (LiveChatException ignored) {
          return; // best effort: an old generation left behind costs nothing but a definition
        }
      }
    }
  }

  LockSettings settings() {
    return settings;
  }

  Holder me() {
    return me;
  }

  String nonce() {
    return nonce;
  }

  Clock clock() {
    return clock;
  }

  Consumer<String> log() {
    return log;
  }

  private UserFacingException unusable(String method, LiveChatException e) {
    return new UserFacingException(
        "cannot use the account lock: "
            + method
            + " for Client ID "
            + settings.ownerClientId()
            + " failed ("
            + e.getMessage()
            + "). The lock is a private property of that Client ID: pass --lock-client-id with a"
            + " Client ID your credentials may register properties for, or --lock none to apply"
            + " without the lock (unsafe if anyone else writes to this account)",
        e);
  }

  private static void sleepQuietly(Duration d) {
    try {
      Thread.sleep(d.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UserFacingException("interrupted while checking the account lock");
    }
  }
}
