package io.chatform.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Headless Chromium (Debian's {@code chromium} package) for tests that render HTML for real. */
final class Browser {
  private final Path binary;

  private Browser(Path binary) {
    this.binary = binary;
  }

  /** {@code $CHROME_BIN}, or chromium / chromium-browser / google-chrome on the PATH. */
  static Optional<Browser> find() {
    List<String> names = new ArrayList<>();
    String env = System.getenv("CHROME_BIN");
    if (env != null && !env.isBlank()) {
      names.add(env);
    }
    names.addAll(List.of("chromium", "chromium-browser", "google-chrome"));
    for (String n : names) {
      Path p = Path.of(n);
      if (p.isAbsolute() && Files.isExecutable(p)) {
        return Optional.of(new Browser(p));
      }
      for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
        Path c = Path.of(dir, n);
        if (!dir.isEmpty() && Files.isExecutable(c)) {
          return Optional.of(new Browser(c));
        }
      }
    }
    return Optional.empty();
  }

  /** The DOM after the page rendered. */
  String dumpDom(Path html, Path profile) throws IOException, InterruptedException {
    return run(profile, "--dump-dom", html.toUri().toString());
  }

  void screenshot(Path html, Path png, Path profile) throws IOException, InterruptedException {
    run(profile, "--window-size=1400,2000", "--screenshot=" + png, html.toUri().toString());
  }

  private String run(Path profile, String... args) throws IOException, InterruptedException {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                binary.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(profile.getParent(), "chromium-", ".out");
    Process p =
        new ProcessBuilder(cmd)
            .redirectOutput(out.toFile())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    // A bound against a hung browser, not a timing assertion.
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IOException("chromium did not finish within 180 s: " + cmd);
    }
    if (p.exitValue() != 0) {
      throw new IOException("chromium exited " + p.exitValue() + ": " + cmd);
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }
}
