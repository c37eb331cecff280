package io.chatform.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns {@code --account NAME} into the options and credentials that account's entry in the project
 * file stands for, before the command line is parsed, so every command gains it without one line of
 * its own. Precedence: flags given, then the environment (CHATFORM_REGION, CHATFORM_API_VERSION,
 * CHATFORM_VAR_*), then the project file. {@code --var NAME=VALUE} (see {@link VariableArgs}) works
 * with or without a project file.
 */
final class AccountArgs {
  /** The subcommands that talk to one account (and so take --account). */
  static final Set<String> TARGETED =
      Set.of("validate", "plan", "apply", "drift", "export", "route", "test", "report");

  /** Subcommands that take -f (export writes an account out and reads no manifests). */
  private static final Set<String> READS_MANIFESTS =
      Set.of("validate", "plan", "apply", "drift", "route", "test", "report");

  /** Subcommands that work offline on the manifests, so need no credentials. */
  private static final Set<String> OFFLINE = Set.of("validate", "test", "report");

  /** The arguments and environment a command runs with. */
  record Expanded(String[] args, Map<String, String> env) {}

  private AccountArgs() {}

  /**
   * Lists the options read here, before picocli parses the command line, in {@code name}'s help and
   * completion (picocli never sees them: {@link #expand} takes them out first).
   */
  static void describe(picocli.CommandLine.Model.CommandSpec spec, String name) {
    if (!TARGETED.contains(name)) {
      return;
    }
    spec.addOption(
        picocli.CommandLine.Model.OptionSpec.builder("--account")
            .paramLabel("NAME")
            .type(String.class)
            .arity("1")
            .description(
                "An account of the project file: its credentials' variable names, region, API"
                    + " version, manifests and variables (flags given here win).")
            .build());
    spec.addOption(
        picocli.CommandLine.Model.OptionSpec.builder("--project")
            .paramLabel("FILE")
            .type(String.class)
            .arity("1")
            .description(
                "The project file for --account (default: CHATFORM_PROJECT, else chatform.yaml in"
                    + " the current directory).")
            .build());
    if (READS_MANIFESTS.contains(name)) {
      spec.addOption(
          picocli.CommandLine.Model.OptionSpec.builder("--var")
              .paramLabel("NAME=VALUE")
              .type(String[].class)
              .arity("1")
              .description(
                  "Sets $${var:NAME} in the manifests (repeatable); wins over CHATFORM_VAR_NAME"
                      + " and the project file's variables.")
              .build());
    }
  }

  static Expanded expand(String[] args, Map<String, String> env, Path cwd) {
    if (args.length == 0 || !TARGETED.contains(args[0])) {
      return new Expanded(args, env);
    }
    List<String> rest = new ArrayList<>();
    List<String> vars = new ArrayList<>();
    Optional<String> account = Optional.empty();
    Optional<Path> project = Optional.ofNullable(env.get("CHATFORM_PROJECT")).map(Path::of);
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (a.equals("--")) { // everything after is positional
        rest.addAll(List.of(args).subList(i, args.length));
        break;
      } else if (a.equals("--var") && READS_MANIFESTS.contains(args[0])) {
        if (i + 1 >= args.length) {
          throw new UserException("--var needs NAME=VALUE, e.g. --var max_chats=4");
        }
        vars.add(args[++i]);
      } else if (a.startsWith("--var=") && READS_MANIFESTS.contains(args[0])) {
        vars.add(a.substring("--var=".length()));
      } else if (a.equals("--account") || a.equals("--project")) {
        if (i + 1 >= args.length) {
          throw new UserException(a + " needs a value, e.g. " + a + " staging");
        }
        String v = args[++i];
        if (a.equals("--account")) {
          account = Optional.of(v);
        } else {
          project = Optional.of(Path.of(v));
        }
      } else if (a.startsWith("--account=")) {
        account = Optional.of(a.substring("--account=".length()));
      } else if (a.startsWith("--project=")) {
        project = Optional.of(Path.of(a.substring("--project=".length())));
      } else {
        rest.add(a);
      }
    }
    env = VariableArgs.withFlags(env, vars);
    List<String> out = new ArrayList<>(rest);
    if (!has(rest, "--region") && env.containsKey("CHATFORM_REGION")) {
      out.addAll(List.of("--region", env.get("CHATFORM_REGION")));
    }
    if (!has(rest, "--api-version") && env.containsKey("CHATFORM_API_VERSION")) {
      out.addAll(List.of("--api-version", env.get("CHATFORM_API_VERSION")));
    }
    if (account.isEmpty()) {
      return new Expanded(out.toArray(String[]::new), env);
    }
    ProjectFile file =
        ProjectFile.find(project, cwd)
            .orElseThrow(
                () ->
                    new UserException(
                        "--account needs a project file: none given (--project FILE or"
                            + " CHATFORM_PROJECT) and no "
                            + ProjectFile.NAME
                            + " with an accounts: section in "
                            + cwd.toAbsolutePath().normalize()));
    ProjectAccount acc = file.account(account.get());
    if (READS_MANIFESTS.contains(args[0]) && !has(rest, "-f") && !has(rest, "--file")) {
      Path base = file.file().toAbsolutePath().getParent();
      for (String m : acc.manifests()) {
        out.addAll(List.of("-f", shown(base.resolve(m).normalize(), cwd)));
      }
    }
    if (!has(out, "--region")) {
      acc.region().ifPresent(r -> out.addAll(List.of("--region", r)));
    }
    if (!has(out, "--api-version")) {
      acc.apiVersion().ifPresent(v -> out.addAll(List.of("--api-version", v)));
    }
    env = VariableArgs.withProject(env, acc);
    return new Expanded(out.toArray(String[]::new), credentials(acc, env, args[0], rest));
  }

  /** The environment with LIVECHAT_* taken from the variables the account names. */
  private static Map<String, String> credentials(
      ProjectAccount acc, Map<String, String> env, String command, List<String> rest) {
    if (acc.credentialVars().isEmpty()) {
      return env;
    }
    boolean offline =
        OFFLINE.contains(command) || (command.equals("route") && !rest.contains("--live"));
    boolean needed = !offline && !rest.contains("--sandbox");
    Map<String, String> out = new HashMap<>(env);
    // The account's credentials replace any others: a pipeline must not reach the wrong account.
    ProjectAccount.CREDENTIALS.values().forEach(out::remove);
    // Every unset variable is named, in a stable order (the map's own order is not).
    List<String> missing = new java.util.ArrayList<>();
    new java.util.TreeMap<>(acc.credentialVars())
        .forEach(
            (key, var) -> {
              String value = env.get(var);
              if (value == null || value.isEmpty()) {
                missing.add(var + " (credentials." + key + " in the project file)");
              } else {
                out.put(ProjectAccount.CREDENTIALS.get(key), value);
              }
            });
    if (needed && !missing.isEmpty()) {
      throw new UserException(
          "account "
              + acc.name()
              + ": "
              + (missing.size() == 1
                  ? "the environment variable " + missing.get(0) + " is not set"
                  : "the environment variables " + String.join(" and ", missing) + " are not set")
              + "; set "
              + (missing.size() == 1 ? "it" : "them")
              + " from your CI's secrets");
    }
    return Map.copyOf(out);
  }

  private static boolean has(List<String> args, String option) {
    return args.stream().anyMatch(a -> a.equals(option) || a.startsWith(option + "="));
  }

  /** A path relative to the working directory when it is below it (saved plans record it). */
  private static String shown(Path p, Path cwd) {
    Path base = cwd.toAbsolutePath().normalize();
    if (!p.startsWith(base)) {
      return p.toString();
    }
    String rel = base.relativize(p).toString();
    return rel.isEmpty() ? "." : rel;
  }
}
