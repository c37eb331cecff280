package io.chatform.manifest;

import io.chatform.model.SourceLocation;
import java.util.HashMap;
import java.util.Map;

/**
 * Where each node of one YAML file was written, keyed by JSON pointer, so that problems found on
 * the JSON tree (by the schema or by Java checks) point back at {@code file:line:col}.
 */
final class PositionIndex {
  private final String file;
  private final Map<String, SourceLocation> values = new HashMap<>();
  private final Map<String, SourceLocation> keys = new HashMap<>();
  private final Map<String, String> displays = new HashMap<>();

  PositionIndex(String file) {
    this.file = file;
    displays.put("", "");
  }

  String file() {
    return file;
  }

  void put(String pointer, String display, SourceLocation value, SourceLocation key) {
    values.put(pointer, value);
    displays.put(pointer, display);
    if (key != null) {
      keys.put(pointer, key);
    }
  }

  /** The start of the node at {@code pointer}, or of its nearest recorded ancestor. */
  SourceLocation value(String pointer) {
    for (String p = pointer; ; p = parent(p)) {
      SourceLocation loc = values.get(p);
      if (loc != null) {
        return loc;
      }
      if (p.isEmpty()) {
        return new SourceLocation(file, 1, 1);
      }
    }
  }

  /** The start of the key naming {@code pointer} (falls back to the value's position). */
  SourceLocation key(String pointer) {
    SourceLocation loc = keys.get(pointer);
    return loc != null ? loc : value(pointer);
  }

  /** A human path such as {@code agents[3].groups[0].group}; unknown pointers are derived. */
  String display(String pointer) {
    String d = displays.get(pointer);
    if (d != null) {
      return d;
    }
    String parent = parent(pointer);
    return join(display(parent), unescape(pointer.substring(parent.length() + 1)));
  }

  static String parent(String pointer) {
    int i = pointer.lastIndexOf('/');
    return i <= 0 ? "" : pointer.substring(0, i);
  }

  static String child(String pointer, String key) {
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
    if (key.matches("[A-Za-z0-9_-]+")) {
      return display.isEmpty() ? key : display + "." + key;
    }
    return display + "[\"" + key.replace("\\", "\\\\").replace("\"", "\\\"") + "\"]";
  }
}
