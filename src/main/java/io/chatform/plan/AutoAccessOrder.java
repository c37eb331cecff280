package io.chatform.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Plans the fewest moves that turn the live order of auto access rules into the desired one: the
 * rules on a longest increasing subsequence (by desired position) stay; every other rule is placed
 * directly in front of its desired successor. Applied back to front (each placement after its
 * successor's), the list ends exactly in the desired order.
 */
final class AutoAccessOrder {
  private AutoAccessOrder() {}

  /**
   * Returns the rules (by description) that keep their place. {@code live} is the live order of the
   * rules that will survive (any subset of {@code desired}, in chain order).
   */
  static Set<String> stable(List<String> desired, List<String> live) {
    Map<String, Integer> pos =
        desired.stream()
            .collect(
                Collectors.toMap(
                    Function.identity(), desired::indexOf, (a, b) -> a, java.util.HashMap::new));
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

  /** Applies placements to a list the way the API does (for tests and verification). */
  static List<String> simulate(List<String> live, List<String[]> placements) {
    List<String> list = new ArrayList<>(live);
    for (String[] p : placements) {
      list.remove(p[0]);
      int at = p[1].isEmpty() ? list.size() : list.indexOf(p[1]);
      list.add(at < 0 ? list.size() : at, p[0]);
    }
    return list;
  }

  static String describe(String[] placement) {
    return Arrays.toString(placement);
  }
}
