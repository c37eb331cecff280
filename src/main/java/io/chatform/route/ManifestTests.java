package io.chatform.route;

import io.chatform.model.DesiredState;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Runs every expectation of the manifests' {@code tests:} sections: the one entry point for {@code
 * chatform test} and for {@code plan}, which refuses a configuration whose tests fail.
 */
public final class ManifestTests {
  private ManifestTests() {}

  /** One expectation and its failure, if it failed. */
  public record Outcome(Expectation expectation, Optional<String> failure) {
    public boolean passed() {
      return failure.isEmpty();
    }

    /** {@code file:line:col: tests[i]: what failed}, the same form as validate's diagnostics. */
    public String format() {
      return expectation.at() + ": " + expectation.label() + ": " + failure.orElse("ok");
    }
  }

  /** {@code paths} are the manifests {@code desired} was loaded from (already valid). */
  public static List<Outcome> run(List<Path> paths, DesiredState desired) {
    RoutingModel model = RoutingModel.of(desired);
    return ExpectationReader.read(paths).stream()
        .map(e -> new Outcome(e, ExpectationRunner.check(model, e)))
        .toList();
  }

  public static List<Outcome> failures(List<Path> paths, DesiredState desired) {
    return run(paths, desired).stream().filter(o -> !o.passed()).toList();
  }
}
