package io.chatform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Kind;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Splits one section of one file into {@link Item}s: list sections give one item per element,
 * map-shaped sections (property values, license webhooks) one item per value.
 */
final class SectionReader {
  private SectionReader() {}

  static void read(
      Kind kind,
      JsonNode section,
      String ptr,
      PositionIndex index,
      Map<String, String> sensitive,
      java.util.Set<String> unresolved,
      List<Item> out) {
    switch (kind) {
      case LICENSE_PROPERTIES -> {
        forEachField(
            section,
            ptr,
            (ns, nsPtr, names) ->
                forEachField(
                    names,
                    nsPtr,
                    (name, valuePtr, value) -> {
                      if (value.isValueNode() && !value.isNull()) {
                        ObjectNode spec = obj();
                        spec.put("namespace", ns).put("name", name).set("value", value);
                        out.add(
                            mapItem(kind, spec, valuePtr, "/value", index, sensitive, unresolved));
                      }
                    }));
      }
      case GROUP_PROPERTIES -> {
        forEachField(
            section,
            ptr,
            (group, groupPtr, namespaces) ->
                forEachField(
                    namespaces,
                    groupPtr,
                    (ns, nsPtr, names) ->
                        forEachField(
                            names,
                            nsPtr,
                            (name, valuePtr, value) -> {
                              if (value.isValueNode() && !value.isNull()) {
                                ObjectNode spec = obj();
                                spec.put("group", group).put("namespace", ns).put("name", name);
                                spec.set("value", value);
                                out.add(
                                    mapItem(
                                        kind,
                                        spec,
                                        valuePtr,
                                        "/value",
                                        index,
                                        sensitive,
                                        unresolved));
                              }
                            })));
      }
      case LICENSE_WEBHOOKS -> {
        forEachField(
            section,
            ptr,
            (clientId, valuePtr, value) -> {
              String state = value.asText();
              if (value.isTextual() && (state.equals("enabled") || state.equals("disabled"))) {
                ObjectNode spec = obj();
                spec.put("owner_client_id", clientId).put("enabled", state.equals("enabled"));
                out.add(mapItem(kind, spec, valuePtr, "/enabled", index, sensitive, unresolved));
              }
            });
      }
      default -> {
        if (!section.isArray()) {
          return;
        }
        for (int i = 0; i < section.size(); i++) {
          JsonNode scalar = section.get(i);
          if (scalar.isTextual() && kind.scalarField().isPresent()) { // allowed_domains: [a.com]
            ObjectNode spec = obj().put(kind.scalarField().get(), scalar.asText());
            String at = PositionIndex.child(ptr, i);
            out.add(
                mapItem(
                    kind, spec, at, "/" + kind.scalarField().get(), index, sensitive, unresolved));
            continue;
          }
          if (section.get(i) instanceof ObjectNode element) {
            String itemPtr = PositionIndex.child(ptr, i);
            Map<String, String> secrets = new HashMap<>();
            sensitive.forEach(
                (p, ref) -> {
                  if (p.startsWith(itemPtr + "/")) {
                    secrets.put(p.substring(itemPtr.length()), ref);
                  }
                });
            java.util.Set<String> open = new java.util.HashSet<>();
            unresolved.stream()
                .filter(p -> p.startsWith(itemPtr + "/"))
                .forEach(p -> open.add(p.substring(itemPtr.length())));
            ObjectNode spec = element.deepCopy();
            Defaults.apply(kind, spec);
            out.add(new Item(kind, spec, index.value(itemPtr), itemPtr, index, secrets, open));
          }
        }
      }
    }
  }

  /** A map-shaped item: located at its key, the spec field {@code field} holds the value. */
  private static Item mapItem(
      Kind kind,
      ObjectNode spec,
      String valuePtr,
      String field,
      PositionIndex index,
      Map<String, String> sensitive,
      java.util.Set<String> unresolvedNow) {
    Map<String, String> secrets = new HashMap<>();
    if (sensitive.containsKey(valuePtr)) {
      secrets.put(field, sensitive.get(valuePtr));
    }
    // A map-shaped value with an unresolved reference: its field is not known offline.
    java.util.Set<String> open =
        unresolvedNow.contains(valuePtr) ? java.util.Set.of(field) : java.util.Set.of();
    // Item pointers are relative to the value; field "" is the value itself.
    return new Item(kind, spec, index.key(valuePtr), valuePtr, index, secrets, open);
  }

  private interface FieldVisitor {
    void visit(String key, String ptr, JsonNode value);
  }

  private static void forEachField(JsonNode node, String ptr, FieldVisitor visitor) {
    if (!(node instanceof ObjectNode obj)) {
      return;
    }
    Iterator<Map.Entry<String, JsonNode>> it = obj.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      visitor.visit(e.getKey(), PositionIndex.child(ptr, e.getKey()), e.getValue());
    }
  }

  private static ObjectNode obj() {
    return JsonNodeFactory.instance.objectNode();
  }
}
