package io.chatform.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --allow-secret-dir}: the one way to let {@code ${file:…}} read outside the manifests'
 * directory (e.g. a CI runner's secrets mount), shared by every command that loads manifests.
 */
public final class SecretDirOptions {
  @Option(
      names = "--allow-secret-dir",
      paramLabel = "DIR",
      description =
          "Let $${file:…} also read files in DIR (repeatable); by default only files inside the"
              + " manifests' directory are read.")
  List<Path> dirs = new ArrayList<>();

  /** The allowed directories, each of which must exist. */
  List<Path> dirs() {
    for (Path d : dirs) {
      if (!Files.isDirectory(d)) {
        throw new UserException(
            "--allow-secret-dir "
                + d
                + " is not a directory; name the directory that holds the secret files");
      }
    }
    return List.copyOf(dirs);
  }
}
