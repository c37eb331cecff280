package io.chatform.route;

import io.chatform.manifest.Diagnostic;
import io.chatform.manifest.ManifestFiles;
import io.chatform.model.SourceLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the {@code tests:} sections of manifest files (including {@code *.tests.yaml}, which are
 * manifests too) with their positions. It runs after the manifest loader accepted the files, so the
 * shape is already checked by the schema; this class only keeps the positions the loader's desired
 * state does not carry.
 */
public final class ExpectationReader {
  private ExpectationReader() {}

  public static List<Expectation> read(List<Path> paths) {
    List<Expectation> out = new ArrayList<>();
    List<Diagnostic> ignored = new ArrayList<>(); // the loader already reported these
    for (ManifestFiles.ManifestFile f : ManifestFiles.expand(paths, ignored)) {
      String text;
      try {
        text = Files.readString(f.path()).replace("\uFEFF", "");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (!mayHoldTests(text)) {
        continue; // composing a 64,000-line manifest again only to find no tests: was 1/8 of a plan
      }
      Node root = new Yaml(new LoaderOptions()).compose(new java.io.StringReader(text));
      Node tests = root instanceof MappingNode m ? get(m, "tests") : null;
      if (tests instanceof SequenceNode seq) {
        for (int i = 0; i < seq.getValue().size(); i++) {
          if (seq.getValue().get(i) instanceof MappingNode item) {
            out.add(expectation(f.display(), i, item));
          }
        }
      }
    }
    return out;
  }

  /**
   * Whether a {@code tests} key can be in {@code text}: written plainly it contains the word; any
   * other spelling of it (a double-quoted key with escapes such as {@code "\x74ests"}) needs a
   * backslash.
   */
  static boolean mayHoldTests(String text) {
    return text.contains("tests") || text.indexOf('\\') >= 0;
  }

  private static Expectation expectation(String file, int index, MappingNode item) {
    SourceLocation at = at(file, item);
    Map<String, String> fields = scalars(item);
    String label = fields.getOrDefault("name", "tests[" + index + "]");
    Node visitor = get(item, "visitor");
    if (visitor instanceof MappingNode v) {
      Map<String, String> facts = scalars(v);
      Visitor who =
          new Visitor(
              facts.get("url"),
              facts.get("domain"),
              facts.get("country"),
              facts.get("country_code"),
              facts.get("region"),
              facts.get("city"));
      return new Expectation.RoutesTo(at, label, who, strings(get(item, "routes_to")));
    }
    MappingNode s = (MappingNode) get(item, "staffed");
    Map<String, String> st = scalars(s);
    List<DayOfWeek> days = new ArrayList<>();
    for (String d : strings(get(s, "days"))) {
      days.addAll(days(d));
    }
    return new Expectation.Staffed(
        at,
        label,
        fields.get("group"),
        st.get("timezone"),
        days,
        WorkHours.minutes(st.get("from")),
        WorkHours.minutes(st.get("to")),
        Integer.parseInt(st.getOrDefault("min_agents", "1")));
  }

  /** {@code monday} or a range {@code monday-friday} (wrapping past sunday: friday-monday). */
  static List<DayOfWeek> days(String text) {
    String[] parts = text.toUpperCase(Locale.ROOT).split("-");
    DayOfWeek first = DayOfWeek.valueOf(parts[0]);
    DayOfWeek last = DayOfWeek.valueOf(parts[parts.length - 1]);
    List<DayOfWeek> out = new ArrayList<>();
    for (DayOfWeek d = first; ; d = d.plus(1)) {
      out.add(d);
      if (d == last) {
        return out;
      }
    }
  }

  private static SourceLocation at(String file, Node n) {
    return new SourceLocation(
        file, n.getStartMark().getLine() + 1, n.getStartMark().getColumn() + 1);
  }

  private static Node get(MappingNode m, String key) {
    for (NodeTuple t : m.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
        return t.getValueNode();
      }
    }
    return null;
  }

  private static Map<String, String> scalars(MappingNode m) {
    Map<String, String> out = new HashMap<>();
    for (NodeTuple t : m.getValue()) {
      if (t.getKeyNode() instanceof ScalarNode k && t.getValueNode() instanceof ScalarNode v) {
        out.put(k.getValue(), v.getValue());
      }
    }
    return out;
  }

  private static List<String> strings(Node n) {
    if (n instanceof ScalarNode s) {
      return List.of(s.getValue());
    }
    List<String> out = new ArrayList<>();
    if (n instanceof SequenceNode seq) {
      seq.getValue().forEach(i -> out.add(i instanceof ScalarNode s ? s.getValue() : ""));
    }
    return out;
  }
}
