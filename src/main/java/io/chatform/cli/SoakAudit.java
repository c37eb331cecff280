package io.chatform.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The soak's judge: reads an emulated account's own state (not its lagging lists) and counts, by
 * address, copies beyond one (duplicates), declared objects missing (losses), and report lines that
 * contradict the account (wrong reports: "done" with the object absent, "failed" create with it
 * present, a failed replace that does not say which half the account is in).
 */
public final class SoakAudit {
  private static final Set<String> OBJECT_KINDS =
      Set.of("groups", "agents", "bots", "auto_access", "webhooks", "properties");

  private SoakAudit() {}

  /** Address → live ids with that identity (the lock's lease records are not objects). */
  public static Map<String, List<String>> objects(ObjectNode s) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    s.path("groups").path("groups").forEach(g -> add(out, "groups/" + g.path("name").asText(), g));
    s.path("agents").path("agents").forEach(a -> add(out, "agents/" + a.path("id").asText(), a));
    s.path("bots")
        .path("bots")
        .forEach(
            b ->
                add(
                    out,
                    "bots/" + b.path("owner_client_id").asText() + "/" + b.path("name").asText(),
                    b));
    s.path("auto_access")
        .path("rules")
        .forEach(r -> add(out, "auto_access/" + r.path("description").asText(), r));
    s.path("webhooks")
        .path("webhooks")
        .forEach(
            w ->
                add(
                    out,
                    String.join(
                        "/",
                        "webhooks",
                        w.path("owner_client_id").asText(),
                        w.path("type").asText(),
                        w.path("action").asText(),
                        w.path("url").asText()),
                    w));
    s.path("properties")
        .path("definitions")
        .forEach(
            d -> {
              if (io.chatform.model.LeaseNames.isLease(d.path("name").asText())) {
                return; // the account lock's bookkeeping (docs/locking.md)
              }
              String id = d.path("owner_client_id").asText() + "/" + d.path("name").asText();
              out.computeIfAbsent("properties/" + id, k -> new ArrayList<>()).add(id);
            });
    return out;
  }

  private static void add(Map<String, List<String>> out, String address, JsonNode o) {
    out.computeIfAbsent(address, k -> new ArrayList<>()).add(o.path("id").asText());
  }

  static long duplicates(Map<String, List<String>> objects) {
    return objects.values().stream().mapToLong(ids -> Math.max(0, ids.size() - 1)).sum();
  }

  static long losses(Map<String, List<String>> objects, List<String> declared) {
    return declared.stream().filter(a -> !objects.containsKey(a)).count();
  }

  /** Report lines (apply --json's {@code report}) that contradict the account. */
  static List<String> wrongReports(JsonNode report, Map<String, List<String>> objects) {
    List<String> wrong = new ArrayList<>();
    for (JsonNode r : report.path("results")) {
      String address = r.path("address").asText();
      if (!OBJECT_KINDS.contains(address.substring(0, Math.max(0, address.indexOf('/'))))) {
        continue;
      }
      String type = r.path("type").asText();
      String outcome = r.path("outcome").asText();
      String message = r.path("message").asText();
      boolean there = objects.containsKey(address);
      boolean ok =
          switch (outcome) {
            case "done" -> there == !type.equals("delete");
            case "failed" ->
                switch (type) {
                  case "create" -> !there;
                  case "replace" -> message.contains(there ? "is unchanged" : "already deleted");
                  default -> true;
                };
            case "unknown" -> !message.isBlank();
            default -> true;
          };
      if (!ok) {
        wrong.add(
            address
                + " "
                + type
                + " reported "
                + outcome
                + " but it is "
                + (there ? "there" : "absent"));
      }
    }
    return wrong;
  }
}
