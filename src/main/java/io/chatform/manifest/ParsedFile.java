package io.chatform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.model.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One manifest file read and parsed, variables substituted, before overlays are merged into it: its
 * bytes (for the hash), its tree (absent when the file could not be used) and, keyed by pointer,
 * where each value was written, which numbers were written oddly and which values hold a failed
 * {@code ${var:…}}. Overlays write into the tree and these maps, so they are mutable.
 */
record ParsedFile(
    ManifestFiles.ManifestFile file,
    byte[] bytes,
    Optional<JsonNode> root,
    PositionIndex index,
    Map<String, String> oddNumbers,
    Set<String> failedVars) {

  private static final Pattern VERSION_KEY =
      Pattern.compile("(?m)(^|[{,])\\s*[\"']?version[\"']?\\s*:");

  String display() {
    return file.display();
  }

  /** Whether the file is an overlay ({@code overlay:} at the top). */
  boolean overlay() {
    return root.map(r -> r.has(Overlays.MARKER)).orElse(false);
  }

  /** Whether the text has a {@code version:} key anywhere (a manifest with other problems). */
  static boolean mentionsVersion(String text) {
    return VERSION_KEY.matcher(text).find();
  }

  /**
   * Reads, parses and substitutes variables (recording those used in {@code used}); every problem
   * goes to {@code diagnostics}.
   */
  static ParsedFile read(
      ManifestFiles.ManifestFile f,
      Variables variables,
      Map<String, JsonNode> used,
      List<Diagnostic> diagnostics) {
    byte[][] bytes = {new byte[0]};
    SourceLocation start = new SourceLocation(f.display(), 1, 1);
    Optional<String> text = ManifestFiles.readText(f.path(), bytes, start, diagnostics);
    if (text.isEmpty()) {
      return unusable(f, bytes[0], new PositionIndex(f.display()));
    }
    List<Diagnostic> syntax = new ArrayList<>();
    YamlReader.Parsed parsed = new YamlReader(f.display(), syntax).read(text.get());
    JsonNode root = parsed.root();
    boolean noVersion =
        root == null
            ? !mentionsVersion(text.get())
            : !root.isNull()
                && !(root.isObject() ? root.has("version") : mentionsVersion(text.get()));
    if (noVersion) {
      // -f README.md, a CI file, a saved export of something else: one clear sentence, not a list
      // of YAML errors in a file that was never meant to be a manifest.
      diagnostics.add(
          new Diagnostic(
              start,
              "",
              "not a chatform manifest (no `version: 1`)",
              "pass manifest files (YAML starting with version: 1) or directories of them to -f;"
                  + " if this is a manifest, add version: 1 as its first line"));
      return unusable(f, bytes[0], parsed.index());
    }
    diagnostics.addAll(syntax);
    if (root == null) {
      return unusable(f, bytes[0], parsed.index());
    }
    if (root.isNull()) {
      diagnostics.add(
          new Diagnostic(
              parsed.index().value(""),
              "",
              "the file is empty (or holds only comments)",
              "start it with 'version: 1', or delete it"));
      return unusable(f, bytes[0], parsed.index());
    }
    if (!root.isObject()) {
      diagnostics.add(
          new Diagnostic(
              parsed.index().value(""),
              "",
              "a manifest must be a mapping of sections, found " + SchemaMessages.typeName(root),
              "start the file with 'version: 1'"));
      return unusable(f, bytes[0], parsed.index());
    }
    VariableResolver vars = new VariableResolver(variables, parsed.index(), diagnostics, used);
    vars.resolve(root, "");
    return new ParsedFile(
        f,
        bytes[0],
        Optional.of(root),
        parsed.index(),
        new HashMap<>(parsed.oddNumbers()),
        new HashSet<>(vars.failed()));
  }

  private static ParsedFile unusable(ManifestFiles.ManifestFile f, byte[] bytes, PositionIndex i) {
    return new ParsedFile(f, bytes, Optional.empty(), i, new HashMap<>(), new HashSet<>());
  }
}
