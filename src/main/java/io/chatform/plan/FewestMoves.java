package io.chatform.plan;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fewest moves that turn the live order of auto access rules into the desired one: the rules on
 * a longest increasing subsequence (by desired position) stay, and only the others are placed
 * ({@link OrderPlanner} decides where and in which order).
 */
final class FewestMoves {
  private FewestMoves() {}

  /**
   * Returns the rules (by description) that keep their place. {@code live} is the live order of the
   * rules that will survive (any subset of {@code desired}, in chain order).
   */
  static Set<String> stable(List<String> desired, List<String> live) {
    Map<String, Integer> pos = new HashMap<>();
    for (int i = 0; i < desired.size(); i++) {
      pos.putIfAbsent(desired.get(i), i);
    }
    List<String> seq = live.stream().filter(pos::containsKey).toList();
    int n = seq.size();
    int[] tails = new int[n]; // index into seq of the smallest tail for each length
    int[] prev = new int[n];
    int len = 0;
    for (int i = 0; i < n; i++) {
      int p = pos.get(seq.get(i));
      int lo = 0;
      int hi = len;
      while (lo < hi) {
        int mid = (lo + hi) >>> 1;
        if (pos.get(seq.get(tails[mid])) < p) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      prev[i] = lo > 0 ? tails[lo - 1] : -1;
      tails[lo] = i;
      if (lo == len) {
        len++;
      }
    }
    Set<String> keep = new HashSet<>();
    for (int i = len > 0 ? tails[len - 1] : -1; i >= 0; i = prev[i]) {
      keep.add(seq.get(i));
    }
    return keep;
  }
}
