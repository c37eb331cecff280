package io.chatform.repair;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.kinds.RepairStep;
import io.chatform.model.Json;
import io.chatform.plan.Target;
import java.util.List;

/**
 * A reviewable repair of duplicates: per duplicate set, the explanation (ids, references, why the
 * keeper) and the exact calls, as text for people and JSON for {@code --out}/{@code --json}. A
 * saved repair is applied only if a fresh read of the account proposes exactly the same.
 */
public record RepairPlan(Target target, List<DuplicateSet> duplicates) {
  public RepairPlan {
    duplicates = List.copyOf(duplicates);
  }

  public boolean hasChanges() {
    return duplicates.stream().anyMatch(d -> !d.steps().isEmpty());
  }

  public int stepCount() {
    return duplicates.stream().mapToInt(d -> d.steps().size()).sum();
  }

  /** The text form, one block per duplicate set. */
  public String text() {
    if (duplicates.isEmpty()) {
      return "No duplicates: every live object has an identity of its own.\n";
    }
    StringBuilder sb = new StringBuilder();
    for (DuplicateSet d : duplicates) {
      sb.append(d.address())
          .append(": ")
          .append(d.extraIds().size() + 1)
          .append(" live ")
          .append(d.kind().section())
          .append(" share this identity (ids ")
          .append(d.keeperId());
      d.extraIds().forEach(id -> sb.append(", ").append(id));
      sb.append(")\n");
      d.explanation().forEach(l -> sb.append("    ").append(l).append('\n'));
      d.steps().forEach(s -> sb.append("  ").append(symbol(s)).append(' ').append(s).append('\n'));
      sb.append('\n');
    }
    sb.append("Repair: ")
        .append(stepCount())
        .append(" step(s) for ")
        .append(duplicates.size())
        .append(" duplicate set(s). Afterwards, chatform plan shows what still differs from the")
        .append(" manifests.\n");
    return sb.toString();
  }

  private static char symbol(RepairStep s) {
    return s.method().startsWith("delete") || s.method().startsWith("unregister") ? '-' : '~';
  }

  /** The JSON form ({@code "kind": "repair"}), also what {@code --out} saves. */
  public ObjectNode json() {
    ObjectNode root = Json.object();
    root.put("format_version", 1);
    root.put("kind", "repair");
    ObjectNode t = root.putObject("target");
    t.put("api_url", target.apiUrl())
        .put("account", target.account())
        .put("api_version", target.apiVersion());
    root.set("duplicates", duplicatesJson());
    return root;
  }

  /** Just the proposal, for comparing a saved repair with a fresh one. */
  public ArrayNode duplicatesJson() {
    ArrayNode all = Json.array();
    for (DuplicateSet d : duplicates) {
      ObjectNode o = all.addObject();
      o.put("kind", d.kind().section());
      o.put("address", d.address());
      o.put("keeper_id", d.keeperId());
      ArrayNode extras = o.putArray("extra_ids");
      d.extraIds().forEach(extras::add);
      ArrayNode why = o.putArray("explanation");
      d.explanation().forEach(why::add);
      ArrayNode steps = o.putArray("steps");
      for (RepairStep s : d.steps()) {
        steps
            .addObject()
            .put("description", s.description())
            .put("method", s.method())
            .set("body", s.body());
      }
    }
    return all;
  }

  /** True when {@code saved} (a repair saved with --out) proposes exactly this repair. */
  public boolean sameAs(JsonNode saved) {
    try {
      // Through text, as the saved file was: 4 read back is an int node, never a long one.
      return saved.path("duplicates").equals(Json.MAPPER.readTree(duplicatesJson().toString()));
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
