package io.chatform.kinds;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Which of several duplicates to keep: the one the account references most; among equals, the first
 * by a fixed per-kind rule. The reason is kept so the repair plan shows it.
 */
public record Keeper(ObjectNode keeper, String reason) {
  public static Keeper choose(
      List<ObjectNode> same,
      ToIntFunction<ObjectNode> references,
      Comparator<ObjectNode> tieBreak,
      String tieRule) {
    int most = same.stream().mapToInt(references).max().orElse(0);
    List<ObjectNode> top =
        same.stream().filter(o -> references.applyAsInt(o) == most).sorted(tieBreak).toList();
    ObjectNode keeper = top.get(0);
    String reason =
        top.size() == 1
            ? "referenced most (" + most + " reference(s))"
            : (most == 0 ? "no references decide; " : "tie at " + most + " reference(s); ")
                + "kept by rule: "
                + tieRule;
    return new Keeper(keeper, reason);
  }
}
