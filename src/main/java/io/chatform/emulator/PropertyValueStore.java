package io.chatform.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * License and group property values, namespaced by the owning Client ID ({@code ns → name →
 * value}); kept apart from the definitions so unregistering can drop a property's values everywhere
 * in one call.
 */
final class PropertyValueStore {
  private final Map<String, Map<String, JsonNode>> license = new TreeMap<>();
  private final Map<Long, Map<String, Map<String, JsonNode>>> groups = new TreeMap<>();

  void putLicense(String ns, String name, JsonNode value) {
    put(license, ns, name, value);
  }

  void removeLicense(String ns, String name) {
    remove(license, ns, name);
  }

  /** {@code {ns:{name:value}}} filtered by namespace and name prefix. */
  ObjectNode license(Optional<String> namespace, Optional<String> namePrefix) {
    return view(license, namespace, namePrefix);
  }

  void putGroup(long groupId, String ns, String name, JsonNode value) {
    put(groups.computeIfAbsent(groupId, g -> new TreeMap<>()), ns, name, value);
  }

  void removeGroup(long groupId, String ns, String name) {
    Map<String, Map<String, JsonNode>> values = groups.get(groupId);
    if (values != null) {
      remove(values, ns, name);
      if (values.isEmpty()) {
        groups.remove(groupId);
      }
    }
  }

  ObjectNode group(long groupId, Optional<String> namespace, Optional<String> namePrefix) {
    return view(groups.getOrDefault(groupId, Map.of()), namespace, namePrefix);
  }

  /** Ids of the groups holding at least one value, ascending. */
  List<Long> groupsWithValues() {
    return List.copyOf(groups.keySet());
  }

  /** Forgets every value of one property (it was unregistered). */
  void dropProperty(String ns, String name) {
    remove(license, ns, name);
    for (Long g : Set.copyOf(groups.keySet())) {
      removeGroup(g, ns, name);
    }
  }

  void clear() {
    license.clear();
    groups.clear();
  }

  void writeState(ObjectNode into) {
    into.set("license", view(license, Optional.empty(), Optional.empty()));
    ObjectNode g = into.putObject("groups");
    groups.forEach(
        (id, values) -> g.set(Long.toString(id), view(values, Optional.empty(), Optional.empty())));
  }

  void readState(JsonNode from) {
    clear();
    read(from.path("license"), license);
    Iterator<Map.Entry<String, JsonNode>> it = from.path("groups").fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      read(e.getValue(), groups.computeIfAbsent(Long.parseLong(e.getKey()), g -> new TreeMap<>()));
    }
  }

  private static void read(JsonNode json, Map<String, Map<String, JsonNode>> into) {
    Iterator<Map.Entry<String, JsonNode>> namespaces = json.fields();
    while (namespaces.hasNext()) {
      Map.Entry<String, JsonNode> ns = namespaces.next();
      Iterator<Map.Entry<String, JsonNode>> names = ns.getValue().fields();
      while (names.hasNext()) {
        Map.Entry<String, JsonNode> v = names.next();
        put(into, ns.getKey(), v.getKey(), v.getValue());
      }
    }
  }

  private static void put(
      Map<String, Map<String, JsonNode>> values, String ns, String name, JsonNode value) {
    values.computeIfAbsent(ns, n -> new TreeMap<>()).put(name, value.deepCopy());
  }

  private static void remove(Map<String, Map<String, JsonNode>> values, String ns, String name) {
    Map<String, JsonNode> names = values.get(ns);
    if (names != null) {
      names.remove(name);
      if (names.isEmpty()) {
        values.remove(ns);
      }
    }
  }

  private static ObjectNode view(
      Map<String, Map<String, JsonNode>> values,
      Optional<String> namespace,
      Optional<String> namePrefix) {
    ObjectNode out = BodyFields.JSON.objectNode();
    values.forEach(
        (ns, names) -> {
          if (namespace.isPresent() && !namespace.get().equals(ns)) {
            return;
          }
          ObjectNode nsOut = BodyFields.JSON.objectNode();
          names.forEach(
              (name, value) -> {
                if (namePrefix.isEmpty() || name.startsWith(namePrefix.get())) {
                  nsOut.set(name, value.deepCopy());
                }
              });
          if (!nsOut.isEmpty()) {
            out.set(ns, nsOut);
          }
        });
    return out;
  }
}
