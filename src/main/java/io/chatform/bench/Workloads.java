package io.chatform.bench;

import io.chatform.manifest.Diagnostic;
import io.chatform.manifest.LoadResult;
import io.chatform.manifest.ManifestLoader;
import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import io.chatform.model.UserFacingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads the benchmark's workloads through the real manifest loader (so what is measured is what
 * users run): the {@code examples/acme} manifests, or a generated large account.
 */
public final class Workloads {
  /** The variable the acme (and generated) webhooks read their secret from. */
  public static final String SECRET_ENV = "LC_WEBHOOK_SECRET";

  private Workloads() {}

  /** The process environment, with a bench-only webhook secret when none is set. */
  public static Function<String, Optional<String>> env() {
    return name -> {
      Optional<String> v = Optional.ofNullable(System.getenv(name));
      return v.isEmpty() && name.equals(SECRET_ENV) ? Optional.of("bench-only-secret-1") : v;
    };
  }

  /** Loads manifests and fails with every diagnostic when they are invalid. */
  public static DesiredState load(
      List<Path> paths, ApiVersion version, Function<String, Optional<String>> env) {
    LoadResult result = new ManifestLoader(env).load(paths, version);
    if (!result.ok()) {
      throw new UserFacingException(
          "the benchmark manifests "
              + paths
              + " are invalid:\n"
              + result.diagnostics().stream()
                  .map(Diagnostic::format)
                  .map(s -> "  " + s)
                  .collect(Collectors.joining("\n")));
    }
    return result.state().orElseThrow();
  }

  /** The acme example; {@code dir} must exist (run from the repository root or pass --acme). */
  public static DesiredState acme(Path dir, ApiVersion version) {
    if (!Files.isDirectory(dir)) {
      throw new UserFacingException(
          "the acme example is not at "
              + dir.toAbsolutePath()
              + "; run from the repository root or pass --acme PATH");
    }
    return load(List.of(dir), version, env());
  }

  /** A generated account, written to a temporary directory, loaded, and the directory removed. */
  public static DesiredState large(LargeAccount.Sizes sizes, ApiVersion version) {
    try {
      Path dir = Files.createTempDirectory("chatform-bench");
      try {
        new LargeAccount(sizes, version).write(dir);
        return load(List.of(dir), version, env());
      } finally {
        try (var files = Files.list(dir)) {
          for (Path p : files.toList()) {
            Files.deleteIfExists(p);
          }
        }
        Files.deleteIfExists(dir);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the generated manifests", e);
    }
  }
}
