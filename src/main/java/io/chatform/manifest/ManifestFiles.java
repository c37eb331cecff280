package io.chatform.manifest;

import io.chatform.model.SourceLocation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the manifest files behind {@code -f} arguments and reads them safely: directories are
 * walked for {@code *.yaml}/{@code *.yml} in sorted order (skipping hidden files and directories),
 * and huge or binary files are refused with a clear message before any parsing.
 */
public final class ManifestFiles {
  /** Files (manifests and {@code ${file:…}} targets) larger than this are refused. */
  public static final int MAX_BYTES = 5 * 1024 * 1024;

  /** One manifest file to load: its path on disk and how messages name it. */
  public record ManifestFile(Path path, String display) {}

  private ManifestFiles() {}

  /**
   * Whether a path below a -f directory passes through a hidden name ({@code .git}, editor
   * back-ups, a Kubernetes ConfigMap mount's {@code ..data} copies): those are never manifests, as
   * Terraform ignores dot files. A hidden file named with -f itself is still read.
   */
  static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The manifest files named by {@code paths} (files as given, directories expanded recursively,
   * sorted, each file once); problems such as a missing path are added to {@code diagnostics}.
   */
  public static List<ManifestFile> expand(List<Path> paths, List<Diagnostic> diagnostics) {
    Map<Path, ManifestFile> out = new LinkedHashMap<>();
    for (Path given : paths) {
      String shown = display(given);
      SourceLocation where = new SourceLocation(shown, 1, 1);
      if (Files.isDirectory(given)) {
        List<Path> found;
        try (Stream<Path> walk = Files.walk(given)) {
          found =
              walk.filter(p -> !Files.isDirectory(p))
                  .filter(p -> isManifestName(p.getFileName().toString()))
                  .filter(p -> !hidden(given.relativize(p)))
                  .sorted()
                  .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
          diagnostics.add(
              new Diagnostic(where, "", "cannot read directory: " + e.getMessage(), "check it"));
          continue;
        }
        if (found.isEmpty()) {
          diagnostics.add(
              new Diagnostic(
                  where,
                  "",
                  "directory has no *.yaml or *.yml files",
                  "point -f at a manifest file or a directory that holds some"));
        }
        for (Path p : found) {
          if (Files.isRegularFile(p)) {
            out.putIfAbsent(p.toAbsolutePath().normalize(), new ManifestFile(p, display(p)));
          } else {
            // Skipping it would drop its objects from the manifests, and a plan would then
            // delete them from the account.
            diagnostics.add(
                new Diagnostic(
                    new SourceLocation(display(p), 1, 1),
                    "",
                    Files.isSymbolicLink(p)
                        ? "broken symbolic link: what it points to does not exist"
                        : "not a regular file (a pipe, socket or device)",
                    "fix or remove it: every *.yaml/*.yml file in a -f directory is a manifest"));
          }
        }
      } else if (Files.isRegularFile(given)) {
        out.putIfAbsent(given.toAbsolutePath().normalize(), new ManifestFile(given, shown));
      } else {
        diagnostics.add(
            new Diagnostic(where, "", "no such file or directory", "check the path given with -f"));
      }
    }
    return new ArrayList<>(out.values());
  }

  /**
   * A UTF-16 byte order mark, or text whose every other byte is zero at the start (ASCII written as
   * UTF-16 without one, as some Windows editors save).
   */
  private static boolean utf16(byte[] b) {
    if (b.length >= 2
        && ((b[0] == (byte) 0xfe && b[1] == (byte) 0xff)
            || (b[0] == (byte) 0xff && b[1] == (byte) 0xfe))) {
      return true;
    }
    int n = Math.min(b.length, 64) & ~1;
    if (n < 8) {
      return false;
    }
    int evenZeros = 0;
    int oddZeros = 0;
    for (int i = 0; i < n; i += 2) {
      evenZeros += b[i] == 0 ? 1 : 0;
      oddZeros += b[i + 1] == 0 ? 1 : 0;
    }
    int half = n / 2;
    return (evenZeros == half && oddZeros == 0) || (oddZeros == half && evenZeros == 0);
  }

  /** Reads a file as UTF-8 text, refusing huge, binary or non-UTF-8 content. */
  static Optional<String> readText(
      Path path, byte[][] bytesOut, SourceLocation where, List<Diagnostic> diagnostics) {
    try {
      long size = Files.size(path);
      if (size > MAX_BYTES) {
        diagnostics.add(
            new Diagnostic(
                where,
                "",
                "file is too large (" + size + " bytes; the limit is " + MAX_BYTES + ")",
                "split it into several smaller files"));
        return Optional.empty();
      }
      byte[] bytes = Files.readAllBytes(path);
      bytesOut[0] = bytes;
      if (utf16(bytes)) {
        diagnostics.add(
            new Diagnostic(
                where, "", "file is UTF-16 text; manifests are UTF-8", "save it as UTF-8"));
        return Optional.empty();
      }
      for (byte b : bytes) {
        if (b == 0) {
          diagnostics.add(
              new Diagnostic(where, "", "file is binary, not YAML text", "check the path"));
          return Optional.empty();
        }
      }
      try {
        String text =
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
      } catch (CharacterCodingException e) {
        diagnostics.add(new Diagnostic(where, "", "file is not UTF-8 text", "save it as UTF-8"));
        return Optional.empty();
      }
    } catch (IOException e) {
      diagnostics.add(
          new Diagnostic(where, "", "cannot read file: " + e.getMessage(), "check permissions"));
      return Optional.empty();
    }
  }

  static boolean isManifestName(String name) {
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }

  static String display(Path p) {
    String s = p.normalize().toString().replace('\\', '/');
    return s.isEmpty() ? "." : s;
  }
}
