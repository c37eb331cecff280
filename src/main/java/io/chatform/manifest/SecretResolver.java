package io.chatform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.chatform.model.SourceLocation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${env:NAME}} and {@code ${file:PATH}} in string values with what they name, and
 * remembers every value that came from one so it is never printed. A doubled dollar sign before the
 * brace stands for a literal dollar and brace.
 */
final class SecretResolver {
  private static final Pattern REF = Pattern.compile("\\$\\$\\{|\\$\\{(env|file):([^}]*)}");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private final Function<String, Optional<String>> env;
  private final Path baseDir;
  private final SecretFiles files;
  private final PositionIndex index;
  private final List<Diagnostic> diagnostics;

  SecretResolver(
      Function<String, Optional<String>> env,
      Path baseDir,
      SecretFiles files,
      PositionIndex index,
      List<Diagnostic> diagnostics) {
    this.env = env;
    this.baseDir = baseDir;
    this.files = files;
    this.index = index;
    this.diagnostics = diagnostics;
  }

  /** Resolves references in place; records JSON pointer → original text for each resolved value. */
  void resolve(JsonNode node, String ptr, Map<String, String> sensitive) {
    if (node instanceof ObjectNode obj) {
      List<String> names = new ArrayList<>();
      obj.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode child = obj.get(name);
        String childPtr = PositionIndex.child(ptr, name);
        if (name.matches("(?s).*\\$\\{(env|file):.*")) {
          // Keys name things (namespaces, groups, properties); a secret there could not be hidden.
          diagnostics.add(
              new Diagnostic(
                  index.key(childPtr),
                  index.display(childPtr),
                  "references like ${env:…} are not substituted in keys",
                  "write the key literally; references work only in string values"));
        }
        if (child.isTextual()) {
          substitute(child.asText(), childPtr, sensitive).ifPresent(v -> obj.set(name, v));
        } else {
          resolve(child, childPtr, sensitive);
        }
      }
    } else if (node instanceof ArrayNode arr) {
      Iterator<JsonNode> it = arr.elements();
      for (int i = 0; it.hasNext(); i++) {
        JsonNode child = it.next();
        String childPtr = PositionIndex.child(ptr, i);
        if (child.isTextual()) {
          int at = i;
          substitute(child.asText(), childPtr, sensitive).ifPresent(v -> arr.set(at, v));
        } else {
          resolve(child, childPtr, sensitive);
        }
      }
    }
  }

  private Optional<TextNode> substitute(String text, String ptr, Map<String, String> sensitive) {
    if (!text.contains("${")) {
      return Optional.empty();
    }
    Matcher m = REF.matcher(text);
    StringBuilder out = new StringBuilder();
    boolean referenced = false;
    while (m.find()) {
      String replacement;
      if (m.group(1) == null) {
        replacement = "${";
      } else {
        referenced = true;
        // On failure keep the reference text: one clear error, not a second "empty" one.
        replacement = lookup(m.group(1), m.group(2), m.group(), ptr).orElse(m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    if (referenced) {
      sensitive.put(ptr, text);
    }
    return Optional.of(TextNode.valueOf(out.toString()));
  }

  private Optional<String> lookup(String scheme, String arg, String ref, String ptr) {
    SourceLocation where = index.value(ptr);
    String path = index.display(ptr);
    if (scheme.equals("env")) {
      if (!ENV_NAME.matcher(arg).matches()) {
        diagnostics.add(
            new Diagnostic(
                where,
                path,
                "'" + ref + "' is not a valid environment variable name",
                "use letters, digits and _, e.g. ${env:LC_WEBHOOK_SECRET}"));
        return Optional.empty();
      }
      Optional<String> v = env.apply(arg);
      if (v.isEmpty()) {
        diagnostics.add(
            new Diagnostic(
                where,
                path,
                "environment variable " + arg + " is not set (referenced as " + ref + ")",
                "export " + arg + " before running chatform"));
      }
      return v;
    }
    if (arg.isBlank()) {
      diagnostics.add(
          new Diagnostic(where, path, "'" + ref + "' names no file", "e.g. ${file:secret.txt}"));
      return Optional.empty();
    }
    Path target = baseDir.resolve(arg).normalize();
    // Checked before the file is even looked at: whether it exists outside is not our business.
    if (!files.allowsAsWritten(target)) {
      diagnostics.add(outside(where, path, ref, ""));
      return Optional.empty();
    }
    if (!java.nio.file.Files.isRegularFile(target)) {
      diagnostics.add(
          new Diagnostic(
              where,
              path,
              "file "
                  + ManifestFiles.display(java.nio.file.Path.of(index.file()).resolveSibling(arg))
                  + " not found (referenced as "
                  + ref
                  + ")",
              "paths are relative to the manifest's directory"));
      return Optional.empty();
    }
    if (!files.allowsResolved(target)) {
      diagnostics.add(outside(where, path, ref, " through a symbolic link"));
      return Optional.empty();
    }
    List<Diagnostic> problems = new ArrayList<>();
    Optional<String> text = ManifestFiles.readText(target, new byte[1][], where, problems);
    if (!problems.isEmpty()) {
      // Nothing derived from the content (its size, where it stops being text) is said.
      diagnostics.add(
          new Diagnostic(
              where,
              path,
              "cannot use " + ref + ": the file is not usable as a secret",
              "a secret file must be UTF-8 text without NUL bytes, at most "
                  + ManifestFiles.MAX_BYTES / (1024 * 1024)
                  + " MiB, and readable"));
      return Optional.empty();
    }
    return text.map(t -> t.replaceAll("[\\r\\n]+$", ""));
  }

  private Diagnostic outside(SourceLocation where, String path, String ref, String how) {
    return new Diagnostic(
        where,
        path,
        ref + " points outside the manifests' directory" + how + " (" + files.roots() + ")",
        "keep secret files next to the manifests, or allow their directory with"
            + " --allow-secret-dir DIR");
  }
}
