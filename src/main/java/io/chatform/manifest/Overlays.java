package io.chatform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Merges overlay files (a top-level {@code overlay: true}) into the other files, the base: an
 * overlay entry changes the base object with the same identity (a JSON merge patch, RFC 7386:
 * mappings merge, {@code null} deletes a field, anything else replaces), {@code remove:} lists the
 * addresses of base objects to drop. Merged values keep the overlay's positions, so later checks
 * point at the file the value came from. An overlay never adds an object (a typo in an identity
 * would otherwise create one): additions go in ordinary files.
 */
final class Overlays {
  static final String MARKER = "overlay";
  static final String REMOVE = "remove";
  private static final Set<String> TOP = Set.of("version", MARKER, REMOVE);
  private static final String ADD_HINT =
      "an overlay changes only objects the base defines, found by identity; to add an object,"
          + " write it in a file without overlay: true";

  private final List<ParsedFile> bases;
  private final List<Diagnostic> out;
  private final Set<String> removed = new LinkedHashSet<>();

  private Overlays(List<ParsedFile> bases, List<Diagnostic> out) {
    this.bases = bases;
    this.out = out;
  }

  /** A base object an overlay entry changes: its file and pointer. */
  private record Target(ParsedFile file, String ptr) {}

  /**
   * Merges every overlay among {@code files}, in order, into the others' trees; returns the objects
   * removed, each as {@code file|pointer} of the object (or map value) in its base file.
   */
  static Set<String> apply(List<ParsedFile> files, List<Diagnostic> out) {
    List<ParsedFile> overlays = files.stream().filter(ParsedFile::overlay).toList();
    if (overlays.isEmpty()) {
      return Set.of();
    }
    List<ParsedFile> bases =
        files.stream().filter(f -> f.root().isPresent() && !f.overlay()).toList();
    Overlays o = new Overlays(bases, out);
    overlays.forEach(o::merge);
    Map<String, List<String>> objects = o.baseObjects();
    overlays.forEach(ov -> o.removals(ov, objects));
    return o.removed;
  }

  /**
   * The one place overlays name an object, for entries and base objects alike: its address ({@code
   * <section>/<identity>}, as {@code remove:} and policies write it).
   */
  private static String address(Kind kind, JsonNode spec) {
    return kind.address(spec);
  }

  private void merge(ParsedFile ov) {
    ObjectNode root = (ObjectNode) ov.root().orElseThrow();
    JsonNode marker = root.get(MARKER);
    if (!marker.isBoolean() || !marker.asBoolean()) {
      report(ov, "/" + MARKER, false, "overlay: takes true", "write overlay: true, or remove it");
      return;
    }
    JsonNode version = root.get("version");
    if (!version.isInt() || version.asInt() != 1) {
      report(ov, "/version", false, "version must be 1", "write version: 1");
    }
    List<String> names = new ArrayList<>();
    root.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      if (TOP.contains(name)) {
        continue;
      }
      Kind kind = Kind.fromSection(name).orElse(null);
      if (kind == null) {
        report(
            ov,
            PositionIndex.child("", name),
            true,
            name + " cannot appear in an overlay",
            "an overlay holds version, overlay: true, remove: and sections; write policy, tests"
                + " and x- keys in a file without overlay: true");
      } else {
        section(kind, ov, name, root.get(name));
      }
    }
  }

  private void section(Kind kind, ParsedFile ov, String name, JsonNode value) {
    String ptr = PositionIndex.child("", name);
    List<ParsedFile> same =
        bases.stream()
            .filter(b -> b.root().get().path(name).getNodeType() == value.getNodeType())
            .toList();
    if (!value.isArray() && !value.isObject()) {
      report(
          ov,
          ptr,
          false,
          name + " in an overlay is written as in the base (a list or a mapping)",
          "");
    } else if (same.isEmpty()) {
      report(ov, ptr, true, "no base file has a " + name + " section written like this", ADD_HINT);
    } else if (value.isObject()) {
      mergeMap(same, ptr, (ObjectNode) value, ov);
    } else {
      Map<String, Target> byAddress = new LinkedHashMap<>();
      for (ParsedFile b : same) {
        JsonNode list = b.root().get().get(name);
        for (int i = 0; i < list.size(); i++) {
          if (list.get(i).isObject()) {
            byAddress.putIfAbsent(
                address(kind, list.get(i)), new Target(b, PositionIndex.child(ptr, i)));
          }
        }
      }
      for (int i = 0; i < value.size(); i++) {
        String at = PositionIndex.child(ptr, i);
        if (!(value.get(i) instanceof ObjectNode entry)) {
          report(
              ov,
              at,
              false,
              "an overlay entry is a mapping",
              "write the object's identity fields and the fields to change");
          continue;
        }
        String a = address(kind, entry);
        Target t = byAddress.get(a);
        if (t == null) {
          String hint =
              Suggestions.closest(a, byAddress.keySet())
                  .map(c -> "did you mean '" + c + "'? " + ADD_HINT)
                  .orElse(ADD_HINT);
          report(ov, at, false, "changes " + a + ", which no base file defines", hint);
        } else {
          mergeObject(
              t.file(), t.ptr(), (ObjectNode) t.file().root().get().at(t.ptr()), ov, at, entry);
        }
      }
    }
  }

  /** RFC 7386 onto one base object. */
  private void mergeObject(
      ParsedFile b, String bptr, ObjectNode base, ParsedFile ov, String optr, ObjectNode patch) {
    List<String> names = new ArrayList<>();
    patch.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      String cb = PositionIndex.child(bptr, name);
      String co = PositionIndex.child(optr, name);
      JsonNode v = patch.get(name);
      JsonNode old = base.get(name);
      if (v.isNull()) {
        base.remove(name);
        forget(b, cb);
      } else if (v instanceof ObjectNode p && old instanceof ObjectNode o) {
        mergeObject(b, cb, o, ov, co, p);
      } else {
        replace(b, base, name, cb, ov, co, v);
      }
    }
  }

  /** Map-shaped sections: every key must exist in some base file; leaves are replaced. */
  private void mergeMap(List<ParsedFile> holders, String ptr, ObjectNode patch, ParsedFile ov) {
    List<String> names = new ArrayList<>();
    patch.fieldNames().forEachRemaining(names::add);
    for (String name : names) {
      String child = PositionIndex.child(ptr, name);
      JsonNode v = patch.get(name);
      List<ParsedFile> has =
          holders.stream().filter(b -> b.root().get().at(ptr).has(name)).toList();
      List<ParsedFile> maps =
          has.stream().filter(b -> b.root().get().at(child).isObject()).toList();
      if (has.isEmpty()) {
        Set<String> keys = new TreeSet<>();
        holders.forEach(b -> b.root().get().at(ptr).fieldNames().forEachRemaining(keys::add));
        String hint =
            Suggestions.closest(name, keys)
                .map(c -> "did you mean '" + c + "'? " + ADD_HINT)
                .orElse(ADD_HINT);
        report(
            ov, child, true, "no base file defines this key, so there is nothing to change", hint);
      } else if (v instanceof ObjectNode p && !maps.isEmpty()) {
        mergeMap(maps, child, p, ov);
      } else {
        ParsedFile b = has.get(0);
        replace(b, (ObjectNode) b.root().get().at(ptr), name, child, ov, child, v);
      }
    }
  }

  private static void replace(
      ParsedFile b,
      ObjectNode parent,
      String name,
      String cb,
      ParsedFile ov,
      String co,
      JsonNode v) {
    if (v.equals(parent.get(name))
        && ov.oddNumbers().keySet().stream().noneMatch(p -> PositionIndex.within(p, co))) {
      return; // the same value (an identity field, say): it stays located in the base
    }
    parent.set(name, v.deepCopy());
    forget(b, cb);
    b.index().copyTree(ov.index(), co, cb);
    ov.oddNumbers()
        .forEach(
            (p, text) -> {
              if (PositionIndex.within(p, co)) {
                b.oddNumbers().put(cb + p.substring(co.length()), text);
              }
            });
    ov.failedVars().stream()
        .filter(p -> PositionIndex.within(p, co))
        .forEach(p -> b.failedVars().add(cb + p.substring(co.length())));
  }

  private static void forget(ParsedFile b, String ptr) {
    b.index().removeTree(ptr);
    b.oddNumbers().keySet().removeIf(p -> PositionIndex.within(p, ptr));
    b.failedVars().removeIf(p -> PositionIndex.within(p, ptr));
  }

  /** Address → {@code file|pointer} of every object of the (merged) base. */
  private Map<String, List<String>> baseObjects() {
    Map<String, List<String>> objects = new LinkedHashMap<>();
    for (ParsedFile b : bases) {
      List<Item> items = new ArrayList<>();
      b.root()
          .get()
          .fields()
          .forEachRemaining(
              e ->
                  Kind.fromSection(e.getKey())
                      .ifPresent(
                          k ->
                              SectionReader.read(
                                  k,
                                  e.getValue(),
                                  PositionIndex.child("", e.getKey()),
                                  b.index(),
                                  Map.of(),
                                  Set.of(),
                                  items)));
      for (Item i : items) {
        objects
            .computeIfAbsent(address(i.kind(), i.spec()), a -> new ArrayList<>())
            .add(b.display() + "|" + i.ptr());
      }
    }
    return objects;
  }

  private void removals(ParsedFile ov, Map<String, List<String>> objects) {
    JsonNode list = ov.root().get().get(REMOVE);
    if (list == null) {
      return;
    }
    String ptr = "/" + REMOVE;
    if (!list.isArray()) {
      report(
          ov,
          ptr,
          false,
          "remove: takes a list of addresses",
          "e.g. remove: [groups/Sales, agents/jane@acme.example]");
      return;
    }
    for (int i = 0; i < list.size(); i++) {
      String at = PositionIndex.child(ptr, i);
      JsonNode a = list.get(i);
      List<String> found = a.isTextual() ? objects.get(a.asText()) : null;
      if (!a.isTextual()) {
        report(ov, at, false, "an address is text such as groups/Sales", "");
      } else if (found == null) {
        String hint =
            Suggestions.closest(a.asText(), objects.keySet())
                .map(c -> "did you mean '" + c + "'?")
                .orElse("an address is <section>/<identity>, e.g. groups/Sales");
        report(ov, at, false, "removes " + a.asText() + ", which no base file defines", hint);
      } else {
        removed.addAll(found);
      }
    }
  }

  private void report(ParsedFile f, String ptr, boolean atKey, String message, String hint) {
    out.add(
        new Diagnostic(
            atKey ? f.index().key(ptr) : f.index().value(ptr),
            f.index().display(ptr),
            message,
            hint));
  }
}
