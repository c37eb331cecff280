package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Json;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;

/**
 * Turns a live snapshot into one manifest document that plans "No changes." against the same
 * account: implicit things (group 0, the owner, General membership) and volatile or output-only
 * fields (login status, empty values) are left out, and secrets the API never returns become an
 * {@code ${env:…}} reference.
 */
public final class Exporter {
  /** The environment variable exported webhooks read their secret from. */
  public static final String SECRET_ENV = "LC_WEBHOOK_SECRET";

  private Exporter() {}

  /**
   * The document, its sections in registry order; what a kind always protects quietly (group 0, the
   * owner) and values that exist only as their definition's default go without saying. Within a
   * section, objects are sorted by identity (the order the API lists them in is not documented, so
   * exporting the same account twice gives the same file, and a re-export diffs only what changed),
   * except where the list order is itself configuration ({@link
   * ResourceKind#exportKeepsListOrder}).
   */
  public static ObjectNode document(LiveState live) {
    ObjectNode doc = Json.object().put("version", 1);
    for (ResourceKind k : Kinds.all()) {
      if (live.has(k.kind())) {
        List<LiveObject> kept =
            live.of(k.kind()).stream()
                .filter(o -> !o.apiDefault())
                .filter(o -> !unnamed(o))
                .filter(
                    o ->
                        !k.protection(o, live.callerAgentId()).map(Protection::quiet).orElse(false))
                .sorted(
                    k.exportKeepsListOrder()
                        ? (a, b) -> 0
                        : Comparator.comparing(LiveObject::identity))
                .toList();
        k.export(doc, kept);
      }
    }
    return doc;
  }

  /**
   * Objects an export leaves out because a manifest cannot name them: an identity field is empty
   * (an auto access rule made without a description). Each as its kind and live id.
   */
  public static List<String> unnamed(LiveState live) {
    List<String> out = new java.util.ArrayList<>();
    for (ResourceKind k : Kinds.all()) {
      if (live.has(k.kind())) {
        live.of(k.kind()).stream()
            .filter(Exporter::unnamed)
            .forEach(o -> out.add(k.section() + " (id " + o.liveId() + ")"));
      }
    }
    return out;
  }

  private static boolean unnamed(LiveObject o) {
    return o.kind().identityIncomplete(o.spec());
  }

  /** The object {@code name} under {@code parent}, added when missing. */
  static ObjectNode child(ObjectNode parent, String name) {
    JsonNode existing = parent.get(name);
    return existing instanceof ObjectNode o ? o : parent.putObject(name);
  }

  /** Drops volatile fields and empty values, which a manifest would only repeat as noise. */
  static ObjectNode clean(ObjectNode spec) {
    ObjectNode copy = spec.deepCopy();
    prune(copy, true);
    return copy;
  }

  /**
   * Removes empty strings, lists and objects, depth first (a top-level {@code groups: []} stays).
   */
  private static void prune(ObjectNode node, boolean top) {
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      JsonNode v = node.get(f);
      if (v instanceof ObjectNode o) {
        prune(o, false);
      }
      boolean empty =
          v.isNull()
              || (v.isTextual() && v.asText().isEmpty())
              || (v.isContainerNode() && v.isEmpty());
      if (empty && !(top && f.equals("groups"))) {
        it.remove();
      }
    }
  }
}
