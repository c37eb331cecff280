package io.chatform.route;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a saved plan ({@code plan --out}, {@code schemas/plan.schema.json}) changes, by address, so
 * the report can highlight it on the routing map: new, changed, moved or deleted.
 */
public record PlanMarks(Map<String, String> byAddress, List<String> deleted) {
  public static final PlanMarks NONE = new PlanMarks(Map.of(), List.of());

  public PlanMarks {
    byAddress = Map.copyOf(byAddress);
    deleted = List.copyOf(deleted);
  }

  /** Reads the plan's {@code actions}: create → new, update/replace → changed, move, delete. */
  public static PlanMarks of(JsonNode plan) {
    Map<String, String> marks = new LinkedHashMap<>();
    List<String> deleted = new ArrayList<>();
    for (JsonNode a : plan.path("actions")) {
      String address = a.path("address").asText();
      String mark =
          switch (a.path("type").asText()) {
            case "create" -> "new";
            case "delete" -> "deleted";
            case "move" -> "moved";
            default -> "changed";
          };
      // a rule both updated and moved shows as changed: the bigger news
      marks.merge(address, mark, (old, neu) -> old.equals("changed") ? old : neu);
      if (mark.equals("deleted")) {
        deleted.add(address);
      }
    }
    return new PlanMarks(marks, deleted);
  }

  /** The mark of an address, or empty text when the plan leaves it alone. */
  public String of(String address) {
    return byAddress.getOrDefault(address, "");
  }
}
