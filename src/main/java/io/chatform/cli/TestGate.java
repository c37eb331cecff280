package io.chatform.cli;

import io.chatform.model.DesiredState;
import io.chatform.route.ManifestTests;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Keeps {@code plan} from planning a configuration whose manifest tests fail. */
final class TestGate {
  private TestGate() {}

  static void require(List<Path> files, DesiredState desired, boolean skip) {
    if (skip) {
      return;
    }
    List<ManifestTests.Outcome> failed = ManifestTests.failures(files, desired);
    if (failed.isEmpty()) {
      return;
    }
    throw new UserException(
        failed.size()
            + (failed.size() == 1 ? " manifest test fails" : " manifest tests fail")
            + ":\n"
            + failed.stream().map(o -> "  " + o.format()).collect(Collectors.joining("\n"))
            + "\nfix the configuration (or the tests), or pass --skip-tests to plan anyway");
  }
}
