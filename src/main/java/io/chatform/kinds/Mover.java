package io.chatform.kinds;

/** A kind whose objects are ordered in the account: the plan moves them into place. */
public interface Mover {
  /** Moves the object in front of {@code before} ("" = to the end). */
  void move(WriteContext ctx, String liveId, String before);
}
