package io.chatform.apply;

import io.chatform.model.Kind;
import java.time.Instant;
import java.util.Optional;

/**
 * One write to an account that its lists may not show yet (the API: "configurations … will have
 * action in system after max 2 minutes").
 *
 * @param kind the kind written; empty for {@link Op#ANY}
 * @param id the live id ({@code LiveObject.liveId}); empty for unknown creates and {@link Op#ANY}
 * @param identity the object's identity without its id (name, url…), where known
 */
public record RecentWrite(Instant at, Optional<Kind> kind, Op op, String id, String identity) {
  /** What the write did. */
  public enum Op {
    /** A create was about to be sent; resolved by a later CREATED or NOT_CREATED. */
    STARTED,
    CREATED,
    /** The create failed and nothing was created (resolves STARTED). */
    NOT_CREATED,
    DELETED,
    /** A create whose answer was lost: the object may or may not exist. */
    CREATE_UNKNOWN,
    /** Something was written then, details unknown (e.g. a lease's "last apply ended at"). */
    ANY
  }

  /** As messages name it: "groups id 5 (Support)". */
  public String describe() {
    String what = kind.map(Kind::section).orElse("the account");
    String which = !id.isEmpty() ? " id " + id : "";
    String name = !identity.isEmpty() && !identity.equals(id) ? " (" + identity + ")" : "";
    return what + which + name;
  }
}
