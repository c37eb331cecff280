package io.chatform.manifest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reports every syntax error of a file, not only the first: after the parser stops, each top-level
 * section ({@code groups:}, {@code agents:} …) is parsed again on its own, with the other lines
 * blanked so line numbers stay right, and the errors found there are added.
 *
 * <p>An alias whose anchor lives in another section is not an error of the file, so "undefined
 * alias" is ignored in a section parsed alone. Errors at a place already reported are dropped.
 */
final class SyntaxRecovery {
  /** A top-level key: a plain word at column 0 followed by ':'. */
  private static final Pattern SECTION = Pattern.compile("^[A-Za-z_][A-Za-z0-9_-]*\\s*:(\\s.*)?$");

  private SyntaxRecovery() {}

  /**
   * @param first the error that stopped the parse of the whole text
   * @param parse parses a text, returning its first syntax error if any
   */
  static List<Diagnostic> all(
      String file,
      String text,
      MarkedYAMLException first,
      Function<String, Optional<MarkedYAMLException>> parse) {
    List<Diagnostic> out = new ArrayList<>();
    Diagnostic head = SyntaxMessages.describe(file, text, first);
    out.add(head);
    Set<Integer> seen = new HashSet<>(lines(first));
    seen.add(head.location().line());
    String[] lines = text.split("\\n", -1);
    List<Integer> starts = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      if (SECTION.matcher(lines[i].replace("\r", "")).matches()) {
        starts.add(i);
      }
    }
    if (starts.size() < 2) {
      return out;
    }
    for (int s = 0; s < starts.size(); s++) {
      int from = starts.get(s);
      int to = s + 1 < starts.size() ? starts.get(s + 1) : lines.length;
      StringBuilder chunk = new StringBuilder();
      for (int i = 0; i < lines.length; i++) {
        chunk.append(i >= from && i < to ? lines[i] : "").append(i + 1 < lines.length ? "\n" : "");
      }
      Optional<MarkedYAMLException> e = parse.apply(chunk.toString());
      if (e.isEmpty() || String.valueOf(e.get().getProblem()).contains("undefined alias")) {
        continue;
      }
      Diagnostic d = SyntaxMessages.describe(file, chunk.toString(), e.get());
      int line = d.location().line();
      // One mistake seen from two sides (where a bracket opened, where the parser noticed) is one.
      Set<Integer> touched = lines(e.get());
      touched.add(line);
      if (line - 1 >= from && line - 1 < to + 1 && touched.stream().noneMatch(seen::contains)) {
        seen.addAll(touched);
        out.add(d);
      }
    }
    return out;
  }

  /** The 1-based lines of an error's marks (where it was noticed, where its construct began). */
  private static Set<Integer> lines(MarkedYAMLException e) {
    Set<Integer> out = new HashSet<>();
    if (e.getProblemMark() != null) {
      out.add(e.getProblemMark().getLine() + 1);
    }
    if (e.getContextMark() != null) {
      out.add(e.getContextMark().getLine() + 1);
    }
    return out;
  }
}
