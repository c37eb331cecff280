package io.chatform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks one manifest file against the bundled JSON Schema (the same file editors use) and turns
 * each schema error into a located diagnostic with our own wording and a hint.
 */
final class SchemaCheck {
  static final String RESOURCE = io.chatform.model.ManifestSchema.RESOURCE;

  private static final JsonNode SCHEMA_NODE = io.chatform.model.ManifestSchema.node();
  private static final Schema SCHEMA = io.chatform.model.ManifestSchema.schema();

  private SchemaCheck() {}

  static JsonNode schemaNode() {
    return SCHEMA_NODE;
  }

  /** Adds one diagnostic per schema error in {@code root}; returns the pointers reported. */
  static List<String> check(
      JsonNode root,
      PositionIndex index,
      Map<String, String> sensitive,
      java.util.Set<String> unresolved,
      List<Diagnostic> out) {
    return check(root, index, sensitive, unresolved, java.util.Set.of(), out);
  }

  /**
   * As above; {@code silent} are pointers already reported otherwise (a {@code ${var:…}} that is
   * not set): nothing is said about them, not even their type.
   */
  static List<String> check(
      JsonNode root,
      PositionIndex index,
      Map<String, String> sensitive,
      java.util.Set<String> unresolved,
      java.util.Set<String> silent,
      List<Diagnostic> out) {
    List<String> reported = new ArrayList<>();
    for (Error e : SCHEMA.validate(root)) {
      String ptr = pointer(e.getInstanceLocation());
      if (silent.contains(ptr) || SchemaMessages.nullBranch(e, SCHEMA_NODE)) {
        continue;
      }
      if (unresolved.contains(ptr) && !"type".equals(e.getKeyword())) {
        // Still the reference text (validate offline): only its type (a string) is known.
        continue;
      }
      SchemaMessages.Message m = SchemaMessages.describe(e, ptr, sensitive, SCHEMA_NODE);
      String at = m.childKey().map(k -> PositionIndex.child(ptr, k)).orElse(ptr);
      var loc = m.atKey() ? index.key(at) : index.value(at);
      out.add(new Diagnostic(loc, index.display(at), m.message(), m.hint()));
      reported.add(at);
    }
    return reported;
  }

  /** The JSON pointer of a validator path (elements are names or array indexes). */
  static String pointer(NodePath path) {
    return io.chatform.model.ManifestSchema.pointer(path);
  }
}
