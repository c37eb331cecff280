package io.chatform.model;

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

/**
 * The bundled manifest JSON Schema (the file editors use), compiled once: validation reads it
 * (manifest/SchemaCheck, with located messages), and code that writes manifests (an export) checks
 * that it writes what validation accepts. In {@code model} so every layer may use it.
 */
public final class ManifestSchema {
  public static final String RESOURCE = "/io/chatform/schemas/chatform-manifest.schema.json";

  static {
    // The validator logs through SLF4J; with no provider bundled, SLF4J would print a warning on
    // every run. Quiet it unless the user configured otherwise.
    if (System.getProperty("slf4j.internal.verbosity") == null) {
      System.setProperty("slf4j.internal.verbosity", "ERROR");
    }
  }

  private static final JsonNode NODE = read();
  private static final Schema SCHEMA =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(NODE);

  private ManifestSchema() {}

  public static JsonNode node() {
    return NODE;
  }

  public static Schema schema() {
    return SCHEMA;
  }

  /**
   * The JSON pointers of the values in {@code document} (a whole manifest) that the schema refuses;
   * empty when it accepts the document.
   */
  public static List<String> refused(JsonNode document) {
    List<String> out = new ArrayList<>();
    for (Error e : SCHEMA.validate(document)) {
      out.add(pointer(e.getInstanceLocation()));
    }
    return out;
  }

  /** The JSON pointer of a validator path (elements are names or array indexes). */
  public static String pointer(NodePath path) {
    StringBuilder ptr = new StringBuilder();
    for (int i = 0; i < path.getNameCount(); i++) {
      String el = String.valueOf(path.getElement(i));
      ptr.append('/').append(el.replace("~", "~0").replace("/", "~1"));
    }
    return ptr.toString();
  }

  private static JsonNode read() {
    try (InputStream in = ManifestSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("schema missing from the classpath: " + RESOURCE);
      }
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
