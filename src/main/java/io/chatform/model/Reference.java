package io.chatform.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A spec of one kind naming objects of another ("names groups", "names a property definition"): the
 * one fact manifest validation checks and the plan orders by (the target is created first).
 *
 * @param section the section of the objects named
 * @param noun one object of that section in messages, e.g. {@code group}
 * @param paths where a spec names them: one JSON pointer ({@code *} = each element of a list), or
 *     several whose values together make one identity (joined with {@code /})
 * @param tie what the target's deletion means for the referrer
 * @param unique true when a spec may name each target only once
 * @param keyDepth 0 when the name is written in the spec; n when a map-shaped section writes it as
 *     the key n levels above the object's value
 */
public record Reference(
    String section, String noun, List<String> paths, Tie tie, boolean unique, int keyDepth) {
  public Reference {
    paths = List.copyOf(paths);
  }

  /** A property value's definition: {@code namespace/name} (the namespace is the owner). */
  public static final Reference DEFINITION =
      new Reference("properties", "property", List.of("/namespace", "/name"), Tie.VALUE, false, 0);

  /** Groups named by name at {@code path} ({@code *} for every element). */
  public static Reference groups(String path, boolean unique, int keyDepth) {
    return new Reference("groups", "group", List.of(path), Tie.MEMBER, unique, keyDepth);
  }

  /** How a referrer hangs on its target. */
  public enum Tie {
    /** A member: every change of it (moving it off the target) comes before the target goes. */
    MEMBER,
    /**
     * Held inside the target: its deletion comes before the target is deleted or replaced, and a
     * replaced target loses it. Checked with the value against its definition.
     */
    VALUE
  }

  /** One place a spec names a target. */
  public record Named(String pointer, JsonNode node) {}

  /** Where a one-path reference names its targets, in the order written. */
  public List<Named> occurrences(JsonNode spec) {
    List<Named> out = new ArrayList<>();
    walk(spec, paths.get(0).substring(1).split("/"), 0, "", out);
    return out;
  }

  /** The identities a spec names, in the order written. */
  public List<String> names(JsonNode spec) {
    if (paths.size() == 1) {
      return occurrences(spec).stream().map(n -> n.node().asText()).toList();
    }
    return List.of(paths.stream().map(p -> text(spec.at(p))).collect(Collectors.joining("/")));
  }

  private static void walk(JsonNode node, String[] segs, int i, String at, List<Named> out) {
    if (i == segs.length) {
      out.add(new Named(at, node));
    } else if (segs[i].equals("*")) {
      if (node.isArray()) {
        for (int k = 0; k < node.size(); k++) {
          walk(node.get(k), segs, i + 1, at + "/" + k, out);
        }
      }
    } else {
      walk(node.path(segs[i]), segs, i + 1, at + "/" + segs[i], out);
    }
  }

  private static String text(JsonNode v) {
    return v.isMissingNode() || v.isNull() ? "" : v.asText();
  }
}
