package io.chatform.apply;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.api.BatchResult;
import io.chatform.api.LiveChatException;
import io.chatform.kinds.Batchable;
import io.chatform.kinds.Creator;
import io.chatform.kinds.Deleter;
import io.chatform.kinds.Kinds;
import io.chatform.kinds.Mover;
import io.chatform.kinds.Updater;
import io.chatform.kinds.WriteContext;
import io.chatform.model.ApiVersion;
import io.chatform.plan.Action;
import io.chatform.plan.ActionType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs plan actions through the kinds' abilities and the API client. */
public final class ClientRunner implements ActionRunner {
  private final WriteContext ctx;

  public ClientRunner(WriteContext ctx) {
    this.ctx = ctx;
  }

  /**
   * A rule the plan renames keeps its id, so rules placed in front of it may name it by its new
   * description before its own update has run.
   */
  @Override
  public void starting(io.chatform.plan.Plan plan) {
    for (Action a : plan.actions()) {
      if (a.renamedFrom().isPresent() && Kinds.of(a.kind()) instanceof Mover) {
        if (a instanceof Action.Update u) {
          ctx.renaming(u.kind().identity(u.spec()), u.objectId());
        } else if (a instanceof Action.Replace r) {
          ctx.renaming(r.kind().identity(r.spec()), r.objectId());
        } // only an update or a replace changes the rename field
      }
    }
  }

  @Override
  public void run(Action a) {
    // Java 17 has no pattern switch: one branch per record of the sealed Action.
    if (a instanceof Action.Create c) {
      able(c, Creator.class).create(ctx, c.spec(), c.moveBefore());
    } else if (a instanceof Action.Update u) {
      able(u, Updater.class).update(ctx, u.objectId(), u.spec(), u.current(), u.moveBefore());
    } else if (a instanceof Action.Replace r) {
      replace(able(r, Deleter.class), able(r, Creator.class), r);
    } else if (a instanceof Action.Delete d) {
      able(d, Deleter.class).delete(ctx, d.objectId(), d.current());
    } else if (a instanceof Action.Move m) {
      able(m, Mover.class).move(ctx, m.objectId(), m.before());
    }
  }

  /** The ability the action needs; a plan (or a saved plan) asking for another is a bug. */
  private static <T> T able(Action a, Class<T> ability) {
    return Kinds.ability(a.kind(), ability)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    a.id() + ": " + a.kind().section() + " cannot " + a.type().verb()));
  }

  /**
   * Delete, then create, with each half's failure told apart: when the create fails the old object
   * is already gone, and the report must say so.
   */
  private void replace(Deleter d, Creator c, Action.Replace a) {
    String id = a.objectId();
    try {
      d.delete(ctx, id, a.current());
    } catch (RuntimeException e) {
      throw ReplaceHalfFailed.delete(id, e, errorType(e), outcomeUnknown(e));
    }
    try {
      c.create(ctx, a.spec(), Optional.empty());
    } catch (RuntimeException e) {
      throw ReplaceHalfFailed.create(id, e, errorType(e), outcomeUnknown(e));
    }
  }

  @Override
  public Optional<String> batchGroup(Action a) {
    if (!ctx.version().atLeast(ApiVersion.V3_5)
        || a.type() == ActionType.MOVE
        || a.type() == ActionType.REPLACE) {
      return Optional.empty();
    }
    return Kinds.ability(a.kind(), Batchable.class).flatMap(b -> b.batchMethod(a.type().verb()));
  }

  @Override
  public int batchSize() {
    return ctx.client().config().batchSize();
  }

  @Override
  public List<Optional<Exception>> runBatch(List<Action> actions) {
    Action first = actions.get(0);
    Batchable w = able(first, Batchable.class);
    String verb = first.type().verb();
    String method = w.batchMethod(verb).orElseThrow();
    List<ObjectNode> bodies = new ArrayList<>();
    for (Action a : actions) {
      bodies.add(
          w.request(
              ctx, verb, a.liveId().orElse(null), a.desired().orElse(null), a.live().orElse(null)));
    }
    List<BatchResult> results = ctx.client().batch(first.kind(), method, bodies, w.singleCreate());
    List<Optional<Exception>> out = new ArrayList<>();
    for (BatchResult r : results) {
      out.add(r instanceof BatchResult.Failure f ? Optional.of(f.error()) : Optional.empty());
    }
    return out;
  }

  @Override
  public boolean outcomeUnknown(Exception e) {
    if (e instanceof ReplaceHalfFailed r) {
      return r.outcomeUnknown();
    }
    return e instanceof LiveChatException lce && lce.outcomeUnknown();
  }

  @Override
  public String errorType(Exception e) {
    if (e instanceof ReplaceHalfFailed r) {
      return r.errorType();
    }
    if (e instanceof LiveChatException lce) {
      return lce.wireType();
    }
    return ActionRunner.super.errorType(e);
  }
}
