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
    if (io.chatform.kinds.Kinds.of(kind).mapForm().isPresent()) {
      readMap(
          kind,
          io.chatform.kinds.Kinds.of(kind).mapForm().get(),
          section,
          ptr,
          List.of(),
          index,
          sensitive,
          unresolved,
          out);
      return;
    }
    if (!section.isArray()) {
      return;
    }
    // Each secret and unresolved pointer is assigned to its element once (not one scan of all
    // of them per element, which was quadratic in a section of thousands of agents).
    Map<Integer, Map<String, String>> secretsOf = new HashMap<>();
    sensitive.forEach(
        (p, ref) ->
            inElement(
                ptr,
                p,
                (i, rest) -> secretsOf.computeIfAbsent(i, k -> new HashMap<>()).put(rest, ref)));
    Map<Integer, java.util.Set<String>> openOf = new HashMap<>();
    unresolved.forEach(
        p ->
            inElement(
                ptr,
                p,
                (i, rest) -> openOf.computeIfAbsent(i, k -> new java.util.HashSet<>()).add(rest)));
    for (int i = 0; i < section.size(); i++) {
      JsonNode scalar = section.get(i);
      if (scalar.isTextual()
          && io.chatform.kinds.Kinds.of(kind)
              .scalarField()
              .isPresent()) { // allowed_domains: [a.com]
        String field = io.chatform.kinds.Kinds.of(kind).scalarField().get();
        ObjectNode spec = obj().put(field, scalar.asText());
        String at = PositionIndex.child(ptr, i);
        out.add(mapItem(kind, spec, at, "/" + field, index, sensitive, unresolved));
        continue;
      }
      if (section.get(i) instanceof ObjectNode element) {
        String itemPtr = PositionIndex.child(ptr, i);
        Map<String, String> secrets = secretsOf.getOrDefault(i, new HashMap<>());
        java.util.Set<String> open = openOf.getOrDefault(i, new java.util.HashSet<>());
        ObjectNode spec = element.deepCopy();
        Defaults.apply(kind, spec);
        out.add(new Item(kind, spec, index.value(itemPtr), itemPtr, index, secrets, open));
      }
    }
  }

  /**
   * A map-shaped section ({@link Kind#mapForm()}): nested maps keyed by the identity fields in
   * order, {@code keys} the keys above {@code node}; each leaf that is a value becomes one item.
   */
  private static void readMap(
      Kind kind,
      Kind.MapForm form,
      JsonNode node,
      String ptr,
      List<String> keys,
      PositionIndex index,
      Map<String, String> sensitive,
      java.util.Set<String> unresolved,
      List<Item> out) {
    List<String> fields = kind.identityFields();
    if (keys.size() < fields.size()) {
      forEachField(
          node,
          ptr,
          (key, keyPtr, value) -> {
            List<String> deeper = new java.util.ArrayList<>(keys);
            deeper.add(key);
            readMap(kind, form, value, keyPtr, deeper, index, sensitive, unresolved, out);
          });
      return;
    }
    form.value()
        .apply(node)
        .ifPresent(
            value -> {
              ObjectNode spec = obj();
              for (int i = 0; i < fields.size(); i++) {
                spec.put(fields.get(i), keys.get(i));
              }
              spec.set(form.valueField(), value);
              out.add(
                  mapItem(kind, spec, ptr, "/" + form.valueField(), index, sensitive, unresolved));
            });
  }

  /**
   * When {@code pointer} lies inside an element of the list at {@code listPtr} ({@code
   * listPtr/<i>/rest}), gives the element's index and the pointer inside it ({@code /rest}).
   */
  private static void inElement(
      String listPtr, String pointer, java.util.function.BiConsumer<Integer, String> to) {
    int start = listPtr.length() + 1;
    if (!pointer.startsWith(listPtr)
        || pointer.length() <= start
        || pointer.charAt(start - 1) != '/') {
      return;
    }
    int slash = pointer.indexOf('/', start);
    if (slash <= start) {
      return;
    }
    String segment = pointer.substring(start, slash);
    if (!segment.chars().allMatch(Character::isDigit) || segment.length() > 9) {
      return;
    }
    int i = Integer.parseInt(segment);
    if (String.valueOf(i).equals(segment)) {
      to.accept(i, pointer.substring(slash));
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
