package io.chatform.cli;

import io.chatform.model.Escapes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The one way commands write a file the user named ({@code plan --out}, {@code export -o}, {@code
 * repair --out}, {@code report --out}): a temporary file next to it, renamed over it once complete,
 * so a reader never sees half a file and a failed write leaves the old one. What is there already
 * must be a regular file: the rename would replace a symlink or a device (as root, {@code
 * /dev/full}) with a plain file instead of writing through it.
 */
final class OutputFile {
  private OutputFile() {}

  static void write(Path file, String text) {
    Path abs = file.toAbsolutePath();
    if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)
        && !Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS)) {
      throw new UserException(
          Escapes.line(file.toString())
              + " is not a regular file (a symlink, a directory or a device): chatform writes a"
              + " new file in its place, so name a regular file or a new path");
    }
    Path tmp = null;
    try {
      if (abs.getParent() != null) {
        Files.createDirectories(abs.getParent());
      }
      tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + "-", ".tmp");
      Files.writeString(tmp, text);
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      tmp = null;
    } catch (IOException e) {
      throw new UserException(
          "could not write " + Escapes.line(file.toString()) + ": " + ErrorHandler.messageOf(e), e);
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the write failed already; that is what is reported
        }
      }
    }
  }
}
