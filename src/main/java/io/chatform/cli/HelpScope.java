package io.chatform.cli;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Options a command accepts so that a pipeline can pass one set of flags to every command, but that
 * mean nothing to it: still parsed, no longer offered by its help or shell completion.
 */
final class HelpScope {
  private HelpScope() {}

  /** Replaces each option {@code hide} selects by a hidden copy bound to the same field. */
  static CommandSpec hide(CommandSpec spec, Predicate<OptionSpec> hide) {
    for (OptionSpec o : List.copyOf(spec.options())) {
      if (!o.hidden() && hide.test(o)) {
        spec.remove(o);
        spec.addOption(o.toBuilder().hidden(true).build());
      }
    }
    return spec;
  }

  /** The names of the options a mixin (by its field name) brings. */
  static Set<String> mixinOptions(CommandSpec spec, String mixin) {
    CommandSpec m = spec.mixins().get(mixin);
    return m == null ? Set.of() : Set.copyOf(m.optionsMap().keySet());
  }

  /** validate, test, report work offline: of the target options only --api-version matters. */
  static final class Offline implements CommandLine.IModelTransformer {
    @Override
    public CommandSpec transform(CommandSpec spec) {
      Set<String> target = mixinOptions(spec, "target");
      return hide(
          spec, o -> !o.longestName().equals("--api-version") && target.contains(o.longestName()));
    }
  }

  /**
   * drift only reports: apply's guard rails (an empty section, the deletion limit, forced
   * replacements) and plan's exit switch are accepted for symmetry but change nothing.
   */
  static final class Drift implements CommandLine.IModelTransformer {
    private static final Set<String> APPLY_ONLY =
        Set.of(
            "--allow-empty",
            "--max-deletions",
            "--max-destructive",
            "--replace",
            "--detailed-exitcode");

    @Override
    public CommandSpec transform(CommandSpec spec) {
      return hide(spec, o -> APPLY_ONLY.contains(o.longestName()));
    }
  }
}
