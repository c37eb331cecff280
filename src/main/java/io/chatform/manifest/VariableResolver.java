package io.chatform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Replaces {@code ${var:NAME}} in one file's string values, right after parsing and before
 * overlays, secrets and the schema: a value that is exactly one reference takes the variable's type
 * (so {@code max_chats_count: ${var:max_chats}} is a number), inside longer text it is
 * interpolated. {@code $${} stays for {@link SecretResolver}, which turns it into a literal.
 */
final class VariableResolver {
  private static final String OPEN = "${var:";
  private static final Pattern REF = Pattern.compile("\\$\\$\\{|\\$\\{var:([^}]*)}");
  private static final Pattern WHOLE = Pattern.compile("\\$\\{var:([^}]*)}");

  private final Variables variables;
  private final PositionIndex index;
  private final List<Diagnostic> diagnostics;
  private final java.util.Set<String> failed = new java.util.HashSet<>();
  private final java.util.Map<String, JsonNode> used;

  /**
   * @param used collects the variables referenced, by name (they enter the manifest hash, so a
   *     saved plan made with other values is refused)
   */
  VariableResolver(
      Variables variables,
      PositionIndex index,
      List<Diagnostic> diagnostics,
      java.util.Map<String, JsonNode> used) {
    this.used = used;
    this.variables = variables;
    this.index = index;
    this.diagnostics = diagnostics;
  }

  /** Pointers of values whose reference failed (reported here; the schema stays quiet there). */
  java.util.Set<String> failed() {
    return failed;
  }

  /** Substitutes in place below {@code node} (at {@code ptr}). */
  void resolve(JsonNode node, String ptr) {
    if (node instanceof ObjectNode obj) {
      List<String> names = new ArrayList<>();
      obj.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode child = obj.get(name);
        if (!name.contains(OPEN) && !mayHold(child)) {
          continue;
        }
        String childPtr = PositionIndex.child(ptr, name);
        if (name.contains(OPEN)) {
          report(
              index.key(childPtr),
              childPtr,
              "${var:…} is not substituted in keys",
              "write the key literally; variables work only in values");
        }
        if (child.isTextual()) {
          substitute(child.asText(), childPtr).ifPresent(v -> obj.set(name, v));
        } else {
          resolve(child, childPtr);
        }
      }
    } else if (node instanceof ArrayNode arr) {
      for (int i = 0; i < arr.size(); i++) {
        JsonNode child = arr.get(i);
        if (!mayHold(child)) {
          continue;
        }
        String childPtr = PositionIndex.child(ptr, i);
        if (child.isTextual()) {
          int at = i;
          substitute(child.asText(), childPtr).ifPresent(v -> arr.set(at, v));
        } else {
          resolve(child, childPtr);
        }
      }
    }
  }

  private static boolean mayHold(JsonNode node) {
    return node.isContainerNode() || (node.isTextual() && node.asText().contains(OPEN));
  }

  private Optional<JsonNode> substitute(String text, String ptr) {
    Matcher whole = WHOLE.matcher(text);
    if (whole.matches()) {
      return lookup(whole.group(1), ptr); // typed: a number stays a number
    }
    Matcher m = REF.matcher(text);
    StringBuilder out = new StringBuilder();
    boolean ok = true;
    while (m.find()) {
      String replacement = m.group();
      if (m.group(1) != null) {
        Optional<JsonNode> v = lookup(m.group(1), ptr);
        ok &= v.isPresent();
        replacement = v.map(JsonNode::asText).orElse(replacement);
        if (v.isPresent() && replacement.endsWith("$") && text.startsWith("{", m.end())) {
          // A value ending in $ before a { must not make a ${env:…} of text around it.
          replacement += "$";
        }
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    String rest = m.replaceAll("");
    if (rest.contains(OPEN)) {
      report(
          index.value(ptr),
          ptr,
          "a reference starting '" + OPEN + "' has no '}'",
          "close it, e.g. ${var:max_chats}; write $${ for a literal ${");
      return Optional.empty();
    }
    return ok ? Optional.of(TextNode.valueOf(out.toString())) : Optional.empty();
  }

  /** The variable's value, or empty after reporting why there is none. */
  private Optional<JsonNode> lookup(String name, String ptr) {
    String ref = OPEN + name + "}";
    if (!Variables.validName(name)) {
      report(
          index.value(ptr),
          ptr,
          "'" + ref + "' is not a valid variable name",
          "use letters, digits and _, e.g. ${var:max_chats}");
      return Optional.empty();
    }
    Optional<JsonNode> v = variables.get(name);
    if (v.isEmpty()) {
      String how =
          "set it under variables: in chatform.yaml (for the account, or for all accounts),"
              + " or pass --var "
              + name
              + "=VALUE";
      String hint =
          Suggestions.closest(name, variables.names())
              .map(c -> "did you mean '" + c + "'? or " + how)
              .orElse(
                  variables.names().isEmpty()
                      ? "no variables are set; " + how
                      : how + "; the variables set are: " + String.join(", ", variables.names()));
      report(
          index.value(ptr),
          ptr,
          "variable " + name + " is not set (referenced as " + ref + ")",
          hint);
      return Optional.empty();
    }
    Optional<String> problem = Variables.problem(name, v.get());
    if (problem.isPresent()) {
      report(index.value(ptr), ptr, "variable " + name + " cannot be used: " + problem.get(), "");
      return Optional.empty();
    }
    used.put(name, v.get());
    return v;
  }

  private void report(
      io.chatform.model.SourceLocation at, String ptr, String message, String hint) {
    failed.add(ptr);
    diagnostics.add(new Diagnostic(at, index.display(ptr), message, hint));
  }
}
