package io.chatform.manifest;

import io.chatform.model.SourceLocation;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Plain sentences for SnakeYAML's parser messages ({@code expected <block end>, but found '?'}):
 * what is wrong at that place, in the words of someone editing the file, and what to do.
 */
final class SyntaxMessages {
  private static final Pattern FOUND_CHAR =
      Pattern.compile("found character '(.+?)' that cannot start any token");

  private SyntaxMessages() {}

  /** One located diagnostic for a syntax error in {@code text}. */
  static Diagnostic describe(String file, String text, MarkedYAMLException e) {
    String problem = e.getProblem() == null ? "" : oneLine(e.getProblem());
    String context = e.getContext() == null ? "" : oneLine(e.getContext());
    Mark at = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
    Mark opened = e.getContextMark() != null ? e.getContextMark() : at;
    String line = lineOf(text, at);
    String[] mh = explain(problem, context, line, at, opened, text);
    Mark where = mh.length > 2 ? opened : at;
    return new Diagnostic(loc(file, where), "", mh[0], mh[1]);
  }

  /** {message, hint} or {message, hint, "opened"} to point at where the construct began. */
  private static String[] explain(
      String problem, String context, String line, Mark at, Mark opened, String text) {
    String openedAt = "line " + (opened == null ? "?" : opened.getLine() + 1);
    int col = at == null ? -1 : at.getColumn();
    if (problem.contains("\\t") || problem.contains("TAB")) {
      return new String[] {
        "a tab character is used here; YAML indents with spaces only",
        "replace the tab with spaces, e.g. two per level"
      };
    }
    if (problem.contains("end of stream") && context.contains("quoted scalar")) {
      return new String[] {
        "this quoted value is never closed",
        "add the closing quote at the end of the value",
        "opened"
      };
    }
    if (problem.contains("unknown escape character")) {
      return new String[] {
        "a backslash in a double-quoted value starts an unknown escape",
        "write \\\\ for a backslash, or use single quotes ('C:\\path')"
      };
    }
    if (problem.startsWith("found undefined alias")) {
      String name = problem.substring("found undefined alias".length()).trim();
      return new String[] {
        "the alias *" + name + " names no anchor",
        "define &" + name + " earlier in the file (e.g. under an x- key), or fix the name"
      };
    }
    Matcher ch = FOUND_CHAR.matcher(problem);
    if (ch.find()) {
      return new String[] {
        "a value cannot start with '" + ch.group(1) + "' unless it is quoted",
        "quote the value, e.g. \"" + ch.group(1) + "…\""
      };
    }
    if (problem.contains("mapping values are not allowed")) {
      boolean firstColon = line.indexOf(':') == col;
      return firstColon
          ? new String[] {
            "a key appears where a value was expected: this line is indented more than the key"
                + " above it, or the line above lacks a ':'",
            "align the key with the other keys of its mapping"
          }
          : new String[] {
            "a second ': ' on this line: a value that holds ': ' must be quoted",
            "quote the value, e.g. name: \"a: b\""
          };
    }
    if (problem.contains("could not find expected ':'")) {
      return new String[] {
        "a key without ':' (or a value split over lines)", "write key: value on one line", "opened"
      };
    }
    if (problem.startsWith("expected <block end>")
        && col > 0
        && col <= line.length()
        && (line.charAt(col - 1) == '\'' || line.charAt(col - 1) == '"')) {
      return new String[] {
        "text after a closing quote: a quote inside a quoted value ends it",
        "inside single quotes write '' for ', as in 'it''s'; or use the other kind of quote"
      };
    }
    if (problem.startsWith("expected <block end>")) {
      if (problem.contains("'-'") || problem.contains("<block sequence start>")) {
        return new String[] {
          "a list item ('- ') where a key of the mapping started at " + openedAt + " is expected",
          "a key holds either a value or a list: indent the items under their key, aligned with"
              + " each other"
        };
      }
      return new String[] {
        "this line's indentation does not match the block started at " + openedAt,
        "indent it exactly like the other keys (or items) of that block"
      };
    }
    if (problem.startsWith("expected ',' or ']'") || problem.startsWith("expected ',' or '}'")) {
      String close = problem.contains("']'") ? "]" : "}";
      String open = close.equals("]") ? "[" : "{";
      if (line.contains("${")) {
        return new String[] {
          "the '" + open + "' opened at " + openedAt + " holds an unquoted ${…} reference",
          "quote values holding ${…} inside [ ] or { }, e.g. [\"${env:NAME}\"]"
        };
      }
      String hint =
          "close it with '"
              + close
              + "', separate items with ',', and quote items that hold ':' or '"
              + close
              + "'";
      return problem.contains("<stream end>")
          ? new String[] {"this '" + open + "' is never closed", hint, "opened"}
          : new String[] {
            "the '" + open + "' opened at " + openedAt + " is not closed before this point", hint
          };
    }
    return new String[] {
      "YAML syntax error: " + problem + (context.isEmpty() ? "" : " (" + context + ")"),
      "fix the YAML syntax at this position"
    };
  }

  private static String lineOf(String text, Mark m) {
    if (m == null) {
      return "";
    }
    String[] lines = text.split("\\R", -1);
    return m.getLine() < lines.length ? lines[m.getLine()] : "";
  }

  private static SourceLocation loc(String file, Mark m) {
    return m == null
        ? new SourceLocation(file, 1, 1)
        : new SourceLocation(file, m.getLine() + 1, m.getColumn() + 1);
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s+", " ").trim();
  }
}
