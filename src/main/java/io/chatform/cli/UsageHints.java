package io.chatform.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/**
 * What a usage error probably meant: a mistyped command or option gets picocli's nearest names, a
 * bare path where manifests are expected gets the {@code -f} it lacks, and a command group run
 * alone gets its usage (the list of its commands).
 */
final class UsageHints {
  private UsageHints() {}

  static void print(CommandLine.ParameterException ex, PrintWriter err) {
    CommandLine cl = ex.getCommandLine();
    if (ex instanceof CommandLine.UnmatchedArgumentException u) {
      List<String> paths = bareWords(u.getUnmatched());
      if (!paths.isEmpty() && cl.getCommandSpec().findOption("-f") != null) {
        err.println("Did you mean -f " + String.join(" -f ", paths) + "?");
        return;
      }
      java.util.Optional<String> near = nearest(u.getUnmatched(), cl);
      near.ifPresent(n -> err.println("Did you mean '" + n + "'?"));
      if (near.isEmpty()
          && !CommandLine.UnmatchedArgumentException.printSuggestions(u, err)
          && !cl.getSubcommands().isEmpty()) {
        err.println();
        cl.usage(err);
      }
      return;
    }
    if (!cl.getSubcommands().isEmpty()
        && cl.getParseResult() != null
        && !cl.getParseResult().hasSubcommand()) {
      err.println();
      cl.usage(err);
    }
  }

  /**
   * The command or option name nearest to the first unmatched word, if one is within two edits (a
   * swap of neighbours counts as one: {@code paln} is {@code plan}); picocli's own suggestions (by
   * shared letter pairs) miss exactly these typos.
   */
  static java.util.Optional<String> nearest(List<String> unmatched, CommandLine cl) {
    if (unmatched.isEmpty()) {
      return java.util.Optional.empty();
    }
    String word = unmatched.get(0);
    List<String> names = new java.util.ArrayList<>(cl.getSubcommands().keySet());
    cl.getCommandSpec().options().forEach(o -> names.addAll(List.of(o.names())));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String n : names) {
      int d = io.chatform.manifest.Suggestions.distance(word, n);
      if (d < bestDistance && d <= Math.min(2, Math.max(1, n.length() / 3))) {
        best = n;
        bestDistance = d;
      }
    }
    return java.util.Optional.ofNullable(best);
  }

  /** The unmatched words that are no option: paths, typically. */
  private static List<String> bareWords(List<String> unmatched) {
    return unmatched.stream()
        .filter(w -> !w.startsWith("-") && !w.isEmpty())
        .map(io.chatform.model.Escapes::line)
        .toList();
  }
}
