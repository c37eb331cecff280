package io.chatform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks one manifest file against the bundled JSON Schema (the same file editors use) and turns
 * each schema error into a located diagnostic with our own wording and a hint.
 */
final class SchemaCheck {
  static final String RESOURCE = "/io/chatform/schemas/chatform-manifest.schema.json";

  static {
    // The validator logs through SLF4J; with no provider bundled, SLF4J would print a warning on
    // every run. Quiet it unless the user configured otherwise.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
  }

  private static final JsonNode SCHEMA_NODE = readSchema();
  private static final Schema SCHEMA =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(SCHEMA_NODE);

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

  /** The pointers (into {@code document}) of every value the schema refuses, without messages. */
  static List<String> refused(JsonNode document) {
    List<String> out = new ArrayList<>();
    for (Error e : SCHEMA.validate(document)) {
      out.add(pointer(e.getInstanceLocation()));
    }
    return out;
  }

  /** The JSON pointer of a validator path (elements are names or array indexes). */
  static String pointer(NodePath path) {
    String ptr = "";
    for (int i = 0; i < path.getNameCount(); i++) {
      Object el = path.getElement(i);
      ptr =
          el instanceof Integer n
              ? PositionIndex.child(ptr, n)
              : PositionIndex.child(ptr, String.valueOf(el));
    }
    return ptr;
  }

  private static JsonNode readSchema() {
    try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("schema missing from the classpath: " + RESOURCE);
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
