package io.chatform.ci;

import com.fasterxml.jackson.databind.JsonNode;
import io.chatform.model.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs examples/ci/scripts with bash as a CI job would: fake CI variables, a fake {@code gh} that
 * records what would be posted, and chatform (this build, in a child JVM) against a sandbox.
 */
final class CiScripts {
  static final Path SCRIPTS = Path.of("examples/ci/scripts").toAbsolutePath();
  static final Path FAKE_GH = Path.of("src/test/resources/ci/fake-gh").toAbsolutePath();

  final Path dir;
  final Path forge;
  final Map<String, String> env = new HashMap<>();

  CiScripts(Path dir) throws IOException {
    this.dir = dir;
    this.forge = Files.createDirectories(dir.resolve("forge"));
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path chatform = bin.resolve("chatform");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Files.writeString(
        chatform,
        "#!/usr/bin/env bash\nexec '"
            + java
            + "' -XX:TieredStopAtLevel=1 -Xshare:auto -cp '"
            + System.getProperty("java.class.path")
            + "' io.chatform.cli.Main \"$@\"\n");
    chatform.toFile().setExecutable(true);
    env.put("PATH", bin + ":" + System.getenv("PATH"));
    env.put("GH", "bash " + FAKE_GH);
    env.put("FAKE_GH_DIR", forge.toString());
    env.put("CHATFORM_FORGE", "github");
    env.put("GITHUB_ACTIONS", "true");
    env.put("GITHUB_REPOSITORY", "acme/livechat-config");
    env.put("GITHUB_SHA", "0a1b2c3d");
    env.put("CHATFORM_ACCOUNT", "staging");
    env.put("CHATFORM_MANIFESTS", dir.resolve("manifests").toString());
    env.put("CHATFORM_OUT_DIR", dir.resolve("out").toString());
    env.put(
        "CHATFORM_TARGET_ARGS", "--sandbox --sandbox-state " + dir.resolve("sandbox/state.json"));
  }

  record Run(int code, String out, String err) {
    @Override
    public String toString() {
      return "exit " + code + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** Runs {@code bash examples/ci/scripts/SCRIPT ARGS…} in {@link #dir} with {@link #env}. */
  Run run(String script, String... args) {
    List<String> cmd = new java.util.ArrayList<>(List.of("bash", "" + SCRIPTS.resolve(script)));
    cmd.addAll(List.of(args));
    return exec(cmd);
  }

  /** Runs chatform itself (e.g. an edit "by hand" in the account) with the sandbox options. */
  Run chatform(String... args) {
    List<String> cmd = new java.util.ArrayList<>(List.of("" + dir.resolve("bin/chatform")));
    cmd.addAll(List.of(args));
    cmd.addAll(List.of(env.get("CHATFORM_TARGET_ARGS").split(" ")));
    return exec(cmd);
  }

  private Run exec(List<String> cmd) {
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
      pb.environment().clear();
      pb.environment().putAll(env);
      Path out = dir.resolve("stdout.txt");
      Path err = dir.resolve("stderr.txt");
      pb.redirectOutput(out.toFile()).redirectError(err.toFile());
      Process p = pb.start();
      if (!p.waitFor(180, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError(cmd + " did not finish in 180 s");
      }
      return new Run(
          p.exitValue(),
          Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  void manifest(String yaml) {
    try {
      Path f = dir.resolve("manifests/team.yaml");
      Files.createDirectories(f.getParent());
      Files.writeString(f, yaml);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What the fake forge holds: comments.json or issues.json. */
  JsonNode forge(String file) {
    try {
      Path f = forge.resolve(file);
      return Json.MAPPER.readTree(Files.exists(f) ? Files.readString(f) : "[]");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
