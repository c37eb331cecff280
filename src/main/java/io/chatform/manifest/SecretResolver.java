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
  private final SecretMode mode;
  private final java.util.function.Predicate<String> deferrable;
  private final Map<String, Unresolved> unresolved = new java.util.LinkedHashMap<>();

  /** A reference left unresolved: where, what it says, and why (for the message when needed). */
  record Unresolved(String ptr, String reference, String problem, String hint) {}

  SecretResolver(
      Function<String, Optional<String>> env,
      Path baseDir,
      SecretFiles files,
      PositionIndex index,
      List<Diagnostic> diagnostics) {
    this(env, baseDir, files, index, diagnostics, SecretMode.RESOLVE, p -> false);
  }

  /**
   * @param deferrable in {@link SecretMode#WHERE_SENT}, the pointers (write-only fields) whose
   *     references may stay unresolved until a plan sends them
   */
  SecretResolver(
      Function<String, Optional<String>> env,
      Path baseDir,
      SecretFiles files,
      PositionIndex index,
      List<Diagnostic> diagnostics,
      SecretMode mode,
      java.util.function.Predicate<String> deferrable) {
    this.env = env;
    this.baseDir = baseDir;
    this.files = files;
    this.index = index;
    this.diagnostics = diagnostics;
    this.mode = mode;
    this.deferrable = deferrable;
  }

  /** The values left holding reference text, by pointer (SHAPE, or deferred in WHERE_SENT). */
  Map<String, Unresolved> unresolved() {
    return unresolved;
  }

  /** Resolves references in place; records JSON pointer → original text for each resolved value. */
  void resolve(JsonNode node, String ptr, Map<String, String> sensitive) {
    if (node instanceof ObjectNode obj) {
      List<String> names = new ArrayList<>();
      obj.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode child = obj.get(name);
        if (!name.contains("${") && !mayHoldReferences(child)) {
          continue; // no pointer built for plain leaves, most of a manifest
        }
        String childPtr = PositionIndex.child(ptr, name);
        if (name.contains("${env:") || name.contains("${file:")) { // no regex per key
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
        if (!mayHoldReferences(child)) {
          continue;
        }
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

  private static boolean mayHoldReferences(JsonNode node) {
    return node.isContainerNode() || (node.isTextual() && node.asText().contains("${"));
  }

  private Optional<TextNode> substitute(String text, String ptr, Map<String, String> sensitive) {
    if (!text.contains("${")) {
      return Optional.empty();
    }
    Matcher m = REF.matcher(text);
    StringBuilder out = new StringBuilder();
    boolean referenced = false;
    List<Diagnostic> problems = new ArrayList<>();
    boolean shapeOk = true;
    while (m.find()) {
      String replacement;
      if (m.group(1) == null) {
        replacement = "${";
      } else {
        referenced = true;
        shapeOk &= shape(m.group(1), m.group(2), m.group(), ptr);
        // On failure keep the reference text: one clear error, not a second "empty" one.
        replacement =
            !shapeOk || mode == SecretMode.SHAPE
                ? m.group()
                : lookup(m.group(1), m.group(2), m.group(), ptr, problems).orElse(m.group());
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    unterminated(m.replaceAll(""), ptr);
    if (referenced) {
      sensitive.put(ptr, text);
      if (shapeOk && mode == SecretMode.SHAPE) {
        unresolved.put(ptr, new Unresolved(ptr, text, "not resolved offline", ""));
        return Optional.empty(); // the text stays as written
      }
      if (!problems.isEmpty() && mode == SecretMode.WHERE_SENT && deferrable.test(ptr)) {
        Diagnostic d = problems.get(0);
        unresolved.put(ptr, new Unresolved(ptr, text, d.message(), d.hint()));
        return Optional.empty(); // needed only if the plan sends it: PlanFlags decides
      }
      diagnostics.addAll(problems);
    }
    return Optional.of(TextNode.valueOf(out.toString()));
  }

  /** A {@code ${env:}} or {@code ${file:}} that is never closed is a reference gone wrong. */
  private void unterminated(String rest, String ptr) {
    int at = rest.replace("$${", "").indexOf("${");
    String tail = at < 0 ? "" : rest.replace("$${", "").substring(at);
    if (tail.startsWith("${env:") || tail.startsWith("${file:")) {
      diagnostics.add(
          new Diagnostic(
              index.value(ptr),
              index.display(ptr),
              "a reference starting '" + tail.substring(0, tail.indexOf(':') + 1) + "' has no '}'",
              "close it, e.g. ${env:NAME}; write $${ for a literal ${"));
    }
  }

  /** Checks a reference's shape (no lookup); false after reporting a malformed one. */
  private boolean shape(String scheme, String arg, String ref, String ptr) {
    if (scheme.equals("env") && !ENV_NAME.matcher(arg).matches()) {
      diagnostics.add(
          new Diagnostic(
              index.value(ptr),
              index.display(ptr),
              "'" + ref + "' is not a valid environment variable name",
              "use letters, digits and _, e.g. ${env:LC_WEBHOOK_SECRET}"));
      return false;
    }
    if (scheme.equals("file") && arg.isBlank()) {
      diagnostics.add(
          new Diagnostic(
              index.value(ptr),
              index.display(ptr),
              "'" + ref + "' names no file",
              "e.g. ${file:secret.txt}"));
      return false;
    }
    // Confinement is a matter of shape (the path as written): refused even when nothing is read.
    if (scheme.equals("file") && !files.allowsAsWritten(dirOf(ptr).resolve(arg).normalize())) {
      diagnostics.add(outside(index.value(ptr), index.display(ptr), ref, ""));
      return false;
    }
    return true;
  }

  private Optional<String> lookup(
      String scheme, String arg, String ref, String ptr, List<Diagnostic> problems) {
    SourceLocation where = index.value(ptr);
    String path = index.display(ptr);
    if (scheme.equals("env")) {
      Optional<String> v = env.apply(arg);
      if (v.isEmpty()) {
        problems.add(
            new Diagnostic(
                where,
                path,
                "environment variable " + arg + " is not set (referenced as " + ref + ")",
                "export " + arg + " before running chatform"));
      } else if (v.get().isEmpty()) {
        // An empty secret is never what was meant (and the API refuses an empty secret_key).
        problems.add(
            new Diagnostic(
                where, path, ref + " is set but empty", "give " + arg + " a value, or unset it"));
        return Optional.empty();
      }
      return v;
    }
    // The path as written was checked by shape(), before the file is even looked at.
    Path target = dirOf(ptr).resolve(arg).normalize();
    if (!java.nio.file.Files.isRegularFile(target)) {
      problems.add(
          new Diagnostic(
              where,
              path,
              "file "
                  + ManifestFiles.display(java.nio.file.Path.of(where.file()).resolveSibling(arg))
                  + " not found (referenced as "
                  + ref
                  + ")",
              "paths are relative to the manifest's directory"));
      return Optional.empty();
    }
    if (!files.allowsResolved(target)) {
      problems.add(outside(where, path, ref, " through a symbolic link"));
      return Optional.empty();
    }
    List<Diagnostic> read = new ArrayList<>();
    Optional<String> text = ManifestFiles.readText(target, new byte[1][], where, read);
    if (!read.isEmpty()) {
      // Nothing derived from the content (its size, where it stops being text) is said.
      problems.add(
          new Diagnostic(
              where,
              path,
              "cannot use " + ref + ": the file is not usable as a secret",
              "a secret file must be UTF-8 text without NUL bytes, at most "
                  + ManifestFiles.MAX_BYTES / (1024 * 1024)
                  + " MiB, and readable"));
      return Optional.empty();
    }
    Optional<String> value = text.map(t -> t.replaceAll("[\\r\\n]+$", ""));
    if (value.isPresent() && value.get().isEmpty()) {
      problems.add(
          new Diagnostic(where, path, ref + " names an empty file", "write the value into it"));
      return Optional.empty();
    }
    return value;
  }

  /**
   * The directory {@code ${file:…}} is relative to: that of the file the value was written in,
   * which for a value an overlay merged into this file is the overlay's.
   */
  private Path dirOf(String ptr) {
    String written = index.value(ptr).file();
    return written.equals(index.file()) ? baseDir : Path.of(written).toAbsolutePath().getParent();
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
