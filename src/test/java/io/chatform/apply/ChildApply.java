package io.chatform.apply;

import io.chatform.emulator.EmulatorConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real {@code chatform} process (the built jar) against a test emulator, for kill/race ITs. */
final class ChildApply {
  final Process process;
  final Path out;
  final Path err;

  private ChildApply(Process process, Path out, Path err) {
    this.process = process;
    this.out = out;
    this.err = err;
  }

  static ChildApply start(Harness h, Path dir, String name, String... args) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of(java, "-jar", "target/chatform.jar"));
    cmd.addAll(List.of(args));
    cmd.addAll(List.of("--api-url", h.emulator.baseUrl(), "--no-color"));
    ProcessBuilder pb = new ProcessBuilder(cmd);
    pb.environment().put("LIVECHAT_ACCOUNT_ID", EmulatorConfig.SANDBOX_ACCOUNT_ID);
    pb.environment().put("LIVECHAT_PAT", EmulatorConfig.SANDBOX_PAT);
    pb.environment().put("CHATFORM_LOCK_CLIENT_ID", Harness.CLIENT_ID);
    pb.environment().put("HOSTNAME", "host-" + name);
    pb.environment().putAll(Harness.ENV);
    Path o = dir.resolve(name + ".out");
    Path e = dir.resolve(name + ".err");
    pb.redirectOutput(o.toFile()).redirectError(e.toFile());
    return new ChildApply(pb.start(), o, e);
  }

  String out() {
    return read(out);
  }

  String err() {
    return read(err);
  }

  /** Waits for the process to end and returns its exit code. */
  int exit() throws InterruptedException {
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("chatform did not end in 120 s\n" + this);
    }
    return process.exitValue();
  }

  /** Waits until stderr contains {@code text} (at most 60 s); false if the process ended first. */
  boolean awaitErr(String text) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (err().contains(text)) {
        return true;
      }
      if (!process.isAlive()) {
        return err().contains(text);
      }
      Thread.sleep(20);
    }
    return false;
  }

  private static String read(Path p) {
    try {
      return Files.exists(p) ? Files.readString(p) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return "--- stdout\n" + out() + "--- stderr\n" + err();
  }
}
