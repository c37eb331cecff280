package io.chatform.route;

import io.chatform.manifest.LoadResult;
import io.chatform.manifest.ManifestLoader;
import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Writes a manifest into a temp dir and loads it through the real loader (real positions). */
final class Manifests {
  private Manifests() {}

  static Path write(Path dir, String name, String yaml) {
    try {
      Path f = dir.resolve(name);
      Files.createDirectories(f.getParent());
      Files.writeString(f, yaml);
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static DesiredState load(Path... paths) {
    LoadResult r = new ManifestLoader(n -> Optional.empty()).load(List.of(paths), ApiVersion.V3_6);
    if (!r.ok()) {
      throw new AssertionError("manifest invalid: " + r.diagnostics());
    }
    return r.state().orElseThrow();
  }

  static RoutingModel model(Path dir, String yaml) {
    return RoutingModel.of(load(write(dir, "m.yaml", yaml)));
  }
}
