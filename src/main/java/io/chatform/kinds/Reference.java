package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.function.Function;

/**
 * A spec of one kind naming objects of another ("names groups", "names a property definition"): the
 * one fact validation checks and the plan orders by (the target is created first).
 *
 * @param section the section of the objects named
 * @param names the identities a spec names, in the order written
 * @param tie what the target's deletion means for the referrer
 */
public record Reference(String section, Function<JsonNode, List<String>> names, Tie tie) {
  /** How a referrer hangs on its target. */
  public enum Tie {
    /** A member: every change of it (moving it off the target) comes before the target goes. */
    MEMBER,
    /**
     * Held inside the target: its deletion comes before the target is deleted or replaced, and a
     * replaced target loses it.
     */
    VALUE
  }
}
