package io.chatform.manifest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A limit on how many objects one app (Client ID) may have, e.g. 5 bot templates: the first object
 * over it is reported, with the positions of those before it.
 */
final class PerAppLimit {
  private PerAppLimit() {}

  static void check(SemanticCheck check, List<Item> items, int max, String noun) {
    Map<String, List<Item>> perApp = new HashMap<>();
    for (Item i : items) {
      List<Item> same =
          perApp.computeIfAbsent(i.text("owner_client_id").orElse(""), k -> new ArrayList<>());
      same.add(i);
      if (same.size() == max + 1) {
        check.report(
            i,
            "",
            "more than "
                + max
                + " "
                + noun
                + " for Client ID "
                + i.shownText("/owner_client_id")
                + " (others at "
                + same.subList(0, max).stream()
                    .map(o -> o.location().toString())
                    .collect(Collectors.joining(", "))
                + ")",
            "the API allows at most " + max + " " + noun + " per Client ID");
      }
    }
  }
}
