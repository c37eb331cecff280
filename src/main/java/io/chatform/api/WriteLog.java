package io.chatform.api;

import io.chatform.model.Kind;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Every create and delete this client made, as it happens: the create probes use the deletes (a
 * create that follows a delete of the same identity must find a different live id before it counts
 * as done), and a write journal listens to persist them for reruns. Deletes of earlier runs can be
 * seeded from that journal. Holds ids and identities only, never a secret.
 */
public final class WriteLog {
  /** What one write did. */
  public enum Op {
    /** A create is about to be sent (so a process killed while it is in flight leaves a trace). */
    STARTED,
    CREATED,
    /** The create failed and the API said no: nothing was created. */
    NOT_CREATED,
    DELETED,
    /** A create whose answer was lost and not resolved: the object may or may not exist. */
    CREATE_UNKNOWN
  }

  /**
   * One write.
   *
   * @param id the live id (as {@code LiveObject.liveId}); empty for {@link Op#CREATE_UNKNOWN}
   * @param identity what identifies the object without its id (name, owner/name, url…)
   */
  public record Entry(Instant at, Kind kind, Op op, String id, String identity) {}

  /** Hears about every write (e.g. the journal). */
  public interface Listener {
    void written(Entry entry);
  }

  private final Clock clock;
  private final Set<String> deleted = ConcurrentHashMap.newKeySet();
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();

  WriteLog(Clock clock) {
    this.clock = clock;
  }

  public void listen(Listener l) {
    listeners.add(l);
  }

  /** Marks an id as deleted by an earlier run (from a journal), so probes never count it. */
  public void seedDeleted(Kind kind, String id) {
    deleted.add(key(kind, id));
  }

  /** True when this run (or a seeded earlier one) deleted the object with this id. */
  public boolean wasDeleted(Kind kind, String id) {
    return deleted.contains(key(kind, id));
  }

  void started(Kind kind, String identity) {
    emit(new Entry(clock.instant(), kind, Op.STARTED, "", identity));
  }

  void notCreated(Kind kind, String identity) {
    emit(new Entry(clock.instant(), kind, Op.NOT_CREATED, "", identity));
  }

  void created(Kind kind, String id, String identity) {
    emit(new Entry(clock.instant(), kind, Op.CREATED, id, identity));
  }

  void deleted(Kind kind, String id, String identity) {
    deleted.add(key(kind, id));
    emit(new Entry(clock.instant(), kind, Op.DELETED, id, identity));
  }

  void createUnknown(Kind kind, String identity) {
    emit(new Entry(clock.instant(), kind, Op.CREATE_UNKNOWN, "", identity));
  }

  private void emit(Entry e) {
    for (Listener l : listeners) {
      l.written(e);
    }
  }

  private static String key(Kind kind, String id) {
    return kind.name() + "\u0000" + id;
  }
}
