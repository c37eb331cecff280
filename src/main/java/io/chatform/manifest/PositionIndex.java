package io.chatform.manifest;

import io.chatform.model.SourceLocation;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each node of one YAML file was written, keyed by JSON pointer, so that problems found on
 * the JSON tree (by the schema or by Java checks) point back at {@code file:line:col}. One entry
 * per node; display paths are derived only when a message needs one, not built for every node.
 */
final class PositionIndex {
  /** Where a node and its key start, and whether it is a list element (shown as {@code [i]}). */
  private record Entry(SourceLocation value, SourceLocation key, boolean element) {}

  private final String file;
  private final Map<String, Entry> entries = new HashMap<>();

  PositionIndex(String file) {
    this.file = file;
  }

  String file() {
    return file;
  }

  /** Records a node: {@code element} when it is an item of a list (its last segment an index). */
  void put(String pointer, boolean element, SourceLocation value, SourceLocation key) {
    entries.put(pointer, new Entry(value, key, element));
  }

  /** The start of the node at {@code pointer}, or of its nearest recorded ancestor. */
  SourceLocation value(String pointer) {
    for (String p = pointer; ; p = parent(p)) {
      Entry e = entries.get(p);
      if (e != null) {
        return e.value();
      }
      if (p.isEmpty()) {
        return new SourceLocation(file, 1, 1);
      }
    }
  }

  /** The start of the key naming {@code pointer} (falls back to the value's position). */
  SourceLocation key(String pointer) {
    Entry e = entries.get(pointer);
    return e != null && e.key() != null ? e.key() : value(pointer);
  }

  /** A human path such as {@code agents[3].groups[0].group}; unknown pointers are derived. */
  String display(String pointer) {
    if (pointer.isEmpty()) {
      return "";
    }
    String parent = parent(pointer);
    String segment = pointer.substring(parent.length() + 1);
    Entry e = entries.get(pointer);
    if (e != null && e.element()) {
      return display(parent) + "[" + segment + "]";
    }
    return join(display(parent), unescape(segment));
  }

  /** Forgets the node at {@code pointer} and everything below it (an overlay replaced it). */
  void removeTree(String pointer) {
    entries.keySet().removeIf(p -> within(p, pointer));
  }

  /**
   * Records the nodes at and below {@code fromPointer} in {@code from} as the nodes at and below
   * {@code toPointer} here, keeping where they were written (an overlay's value merged into a base
   * file still points at the overlay).
   */
  void copyTree(PositionIndex from, String fromPointer, String toPointer) {
    from.entries.forEach(
        (p, e) -> {
          if (within(p, fromPointer)) {
            entries.put(toPointer + p.substring(fromPointer.length()), e);
          }
        });
  }

  /** Whether {@code pointer} is {@code root} or below it. */
  static boolean within(String pointer, String root) {
    return pointer.startsWith(root)
        && (pointer.length() == root.length() || pointer.charAt(root.length()) == '/');
  }

  static String parent(String pointer) {
    int i = pointer.lastIndexOf('/');
    return i <= 0 ? "" : pointer.substring(0, i);
  }

  static String child(String pointer, String key) {
    if (key.indexOf('~') < 0 && key.indexOf('/') < 0) {
      return pointer + "/" + key;
    }
    return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
  }

  static String child(String pointer, int index) {
    return pointer + "/" + index;
  }

  static String unescape(String segment) {
    return segment.replace("~1", "/").replace("~0", "~");
  }

  /** Appends a mapping key to a display path, quoting keys that are not plain words. */
  static String join(String display, String key) {
    if (plainWord(key)) {
      return display.isEmpty() ? key : display + "." + key;
    }
    return display + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
  }

  /** Same as matching {@code [A-Za-z0-9_-]+}, without a regex per key. */
  private static boolean plainWord(String key) {
    if (key.isEmpty()) {
      return false;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean ok =
          (c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '_'
              || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
