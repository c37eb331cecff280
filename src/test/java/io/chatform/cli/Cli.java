package io.chatform.cli;

import io.chatform.emulator.EmulatorConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The CLI in-process with an injected environment, against a sandbox state file in a temp dir. */
final class Cli {
  static final String CID = EmulatorConfig.SANDBOX_CLIENT_ID;
  static final String SECRET = "env-s3cr3t-value-71c4";

  final Path dir;
  final Path state;
  final Map<String, String> env = new HashMap<>(Map.of("LC_WEBHOOK_SECRET", SECRET));

  Cli(Path dir) {
    this.dir = dir;
    this.state = dir.resolve("sandbox").resolve("s.json");
  }

  record Result(int code, String out, String err) {
    String all() {
      return out + err;
    }

    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  Result run(String... args) {
    return run(Map.of(), args);
  }

  /** {@link #run} with {@code more} added to the environment for this run only. */
  Result run(Map<String, String> more, String... args) {
    Map<String, String> all = new HashMap<>(env);
    all.putAll(more);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), all, args);
    return new Result(code, out.toString(), err.toString());
  }

  /** {@code command} against this sandbox, no colour, then {@code args}. */
  Result sandbox(String command, String... args) {
    List<String> all =
        new ArrayList<>(List.of(command, "--sandbox", "--sandbox-state", "" + state));
    all.add("--no-color");
    all.addAll(List.of(args));
    return run(all.toArray(String[]::new));
  }

  /** Writes a manifest (CID replaced by the sandbox Client ID) and returns its path as text. */
  String write(String name, String yaml) {
    try {
      Path f = dir.resolve(name);
      Files.createDirectories(f.getParent());
      Files.writeString(f, yaml.replace("CID", CID));
      return f.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
