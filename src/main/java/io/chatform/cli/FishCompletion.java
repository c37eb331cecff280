package io.chatform.cli;

import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * A fish completion script written from the picocli command model (picocli generates bash and zsh
 * only): each command level offers its subcommands and its options, with their descriptions.
 */
final class FishCompletion {
  private FishCompletion() {}

  static String script(CommandSpec root) {
    StringBuilder b =
        new StringBuilder("# fish completion for chatform (chatform completion fish)\n");
    b.append("complete -c chatform -f\n");
    level(root, List.of(), b);
    return b.toString();
  }

  /** The lines of one command, reached after the subcommand words {@code path}. */
  private static void level(CommandSpec spec, List<String> path, StringBuilder b) {
    String when = condition(spec, path);
    spec.subcommands()
        .forEach(
            (name, sub) -> {
              if (!sub.getCommandSpec().usageMessage().hidden()
                  && name.equals(sub.getCommandName())) {
                b.append("complete -c chatform -n '")
                    .append(when)
                    .append("' -a ")
                    .append(name)
                    .append(" -d ")
                    .append(quote(firstLine(sub.getCommandSpec().usageMessage().description())))
                    .append('\n');
              }
            });
    for (OptionSpec o : spec.options()) {
      if (o.hidden()) {
        continue;
      }
      b.append("complete -c chatform -n '").append(when).append("'");
      for (String n : o.names()) {
        b.append(n.startsWith("--") ? " -l " + n.substring(2) : " -s " + n.substring(1));
      }
      if (o.arity().max() > 0) {
        b.append(" -r");
        if (java.util.Arrays.asList(o.auxiliaryTypes()).contains(java.nio.file.Path.class)) {
          b.append(" -F");
        }
      }
      b.append(" -d ").append(quote(firstLine(o.description()))).append('\n');
    }
    spec.subcommands()
        .forEach(
            (name, sub) -> {
              if (name.equals(sub.getCommandName())) {
                List<String> next = new java.util.ArrayList<>(path);
                next.add(name);
                level(sub.getCommandSpec(), next, b);
              }
            });
  }

  /** Fish's test for "the words so far are {@code path} and no subcommand of this level yet". */
  private static String condition(CommandSpec spec, List<String> path) {
    StringBuilder c = new StringBuilder();
    if (path.isEmpty()) {
      c.append("__fish_use_subcommand");
    } else {
      for (String p : path) {
        c.append(c.length() == 0 ? "" : "; and ").append("__fish_seen_subcommand_from ").append(p);
      }
    }
    if (!path.isEmpty() && !spec.subcommands().isEmpty()) {
      c.append("; and not __fish_seen_subcommand_from ")
          .append(String.join(" ", spec.subcommands().keySet()));
    }
    return c.toString();
  }

  private static String firstLine(String[] description) {
    return description.length == 0 ? "" : description[0].replaceAll("\\$\\{[A-Z-]+}", "");
  }

  private static String quote(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
