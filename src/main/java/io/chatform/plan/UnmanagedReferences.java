package io.chatform.plan;

import io.chatform.kinds.Kinds;
import io.chatform.kinds.LiveObject;
import io.chatform.kinds.LiveState;
import io.chatform.model.DesiredState;
import io.chatform.model.Escapes;
import io.chatform.model.Kind;
import io.chatform.model.Reference;
import io.chatform.model.Resource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Names of objects in a section the manifests do not manage (an agent's groups when there is no
 * {@code groups:} section, a property value's definition when there is no {@code properties:}) must
 * be live: validation cannot know them, and an apply would otherwise write everything before it and
 * then fail on the object naming a group the account lacks. Checked against the live objects of
 * that kind read as unmanaged ({@link LiveState#unmanaged}: with the managed ones, to name them); a
 * kind that was not read (its API version lacks it) is not checked. Sections the manifests manage
 * are checked by validation, renames included.
 */
final class UnmanagedReferences {
  private UnmanagedReferences() {}

  static List<String> refusals(DesiredState desired, LiveState live, Predicate<String> ignored) {
    List<String> out = new ArrayList<>();
    for (Kind kind : desired.sections().keySet()) {
      for (Reference r : Kinds.of(kind).references()) {
        Kind target = Kind.fromSection(r.section()).orElseThrow();
        if (desired.sections().containsKey(target) || !live.unmanaged().containsKey(target)) {
          continue;
        }
        Set<String> existing = new HashSet<>(Kinds.of(target).implicitIdentities());
        live.unmanaged().get(target).stream().map(LiveObject::identity).forEach(existing::add);
        for (Resource res : desired.section(kind).orElseThrow()) {
          if (ignored.test(res.rawAddress())) {
            continue;
          }
          for (Map.Entry<String, String> n : named(r, res).entrySet()) {
            String name = n.getKey();
            if (!name.isEmpty() && !existing.contains(name) && !name.startsWith("#")) {
              out.add(
                  res.address()
                      + " ("
                      + res.location()
                      + "): "
                      + r.noun()
                      + " '"
                      + Escapes.line(n.getValue())
                      + "' does not exist in the account, and the manifests do not manage "
                      + r.section()
                      + ": create it in LiveChat first, or declare it in a "
                      + r.section()
                      + " section (one created by hand moments ago can take up to 2 minutes to"
                      + " be listed: plan again then)");
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * The names {@code res} gives through {@code r}, each with how a message may show it: itself, or
   * for one that came from {@code ${env:…}}/{@code ${file:…}} the reference text (never the value).
   */
  private static Map<String, String> named(Reference r, Resource res) {
    Map<String, String> out = new LinkedHashMap<>();
    if (r.paths().size() == 1) {
      for (Reference.Named n : r.occurrences(res.spec())) {
        if (n.node().isTextual()) {
          out.putIfAbsent(n.node().asText(), shown(res, List.of(n.pointer()), n.node().asText()));
        }
      }
    } else {
      for (String name : r.names(res.spec())) {
        out.putIfAbsent(name, shown(res, r.paths(), name));
      }
    }
    return out;
  }

  private static String shown(Resource res, List<String> pointers, String name) {
    return pointers.stream()
        .map(res.sensitive()::get)
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .map(ref -> "(the value of " + ref + ")")
        .orElse(name);
  }
}
