package io.chatform.emulator;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;

/**
 * An exclusive OS lock on {@code <state>.lock} next to an emulator's state file, held while one
 * process serves that state: a second {@code --sandbox} run or {@code chatform emulator --state} on
 * the same file waits briefly, then refuses with one clear line, instead of each overwriting the
 * other's writes.
 */
final class StateFileLock implements AutoCloseable {
  /** How long a second process waits for the state file before refusing. */
  static final Duration DEFAULT_WAIT = Duration.ofSeconds(5);

  private final FileChannel channel;
  private final FileLock lock;

  private StateFileLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Locks {@code state}'s sibling lock file, waiting up to {@code wait}. */
  static StateFileLock acquire(Path state, Duration wait) throws IOException {
    Path file = lockFile(state);
    if (file.getParent() != null) {
      Files.createDirectories(file.getParent());
    }
    FileChannel ch =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    long deadline = System.nanoTime() + wait.toNanos();
    try {
      while (true) {
        FileLock l;
        try {
          l = ch.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
          l = null;
        }
        if (l != null) {
          ch.truncate(0);
          String who = "pid " + ProcessHandle.current().pid() + ", since " + Instant.now() + "\n";
          ch.write(ByteBuffer.wrap(who.getBytes(StandardCharsets.UTF_8)), 0);
          ch.force(false);
          return new StateFileLock(ch, l);
        }
        if (System.nanoTime() > deadline) {
          throw new StateInUseException(
              "the emulator state "
                  + state
                  + " is in use by another process ("
                  + holder(file)
                  + "; lock file "
                  + file
                  + "). Wait for that chatform command (a --sandbox run or chatform emulator"
                  + " --state) to finish or stop it, or use another state file (--sandbox-state"
                  + " FILE)");
        }
        Thread.sleep(100);
      }
    } catch (InterruptedException e) {
      ch.close();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting for the emulator state " + state, e);
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  static Path lockFile(Path state) {
    Path abs = state.toAbsolutePath();
    return abs.resolveSibling(abs.getFileName() + ".lock");
  }

  private static String holder(Path file) {
    try {
      String s = Files.readString(file).strip();
      return s.isEmpty() ? "holder unknown" : s;
    } catch (IOException e) {
      return "holder unknown";
    }
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException ignored) {
      // the OS drops the lock with the process anyway
    }
  }
}
