package io.chatform.manifest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.chatform.model.Kind;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * The manifests as one document after variables and overlays, before secrets are resolved (so
 * references print as written, never their values): what {@code validate --print-merged} shows and
 * what golden tests compare. It is itself a manifest that loads to the same objects.
 */
final class MergedManifest {
  private static final YAMLMapper YAML =
      new YAMLMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .build());

  private MergedManifest() {}

  /** Base files in load order (overlays merged in), {@code removed} as {@code file|pointer}. */
  static String yaml(List<ParsedFile> bases, Set<String> removed) {
    ObjectNode out = ManifestLoader.object();
    out.put("version", 1);
    List<ObjectNode> roots = new ArrayList<>();
    for (ParsedFile b : bases) {
      ObjectNode copy = (ObjectNode) b.root().orElseThrow().deepCopy();
      drop(copy, b.display(), removed);
      roots.add(copy);
    }
    List<String> order = new ArrayList<>(List.of("policy"));
    for (Kind k : Kind.values()) {
      order.add(k.section());
    }
    order.add("tests");
    for (String key : order) {
      for (ObjectNode root : roots) {
        JsonNode v = root.get(key);
        if (v != null) {
          combine(out, key, v);
        }
      }
    }
    try {
      return YAML.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always prints as YAML", e);
    }
  }

  /** Removes this file's removed objects (list elements from the last, so indexes hold). */
  private static void drop(ObjectNode root, String file, Set<String> removed) {
    List<String> ptrs =
        removed.stream()
            .filter(r -> r.startsWith(file + "|"))
            .map(r -> r.substring(file.length() + 1))
            .sorted(Comparator.comparing(MergedManifest::lastIndex).reversed())
            .toList();
    for (String ptr : ptrs) {
      JsonNode parent = root.at(PositionIndex.parent(ptr));
      String last = PositionIndex.unescape(ptr.substring(ptr.lastIndexOf('/') + 1));
      if (parent instanceof ArrayNode a) {
        a.remove(Integer.parseInt(last));
      } else if (parent instanceof ObjectNode o) {
        o.remove(last);
      }
    }
  }

  private static int lastIndex(String ptr) {
    String last = ptr.substring(ptr.lastIndexOf('/') + 1);
    return last.matches("\\d+") ? Integer.parseInt(last) : -1;
  }

  /** The same section in several files: lists concatenate, mappings merge (as loading does). */
  private static void combine(ObjectNode out, String key, JsonNode v) {
    JsonNode have = out.get(key);
    if (have == null) {
      out.set(key, v);
    } else if (have instanceof ArrayNode a && v.isArray()) {
      a.addAll((ArrayNode) v);
    } else if (have instanceof ObjectNode o && v instanceof ObjectNode m) {
      m.fields().forEachRemaining(e -> combine(o, e.getKey(), e.getValue()));
    }
  }
}
