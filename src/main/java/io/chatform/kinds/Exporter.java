package io.chatform.kinds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Kind;
import java.util.Iterator;
import java.util.Set;

/**
 * Turns a live snapshot into one manifest document that plans "No changes." against the same
 * account: implicit things (group 0, the owner, General membership) and volatile or output-only
 * fields (login status, empty values) are left out, and secrets the API never returns become an
 * {@code ${env:…}} reference.
 */
public final class Exporter {
  /** The environment variable exported webhooks read their secret from. */
  public static final String SECRET_ENV = "LC_WEBHOOK_SECRET";

  /** Agent fields that change by themselves (an agent going online) and would only make drift. */
  private static final Set<String> VOLATILE = Set.of("login_status");

  private Exporter() {}

  public static ObjectNode document(LiveState live) {
    ObjectNode doc = Json.object().put("version", 1);
    if (live.has(Kind.GROUPS)) {
      ArrayNode groups = doc.putArray("groups");
      live.of(Kind.GROUPS).stream()
          .filter(g -> !"0".equals(g.liveId()))
          .forEach(g -> groups.add(clean(g.spec())));
    }
    if (live.has(Kind.AGENTS)) {
      ArrayNode agents = doc.putArray("agents");
      for (LiveObject a : live.of(Kind.AGENTS)) {
        if (!"owner".equals(Json.text(a.spec(), "role"))) {
          agents.add(withoutGeneral(clean(a.spec())));
        }
      }
    }
    section(doc, live, Kind.BOTS, true);
    section(doc, live, Kind.AUTO_ACCESS, false);
    section(doc, live, Kind.PROPERTIES, false);
    if (live.has(Kind.LICENSE_PROPERTIES)) {
      ObjectNode values = doc.putObject("license_properties");
      for (LiveObject v :
          live.of(Kind.LICENSE_PROPERTIES).stream().filter(v -> !v.apiDefault()).toList()) {
        ns(values, Json.text(v.spec(), "namespace"))
            .set(Json.text(v.spec(), "name"), v.spec().get("value"));
      }
    }
    if (live.has(Kind.GROUP_PROPERTIES)) {
      ObjectNode values = doc.putObject("group_properties");
      for (LiveObject v :
          live.of(Kind.GROUP_PROPERTIES).stream().filter(v -> !v.apiDefault()).toList()) {
        ObjectNode group = ns(values, Json.text(v.spec(), "group"));
        ns(group, Json.text(v.spec(), "namespace"))
            .set(Json.text(v.spec(), "name"), v.spec().get("value"));
      }
    }
    if (live.has(Kind.WEBHOOKS)) {
      ArrayNode hooks = doc.putArray("webhooks");
      for (LiveObject w : live.of(Kind.WEBHOOKS)) {
        ObjectNode spec = clean(w.spec());
        spec.put("secret_key", "${env:" + SECRET_ENV + "}");
        hooks.add(spec);
      }
    }
    if (live.has(Kind.LICENSE_WEBHOOKS)) {
      ObjectNode states = doc.putObject("license_webhooks");
      for (LiveObject s : live.of(Kind.LICENSE_WEBHOOKS)) {
        states.put(
            Json.text(s.spec(), "owner_client_id"),
            s.spec().path("enabled").asBoolean() ? "enabled" : "disabled");
      }
    }
    return doc;
  }

  private static void section(ObjectNode doc, LiveState live, Kind kind, boolean members) {
    if (!live.has(kind)) {
      return;
    }
    ArrayNode out = doc.putArray(kind.section());
    for (LiveObject o : live.of(kind)) {
      ObjectNode spec = clean(o.spec());
      out.add(members ? withoutGeneral(spec) : spec);
    }
  }

  private static ObjectNode ns(ObjectNode parent, String name) {
    JsonNode existing = parent.get(name);
    return existing instanceof ObjectNode o ? o : parent.putObject(name);
  }

  /** Drops volatile fields and empty values, which a manifest would only repeat as noise. */
  private static ObjectNode clean(ObjectNode spec) {
    ObjectNode copy = spec.deepCopy();
    VOLATILE.forEach(copy::remove);
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

  /** Everyone is in General with priority normal: that membership goes without saying. */
  private static ObjectNode withoutGeneral(ObjectNode spec) {
    JsonNode groups = spec.get("groups");
    if (groups != null && groups.isArray()) {
      ArrayNode kept = Json.array();
      for (JsonNode g : groups) {
        boolean implicit =
            Membership.GENERAL.equals(g.path("group").asText())
                && "normal".equals(g.path("priority").asText("normal"));
        if (!implicit) {
          kept.add(g);
        }
      }
      spec.set("groups", kept);
    }
    return spec;
  }
}
