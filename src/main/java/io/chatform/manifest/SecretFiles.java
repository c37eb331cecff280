package io.chatform.manifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where {@code ${file:…}} may read: inside the manifests' root (the directory of each {@code -f}
 * file, or each {@code -f} directory) and the directories allowed with {@code --allow-secret-dir}.
 * A pull request that edits manifests must not be able to send a runner's files ({@code
 * /etc/shadow}, {@code ../../.ssh/id_rsa}) to the API inside a field, so the path is checked as
 * written ({@code ..} resolved) and again after symbolic links are resolved.
 */
final class SecretFiles {
  private final List<Path> lexical;
  private final List<Path> real;
  private final List<String> shown;

  private SecretFiles(List<Path> lexical, List<Path> real, List<String> shown) {
    this.lexical = lexical;
    this.real = real;
    this.shown = shown;
  }

  /** The roots of {@code manifestPaths} (as given with -f) plus the {@code allowed} directories. */
  static SecretFiles of(List<Path> manifestPaths, List<Path> allowed) {
    List<Path> lexical = new ArrayList<>();
    List<Path> real = new ArrayList<>();
    List<String> shown = new ArrayList<>();
    List<Path> dirs = new ArrayList<>();
    for (Path p : manifestPaths) {
      Path abs = p.toAbsolutePath().normalize();
      dirs.add(Files.isDirectory(p) || abs.getParent() == null ? abs : abs.getParent());
    }
    dirs.addAll(allowed.stream().map(d -> d.toAbsolutePath().normalize()).toList());
    for (Path d : dirs) {
      lexical.add(d);
      shown.add(ManifestFiles.display(d));
      try {
        real.add(d.toRealPath());
      } catch (IOException e) {
        // a root that does not exist holds no file: nothing to allow
      }
    }
    return new SecretFiles(lexical, real, shown);
  }

  /** Whether {@code target} (absolute, normalised) is inside a root as written. */
  boolean allowsAsWritten(Path target) {
    return lexical.stream().anyMatch(target::startsWith);
  }

  /** Whether the existing {@code target}, symbolic links resolved, is inside a root. */
  boolean allowsResolved(Path target) {
    try {
      Path resolved = target.toRealPath();
      return real.stream().anyMatch(resolved::startsWith);
    } catch (IOException e) {
      return false;
    }
  }

  /** The roots, as messages name them. */
  String roots() {
    return String.join(", ", new java.util.TreeSet<>(shown));
  }
}
