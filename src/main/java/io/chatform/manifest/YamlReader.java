package io.chatform.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.model.SourceLocation;
import java.io.StringReader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * Turns one YAML text into a JSON tree plus a {@link PositionIndex}, reporting syntax errors,
 * duplicate keys and hostile constructs as located diagnostics instead of exceptions.
 *
 * <p>SnakeYAML's composer keeps a start mark on every node, which is what makes {@code
 * file:line:col} possible for every value. Scalars are typed by the YAML 1.2 core schema (only
 * {@code true/false} are booleans, so {@code country_code: NO} stays a string and {@code 17:00} is
 * not a base-60 number).
 */
final class YamlReader {
  static final int MAX_ALIASES = 50;
  static final int MAX_DEPTH = 40;
  static final int MAX_NODES = 200_000;

  /** Most characters in all scalar values together, aliases expanded (4× the largest file). */
  static final long MAX_CHARS = 4L * ManifestFiles.MAX_BYTES;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

  /**
   * The tree (empty document = null node), where each node was written, and the numbers not written
   * as plain decimal integers (pointer → the text as written), which {@link NumberForms} refuses.
   */
  record Parsed(JsonNode root, PositionIndex index, Map<String, String> oddNumbers) {
    Parsed(JsonNode root, PositionIndex index) {
      this(root, index, Map.of());
    }
  }

  private final String file;
  private final List<Diagnostic> diagnostics;
  private PositionIndex index;
  private final Map<String, String> oddNumbers = new java.util.LinkedHashMap<>();
  private int nodes;
  private long chars;

  YamlReader(String file, List<Diagnostic> diagnostics) {
    this.file = file;
    this.diagnostics = diagnostics;
  }

  /** Parses {@code text}; on a fatal problem reports it and returns a null root. */
  private static LoaderOptions options() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // we detect duplicates ourselves, with both positions
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_DEPTH);
    options.setCodePointLimit(ManifestFiles.MAX_BYTES + 1);
    options.setAllowRecursiveKeys(false);
    return options;
  }

  private static Node compose(String text) {
    LoaderOptions options = options();
    return new Composer(
            new ParserImpl(new StreamReader(new StringReader(text)), options),
            new CoreSchemaResolver(),
            options)
        .getSingleNode();
  }

  /** The first syntax error of {@code text}, if any (for {@link SyntaxRecovery}). */
  static java.util.Optional<MarkedYAMLException> syntaxError(String text) {
    try {
      compose(text);
      return java.util.Optional.empty();
    } catch (MarkedYAMLException e) {
      return java.util.Optional.of(e);
    } catch (YAMLException | StackOverflowError e) {
      return java.util.Optional.empty(); // not a syntax error: the whole-file parse reports it
    }
  }

  Parsed read(String text) {
    index = new PositionIndex(file);
    try {
      Node node = compose(text);
      if (node == null) {
        return new Parsed(JSON.nullNode(), index);
      }
      JsonNode root = convert(node, 0);
      Mark m = node.getStartMark();
      index.root(root, m.getLine() + 1, m.getColumn() + 1);
      return new Parsed(root, index, Map.copyOf(oddNumbers));
    } catch (MarkedYAMLException e) {
      Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String problem = e.getProblem() != null ? e.getProblem() : "invalid YAML";
      if (problem.contains("another document")) {
        report(
            m,
            "a manifest file holds one YAML document; found another",
            "split the documents into separate files");
      } else {
        diagnostics.addAll(SyntaxRecovery.all(file, text, e, YamlReader::syntaxError));
      }
    } catch (TooBig e) {
      report(e.mark, e.getMessage(), e.hint);
    } catch (ReaderException e) {
      // A character YAML does not allow (a raw control character): at its own line and column.
      report(
          at(text, e.getPosition()),
          "a raw control character (code point "
              + String.format("U+%04X", e.getCodePoint())
              + ") is not allowed in YAML",
          "remove it, or write it as an escape inside a double-quoted string (\"\\e\")");
    } catch (YAMLException e) {
      String msg = oneLine(String.valueOf(e.getMessage()));
      String lower = msg.toLowerCase(java.util.Locale.ROOT);
      String hint =
          lower.contains("aliases")
              ? "use fewer YAML aliases (at most " + MAX_ALIASES + " for lists and maps)"
              : lower.contains("depth") || lower.contains("nesting")
                  ? "nest at most " + MAX_DEPTH + " levels deep"
                  : "fix the YAML";
      diagnostics.add(
          new Diagnostic(
              new SourceLocation(file, 1, 1), "", "YAML could not be read: " + msg, hint));
    } catch (StackOverflowError e) {
      diagnostics.add(
          new Diagnostic(
              new SourceLocation(file, 1, 1),
              "",
              "YAML is nested too deeply",
              "nest at most " + MAX_DEPTH + " levels deep"));
    }
    return new Parsed(null, index);
  }

  /**
   * The path from the root to the node being converted, one segment per level (a mapping key, or a
   * list index when the name is null): a pointer or display path is built from it only for the rare
   * message or odd number that needs one, never per node.
   */
  private final String[] names = new String[MAX_DEPTH + 2];

  private final int[] indexes = new int[MAX_DEPTH + 2];

  private String pointer(int depth) {
    StringBuilder p = new StringBuilder();
    for (int d = 0; d < depth; d++) {
      p.append(
          names[d] == null
              ? PositionIndex.child("", indexes[d])
              : PositionIndex.child("", names[d]));
    }
    return p.toString();
  }

  private String display(int depth) {
    String out = "";
    for (int d = 0; d < depth; d++) {
      out = names[d] == null ? out + "[" + indexes[d] + "]" : PositionIndex.join(out, names[d]);
    }
    return out;
  }

  private JsonNode convert(Node node, int depth) {
    if (++nodes > MAX_NODES) {
      throw new TooBig(
          node.getStartMark(),
          "the document has more than " + MAX_NODES + " values (after expanding aliases)",
          "split the manifest or avoid repeating large aliases");
    }
    if (depth > MAX_DEPTH) {
      throw new TooBig(
          node.getStartMark(),
          "nested more than " + MAX_DEPTH + " levels deep",
          "flatten the structure");
    }
    if (node instanceof MappingNode map) {
      ObjectNode out = JSON.objectNode();
      Map<String, Node> seen = new HashMap<>();
      List<NodeTuple> merged = new ArrayList<>();
      for (NodeTuple t : map.getValue()) {
        Node k = t.getKeyNode();
        if (isMergeKey(k)) {
          collectMerge(t.getValueNode(), k.getStartMark(), merged, 0);
          continue;
        }
        if (!(k instanceof ScalarNode ks)) {
          report(k.getStartMark(), "keys must be plain strings", "remove the complex key");
          continue;
        }
        String name = ks.getValue();
        Node first = seen.putIfAbsent(name, k);
        names[depth] = name;
        if (first != null) {
          Mark f = first.getStartMark();
          diagnostics.add(
              new Diagnostic(
                  loc(k.getStartMark()),
                  display(depth + 1),
                  "duplicate key '" + name + "' (first at line " + (f.getLine() + 1) + ")",
                  "keep only one '" + name + "' in this mapping"));
          continue;
        }
        field(out, name, k.getStartMark(), t.getValueNode(), depth);
      }
      // YAML merge keys (<<: *defaults): keys written in the mapping win, then earlier sources.
      for (NodeTuple t : merged) {
        String name = ((ScalarNode) t.getKeyNode()).getValue();
        if (!out.has(name)) {
          names[depth] = name;
          field(out, name, t.getKeyNode().getStartMark(), t.getValueNode(), depth);
        }
      }
      return out;
    }
    if (node instanceof SequenceNode seq) {
      ArrayNode out = JSON.arrayNode();
      int i = 0;
      names[depth] = null;
      for (Node item : seq.getValue()) {
        indexes[depth] = i;
        Mark m = item.getStartMark();
        index.item(out, m.getLine() + 1, m.getColumn() + 1);
        out.add(convert(item, depth + 1));
        i++;
      }
      return out;
    }
    ScalarNode scalar = (ScalarNode) node;
    chars += scalar.getValue().length();
    if (chars > MAX_CHARS) {
      // Aliases to one large scalar cost nothing to write but every later check pays for each
      // copy (a 2 MB file could make 150 GB of text to scan).
      throw new TooBig(
          node.getStartMark(),
          String.format(
              java.util.Locale.ROOT,
              "the document holds more than %,d characters of values (after expanding aliases)",
              MAX_CHARS),
          "avoid repeating large values through aliases");
    }
    return scalar(scalar, depth);
  }

  /**
   * Converts the value of key {@code name} (at {@code key}) into {@code out}, with its position.
   */
  private void field(ObjectNode out, String name, Mark key, Node value, int depth) {
    Mark v = value.getStartMark();
    index.field(
        out, name, key.getLine() + 1, key.getColumn() + 1, v.getLine() + 1, v.getColumn() + 1);
    out.set(name, convert(value, depth + 1));
  }

  private static boolean isMergeKey(Node k) {
    return k instanceof ScalarNode s && s.isPlain() && s.getValue().equals("<<");
  }

  /** Flattens the value of a merge key (a mapping or a list of them) into {@code acc}. */
  private void collectMerge(Node v, Mark at, List<NodeTuple> acc, int depth) {
    if (depth > MAX_DEPTH) {
      throw new TooBig(at, "merge keys nest too deeply", "flatten the anchors");
    }
    if (v instanceof SequenceNode seq) {
      for (Node item : seq.getValue()) {
        if (item instanceof SequenceNode) {
          report(at, "'<<' takes a mapping or a list of mappings", MERGE_HINT);
        } else {
          collectMerge(item, at, acc, depth + 1);
        }
      }
    } else if (v instanceof MappingNode m) {
      List<NodeTuple> nested = new ArrayList<>();
      for (NodeTuple t : m.getValue()) {
        if (isMergeKey(t.getKeyNode())) {
          collectMerge(t.getValueNode(), at, nested, depth + 1);
        } else if (t.getKeyNode() instanceof ScalarNode) {
          acc.add(t);
        }
      }
      acc.addAll(nested);
    } else {
      report(at, "'<<' takes a mapping or a list of mappings", MERGE_HINT);
    }
  }

  private static final String MERGE_HINT = "write <<: *anchor where &anchor names a mapping";

  private static final Pattern PLAIN_INTEGER = Pattern.compile("-?(?:0|[1-9][0-9]*)");

  private JsonNode scalar(ScalarNode s, int depth) {
    String v = s.getValue();
    Tag tag = s.getTag();
    if ((tag.equals(Tag.INT) && !PLAIN_INTEGER.matcher(v).matches()) || tag.equals(Tag.FLOAT)) {
      oddNumbers.put(pointer(depth), v);
    }
    if (tag.equals(Tag.NULL)) {
      return JSON.nullNode();
    }
    if (tag.equals(Tag.BOOL)) {
      return JSON.booleanNode(v.equalsIgnoreCase("true"));
    }
    if (tag.equals(Tag.INT)) {
      try {
        BigInteger n;
        if (v.startsWith("0x")) {
          n = new BigInteger(v.substring(2), 16);
        } else if (v.startsWith("0o")) {
          n = new BigInteger(v.substring(2), 8);
        } else {
          n = new BigInteger(v.startsWith("+") ? v.substring(1) : v);
        }
        return n.bitLength() < 32
            ? JSON.numberNode(n.intValue())
            : n.bitLength() < 64 ? JSON.numberNode(n.longValue()) : JSON.numberNode(n);
      } catch (NumberFormatException e) {
        return JSON.textNode(v);
      }
    }
    if (tag.equals(Tag.FLOAT)) {
      try {
        return JSON.numberNode(new java.math.BigDecimal(v));
      } catch (NumberFormatException e) {
        return JSON.textNode(v); // .inf/.nan: no manifest field takes them; the schema says so
      }
    }
    if (!tag.equals(Tag.STR)) {
      report(
          s.getStartMark(),
          "unsupported YAML tag " + tag.getValue(),
          "remove the tag; plain strings, numbers and true/false are supported");
    }
    return JSON.textNode(v);
  }

  /** The line and column of the {@code codePoint}-th code point of {@code text}. */
  private SourceLocation at(String text, int codePoint) {
    int line = 1;
    int column = 1;
    int i = 0;
    for (int n = 0; n < codePoint && i < text.length(); n++) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new SourceLocation(file, line, column);
  }

  private void report(SourceLocation at, String message, String hint) {
    diagnostics.add(new Diagnostic(at, "", message, hint));
  }

  private void report(Mark m, String message, String hint) {
    diagnostics.add(
        new Diagnostic(m == null ? new SourceLocation(file, 1, 1) : loc(m), "", message, hint));
  }

  private SourceLocation loc(Mark m) {
    return new SourceLocation(file, m.getLine() + 1, m.getColumn() + 1);
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").trim();
  }

  /** Thrown inside conversion to abort a hostile document with a located message. */
  private static final class TooBig extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Mark mark;
    final String hint;

    TooBig(Mark mark, String message, String hint) {
      super(message, null, false, false);
      this.mark = mark;
      this.hint = hint;
    }
  }
}
