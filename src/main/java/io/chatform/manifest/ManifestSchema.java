package io.chatform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The bundled manifest JSON Schema, for code outside loading that must write what it accepts. */
public final class ManifestSchema {
  private ManifestSchema() {}

  /**
   * The JSON pointers of the values in {@code document} (a whole manifest) that the schema refuses;
   * empty when it accepts the document.
   */
  public static List<String> refused(JsonNode document) {
    return SchemaCheck.refused(document);
  }
}
