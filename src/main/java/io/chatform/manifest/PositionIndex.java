package io.chatform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.model.SourceLocation;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Where each node of one YAML file was written, so that problems found on the JSON tree (by the
 * schema or by Java checks) point back at {@code file:line:col}.
 *
 * <p>Positions are kept beside the tree, not keyed by path: each mapping and list of the parsed
 * tree (by identity) holds the line and column of each of its children and of their keys, as
 * numbers. Reading a file builds no path string and no location object per node (issue 17); a
 * lookup by JSON pointer walks the tree from the root, and its location objects and display paths
 * are made only when a message needs one. A value replaced in its mapping or list (a variable
 * substituted, say) keeps the position its parent recorded for it.
 */
final class PositionIndex {
  private final String file;
  private final Map<JsonNode, Slots> slots = new IdentityHashMap<>();
  private JsonNode root;
  private SourceLocation rootAt;

  PositionIndex(String file) {
    this.file = file;
  }

  String file() {
    return file;
  }

  /** The parsed tree the positions belong to, and where it starts. */
  void root(JsonNode tree, int line, int column) {
    this.root = tree;
    this.rootAt = new SourceLocation(file, line, column);
  }

  /** Records where the next child of mapping {@code parent} was written (its key and value). */
  void field(JsonNode parent, String name, int keyLine, int keyColumn, int line, int column) {
    slotsOf(parent, true).add(name, file, line, column, keyLine, keyColumn);
  }

  /** Records where the next item of list {@code parent} was written. */
  void item(JsonNode parent, int line, int column) {
    slotsOf(parent, false).add(null, file, line, column, 0, 0);
  }

  private Slots slotsOf(JsonNode container, boolean mapping) {
    return slots.computeIfAbsent(container, c -> new Slots(mapping, file));
  }

  /** The start of the node at {@code pointer}, or of its nearest recorded ancestor. */
  SourceLocation value(String pointer) {
    return find(pointer).value();
  }

  /** The start of the key naming {@code pointer} (falls back to the value's position). */
  SourceLocation key(String pointer) {
    Found f = find(pointer);
    return f.exact() && f.key() != null ? f.key() : f.value();
  }

  /** A human path such as {@code agents[3].groups[0].group}; unknown pointers are derived. */
  String display(String pointer) {
    String out = "";
    JsonNode node = root;
    for (int from = 1; from <= pointer.length(); ) {
      int end = end(pointer, from);
      String segment = pointer.substring(from, end);
      Slots s = node == null ? null : slots.get(node);
      boolean element = s != null && !s.mapping && s.find(segment) >= 0;
      out = element ? out + "[" + segment + "]" : join(out, unescape(segment));
      node = node == null ? null : childNode(node, segment);
      from = end + 1;
    }
    return out;
  }

  /** Forgets the node at {@code pointer} and everything below it (an overlay replaced it). */
  void removeTree(String pointer) {
    if (pointer.isEmpty() || root == null) {
      return;
    }
    JsonNode parent = node(parent(pointer));
    Slots s = parent == null ? null : slots.get(parent);
    if (s != null) {
      s.forget(s.find(last(pointer)));
    }
    JsonNode node = parent == null ? null : childNode(parent, last(pointer));
    if (node != null) {
      forgetBelow(node);
    }
  }

  private void forgetBelow(JsonNode node) {
    if (slots.remove(node) != null || node.isContainerNode()) {
      for (JsonNode child : node) {
        forgetBelow(child);
      }
    }
  }

  /**
   * Records the nodes at and below {@code fromPointer} in {@code from} as the nodes at and below
   * {@code toPointer} here (a copy of them must already be there), keeping where they were written:
   * an overlay's value merged into a base file still points at the overlay.
   */
  void copyTree(PositionIndex from, String fromPointer, String toPointer) {
    if (root == null || from.root == null || toPointer.isEmpty()) {
      return;
    }
    JsonNode parent = node(parent(toPointer));
    JsonNode to = node(toPointer);
    if (parent == null || to == null) {
      return;
    }
    Found f = from.find(fromPointer);
    if (f.exact()) {
      slotsOf(parent, parent.isObject()).put(last(toPointer), f.value(), f.key());
    }
    JsonNode source = from.node(fromPointer);
    if (source != null) {
      copyBelow(from, source, to);
    }
  }

  private void copyBelow(PositionIndex from, JsonNode source, JsonNode to) {
    Slots s = from.slots.get(source);
    if (s == null) {
      return;
    }
    slots.put(to, s.copy());
    if (source.isObject()) {
      Iterator<String> names = source.fieldNames();
      while (names.hasNext()) {
        String name = names.next();
        JsonNode t = to.get(name);
        if (t != null) {
          copyBelow(from, source.get(name), t);
        }
      }
    } else {
      for (int i = 0; i < source.size() && i < to.size(); i++) {
        copyBelow(from, source.get(i), to.get(i));
      }
    }
  }

  /** Where the walk from the root along {@code pointer} ended, and whether it got to the end. */
  private record Found(SourceLocation value, SourceLocation key, boolean exact) {}

  private Found find(String pointer) {
    SourceLocation at = rootAt != null ? rootAt : new SourceLocation(file, 1, 1);
    if (pointer.isEmpty()) {
      return new Found(at, null, true);
    }
    JsonNode node = root;
    for (int from = 1; ; ) {
      int end = end(pointer, from);
      String segment = pointer.substring(from, end);
      Slots s = node == null ? null : slots.get(node);
      int slot = s == null ? -1 : s.find(segment);
      if (slot < 0) {
        return new Found(at, null, false);
      }
      at = s.value(slot);
      if (end == pointer.length()) {
        return new Found(at, s.key(slot), true);
      }
      node = childNode(node, segment);
      from = end + 1;
    }
  }

  /** The node at {@code pointer} in the tree, or null. */
  private JsonNode node(String pointer) {
    JsonNode node = root;
    for (int from = 1; node != null && from <= pointer.length(); ) {
      int end = end(pointer, from);
      node = childNode(node, pointer.substring(from, end));
      from = end + 1;
    }
    return node;
  }

  private static JsonNode childNode(JsonNode node, String segment) {
    if (node.isObject()) {
      return node.get(unescape(segment));
    }
    int i = index(segment);
    return node.isArray() && i >= 0 ? node.get(i) : null;
  }

  private static int end(String pointer, int from) {
    int end = pointer.indexOf('/', from);
    return end < 0 ? pointer.length() : end;
  }

  private static String last(String pointer) {
    return pointer.substring(pointer.lastIndexOf('/') + 1);
  }

  /** A list index as JSON pointers write it (digits, no leading zero), or -1. */
  private static int index(String segment) {
    int n = segment.length();
    if (n == 0 || n > 9 || (n > 1 && segment.charAt(0) == '0')) {
      return -1;
    }
    int v = 0;
    for (int i = 0; i < n; i++) {
      char c = segment.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  /**
   * The children of one mapping or list, in the order they were recorded: for each its value's and
   * key's line and column (0 = unknown), its name in a mapping, and its file when not the default.
   */
  private static final class Slots {
    private static final int WIDTH = 4;
    private static final int INDEXED = 12;
    final boolean mapping;
    private final String file;
    private String[] names;
    private String[] files;
    private int[] at;
    private int n;
    private Map<String, Integer> byName;

    Slots(boolean mapping, String file) {
      this.mapping = mapping;
      this.file = file;
      this.names = mapping ? new String[4] : null;
      this.at = new int[4 * WIDTH];
    }

    Slots copy() {
      Slots c = new Slots(mapping, file);
      c.names = names == null ? null : names.clone();
      c.files = files == null ? null : files.clone();
      c.at = at.clone();
      c.n = n;
      return c;
    }

    void add(String name, String f, int line, int column, int keyLine, int keyColumn) {
      if (n * WIDTH == at.length) {
        at = Arrays.copyOf(at, at.length * 2);
        if (names != null) {
          names = Arrays.copyOf(names, names.length * 2);
        }
        if (files != null) {
          files = Arrays.copyOf(files, files.length * 2);
        }
      }
      set(n, name, f, line, column, keyLine, keyColumn);
      if (byName != null && name != null) {
        byName.putIfAbsent(name, n);
      }
      n++;
    }

    /** Sets the child named by {@code segment} (a new one at the end when not there). */
    void put(String segment, SourceLocation value, SourceLocation key) {
      int slot = find(segment);
      int kl = key == null ? 0 : key.line();
      int kc = key == null ? 0 : key.column();
      if (slot >= 0) {
        set(
            slot,
            names == null ? null : names[slot],
            value.file(),
            value.line(),
            value.column(),
            kl,
            kc);
      } else if (mapping) {
        add(unescape(segment), value.file(), value.line(), value.column(), kl, kc);
      }
    }

    private void set(int slot, String name, String f, int line, int column, int kl, int kc) {
      if (names != null) {
        names[slot] = name;
      }
      if (!f.equals(file) || files != null) {
        if (files == null) {
          files = new String[at.length / WIDTH];
        }
        files[slot] = f.equals(file) ? null : f;
      }
      int i = slot * WIDTH;
      at[i] = line;
      at[i + 1] = column;
      at[i + 2] = kl;
      at[i + 3] = kc;
    }

    void forget(int slot) {
      if (slot >= 0) {
        Arrays.fill(at, slot * WIDTH, slot * WIDTH + WIDTH, 0);
        if (names != null) {
          names[slot] = null;
        }
        byName = null;
      }
    }

    /** The slot of the child {@code segment} names (a pointer segment), or -1. */
    int find(String segment) {
      int slot;
      if (!mapping) {
        slot = index(segment);
        slot = slot < n ? slot : -1;
      } else {
        String name = unescape(segment);
        if (n > INDEXED) {
          if (byName == null) {
            byName = new HashMap<>();
            for (int i = 0; i < n; i++) {
              if (names[i] != null) {
                byName.putIfAbsent(names[i], i);
              }
            }
          }
          slot = byName.getOrDefault(name, -1);
        } else {
          slot = -1;
          for (int i = 0; i < n && slot < 0; i++) {
            if (name.equals(names[i])) {
              slot = i;
            }
          }
        }
      }
      return slot >= 0 && at[slot * WIDTH] > 0 ? slot : -1;
    }

    private String fileOf(int slot) {
      return files != null && files[slot] != null ? files[slot] : file;
    }

    SourceLocation value(int slot) {
      return new SourceLocation(fileOf(slot), at[slot * WIDTH], at[slot * WIDTH + 1]);
    }

    SourceLocation key(int slot) {
      int i = slot * WIDTH;
      return at[i + 2] == 0 ? null : new SourceLocation(fileOf(slot), at[i + 2], at[i + 3]);
    }
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
