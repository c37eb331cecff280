package io.chatform.manifest;

import io.chatform.model.Escapes;
import io.chatform.model.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The loader's diagnostics, bounded: hostile manifests (a 1 MB file of aliases to one large scalar,
 * {@code notifications: [*big × 150000]}) must not turn into gigabytes of output. Each diagnostic
 * is made printable as it is added (control characters escaped, quoted values cut to {@value
 * Escapes#DIAGNOSTIC_VALUE_LIMIT} characters), at most {@value #MAX_KEPT} are kept, and {@link
 * #finish} collapses repeats and caps what is shown at {@value #MAX_SHOWN}.
 */
public final class DiagnosticList extends ArrayList<Diagnostic> {
  private static final long serialVersionUID = 1L;

  /** Most diagnostics held in memory; the rest are only counted. */
  static final int MAX_KEPT = 20_000;

  /** Most diagnostics shown per run; then one summary line. */
  static final int MAX_SHOWN = 1_000;

  /** Diagnostics alike (same message at the same place in every list) shown before a count. */
  static final int MAX_ALIKE = 3;

  static final String MORE_PREFIX = "… and ";

  private static final Pattern QUOTED = Pattern.compile("'([^']{" + 81 + ",})'");
  private static final Pattern INDEX = Pattern.compile("\\[\\d+]");
  private static final Pattern MORE = Pattern.compile("^… and ([\\d,]+) more");

  private long dropped;

  @Override
  public boolean add(Diagnostic d) {
    if (size() >= MAX_KEPT) {
      dropped++;
      return true;
    }
    return super.add(printable(d));
  }

  @Override
  public boolean addAll(java.util.Collection<? extends Diagnostic> all) {
    all.forEach(this::add);
    return !all.isEmpty();
  }

  /** Problems not kept (beyond {@value #MAX_KEPT}). */
  long dropped() {
    return dropped;
  }

  /** The one form every diagnostic is printed in: escaped, long values and texts shortened. */
  static Diagnostic printable(Diagnostic d) {
    SourceLocation l = d.location();
    SourceLocation loc = new SourceLocation(Escapes.shortened(l.file(), 300), l.line(), l.column());
    return new Diagnostic(
        loc,
        Escapes.shortened(d.path(), 160),
        Escapes.shortened(shortenQuoted(d.message()), 1000),
        Escapes.shortened(shortenQuoted(d.hint()), 400));
  }

  private static String shortenQuoted(String text) {
    Matcher m = QUOTED.matcher(text);
    return m.find()
        ? m.replaceAll(
            r ->
                Matcher.quoteReplacement(
                    "'"
                        + Escapes.shortened(r.group(1), Escapes.DIAGNOSTIC_VALUE_LIMIT)
                        + "' ("
                        + r.group(1).length()
                        + " characters)"))
        : text;
  }

  /**
   * {@code sorted} with exact repeats dropped, more than {@value #MAX_ALIKE} alike ones (same file,
   * message and hint, paths equal but for list indexes) replaced by one "… and N more like this"
   * line, and at most {@value #MAX_SHOWN} lines plus a summary; {@code dropped} more are counted.
   */
  static List<Diagnostic> finish(List<Diagnostic> sorted, long dropped) {
    Map<String, Integer> alike = new HashMap<>();
    for (Diagnostic d : sorted) {
      alike.merge(key(d), 1, Integer::sum);
    }
    Map<String, Integer> shown = new HashMap<>();
    Set<Diagnostic> seen = new HashSet<>();
    List<Diagnostic> out = new ArrayList<>();
    long hidden = dropped;
    for (Diagnostic d : sorted) {
      String k = key(d);
      int total = alike.get(k);
      int n = shown.getOrDefault(k, 0);
      if (n < 0) {
        continue; // this group is already summarised
      }
      if (n >= MAX_ALIKE || !seen.add(d)) {
        int rest = total - n;
        shown.put(k, -1);
        out.add(
            new Diagnostic(
                d.location(),
                INDEX.matcher(d.path()).replaceAll("[*]"),
                MORE_PREFIX + String.format(java.util.Locale.ROOT, "%,d", rest) + " more like this",
                ""));
        continue;
      }
      shown.put(k, n + 1);
      out.add(d);
    }
    if (out.size() <= MAX_SHOWN && hidden == 0) {
      return out;
    }
    List<Diagnostic> capped = new ArrayList<>(out.subList(0, Math.min(MAX_SHOWN, out.size())));
    for (Diagnostic d : out.subList(capped.size(), out.size())) {
      hidden += count(d);
    }
    capped.add(
        new Diagnostic(
            SourceLocation.NONE,
            "",
            MORE_PREFIX
                + String.format(java.util.Locale.ROOT, "%,d", hidden)
                + " more problems not shown",
            "fix the ones above and validate again"));
    return capped;
  }

  /** How many problems a diagnostic stands for: 1, or N for a "… and N more" line. */
  static long count(Diagnostic d) {
    Matcher m = MORE.matcher(d.message());
    return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : 1;
  }

  /** How many problems the diagnostics stand for, counting the collapsed ones. */
  public static long problems(List<Diagnostic> diagnostics) {
    return diagnostics.stream().mapToLong(DiagnosticList::count).sum();
  }

  private static String key(Diagnostic d) {
    return d.location().file()
        + '\u0000'
        + INDEX.matcher(d.path()).replaceAll("[*]")
        + '\u0000'
        + d.message()
        + '\u0000'
        + d.hint();
  }
}
