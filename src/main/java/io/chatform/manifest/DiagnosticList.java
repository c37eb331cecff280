package io.chatform.manifest;

import io.chatform.model.Escapes;
import io.chatform.model.SourceLocation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The loader's diagnostics, bounded: hostile manifests (a 1 MB file of aliases to one scalar,
 * {@code notifications: [*big × 150000]}) must not turn into gigabytes of output. Each diagnostic
 * is made printable as it is added (control characters escaped, quoted values cut to {@value
 * Escapes#DIAGNOSTIC_VALUE_LIMIT} characters); repeats are counted instead of kept; at most {@value
 * #MAX_KEPT} distinct ones are kept; {@link #finish} shows at most {@value #MAX_SHOWN} lines.
 */
public final class DiagnosticList extends ArrayList<Diagnostic> {
  private static final long serialVersionUID = 1L;

  /** Most distinct diagnostics held in memory; the rest are only counted. */
  static final int MAX_KEPT = 20_000;

  /** Most diagnostics shown per run; then one summary line. */
  static final int MAX_SHOWN = 1_000;

  /** Diagnostics alike (same message at the same place in every list) shown before a count. */
  static final int MAX_ALIKE = 3;

  static final String MORE_PREFIX = "… and ";

  private static final Pattern QUOTED = Pattern.compile("'([^']{81,})'");
  private static final Pattern INDEX = Pattern.compile("\\[\\d+]");
  private static final Pattern MORE = Pattern.compile("^… and ([\\d,]+) more");

  /** Per kind of problem (see {@link #key}): how many are kept, how many only counted. */
  private final Map<String, int[]> groups = new HashMap<>();

  /** The first counted-only diagnostic of each kind: where its "… and N more" line points. */
  private final Map<String, Diagnostic> firstHidden = new HashMap<>();

  private final Set<Diagnostic> kept = new HashSet<>();
  private long dropped;

  /**
   * Keeps {@code raw} (made printable) unless {@value #MAX_ALIKE} alike ones are kept already or it
   * repeats one exactly: then it is only counted, so repeats cost no memory.
   */
  @Override
  public boolean add(Diagnostic raw) {
    Diagnostic d = printable(raw);
    String k = key(d);
    int[] g = groups.get(k);
    if (g == null) {
      if (size() >= MAX_KEPT) {
        dropped++;
        return true;
      }
      g = new int[2];
      groups.put(k, g);
    }
    if (g[0] >= MAX_ALIKE || kept.contains(d)) {
      g[1]++;
      firstHidden.putIfAbsent(k, d);
      return true;
    }
    g[0]++;
    kept.add(d);
    return super.add(d);
  }

  @Override
  public boolean addAll(Collection<? extends Diagnostic> all) {
    all.forEach(this::add);
    return !all.isEmpty();
  }

  /**
   * The kept diagnostics in {@code sorted} order, each kind's "… and N more like this" line right
   * after its last kept one, cut to {@value #MAX_SHOWN} lines plus one "… and N more problems not
   * shown" line counting everything cut or dropped.
   */
  List<Diagnostic> finish(List<Diagnostic> sorted) {
    Map<String, Integer> last = new HashMap<>();
    for (int i = 0; i < sorted.size(); i++) {
      last.put(key(sorted.get(i)), i);
    }
    List<Diagnostic> out = new ArrayList<>();
    for (int i = 0; i < sorted.size(); i++) {
      Diagnostic d = sorted.get(i);
      out.add(d);
      String k = key(d);
      int[] g = groups.get(k);
      if (last.get(k) == i && g != null && g[1] > 0) {
        Diagnostic h = firstHidden.get(k);
        out.add(
            new Diagnostic(
                h.location(),
                INDEX.matcher(h.path()).replaceAll("[*]"),
                MORE_PREFIX + thousands(g[1]) + " more like this",
                ""));
      }
    }
    if (out.size() <= MAX_SHOWN && dropped == 0) {
      return out;
    }
    List<Diagnostic> capped = new ArrayList<>(out.subList(0, Math.min(MAX_SHOWN, out.size())));
    long hidden = dropped;
    for (Diagnostic d : out.subList(capped.size(), out.size())) {
      hidden += count(d);
    }
    Diagnostic at = out.get(Math.min(capped.size(), out.size() - 1));
    capped.add(
        new Diagnostic(
            at.location(),
            "",
            MORE_PREFIX + thousands(hidden) + " more problems not shown",
            "fix the ones above and validate again"));
    return capped;
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

  /** How many problems a diagnostic stands for: 1, or N for a "… and N more" line. */
  static long count(Diagnostic d) {
    Matcher m = MORE.matcher(d.message());
    return m.find() ? Long.parseLong(m.group(1).replace(",", "")) : 1;
  }

  /** How many problems the diagnostics stand for, counting the collapsed ones. */
  public static long problems(List<Diagnostic> diagnostics) {
    return diagnostics.stream().mapToLong(DiagnosticList::count).sum();
  }

  private static String thousands(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  /** Same file, message and hint, and the same path but for list indexes. */
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
