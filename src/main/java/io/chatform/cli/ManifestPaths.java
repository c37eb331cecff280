package io.chatform.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * The one {@code -f PATH} option of every command that reads manifests (validate, plan, apply,
 * drift, repair, route, test, report), declared once so its name, label and help read the same
 * everywhere; the commands (and {@link PlanFlags}) extend it, picocli reads the inherited field.
 */
abstract class ManifestPaths {
  @Option(
      names = {"-f", "--file"},
      paramLabel = "PATH",
      description = "A manifest file or a directory of *.yaml/*.yml files (repeatable).")
  List<Path> files = new ArrayList<>();
}
