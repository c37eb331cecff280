package io.chatform.cli;

import io.chatform.bench.BenchSettings;
import io.chatform.bench.LargeAccount;
import io.chatform.bench.Workloads;
import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options shared by {@code bench plan} and {@code bench apply}. */
public final class BenchOptions {
  /** Which workloads to run. */
  enum Only {
    acme,
    large
  }

  @Option(
      names = "--latency-ms",
      description = "Emulator latency per call (default: ${DEFAULT-VALUE})")
  int latencyMs = 50;

  @Option(names = "--parallelism", description = "Calls in flight (default: ${DEFAULT-VALUE})")
  int parallelism = 8;

  @Option(names = "--batch-size", description = "Largest batch (default: ${DEFAULT-VALUE})")
  int batchSize = 50;

  @Option(
      names = "--max-rps",
      description =
          "Client rate budget, high so it does not hide the floor (default: ${DEFAULT-VALUE})")
  double maxRps = 10_000;

  @Option(
      names = "--api-version",
      paramLabel = "3.x",
      completionCandidates = ApiVersions.class,
      description = "API version, one of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  String apiVersion = "3.6";

  @Option(names = "--agents", description = "Large account agents (default: ${DEFAULT-VALUE})")
  int agents = LargeAccount.Sizes.DEFAULT.agents();

  @Option(names = "--groups", description = "Large account groups (default: ${DEFAULT-VALUE})")
  int groups = LargeAccount.Sizes.DEFAULT.groups();

  @Option(
      names = "--rules",
      description = "Large account auto access rules (default: ${DEFAULT-VALUE})")
  int rules = LargeAccount.Sizes.DEFAULT.rules();

  @Option(names = "--webhooks", description = "Large account webhooks (default: ${DEFAULT-VALUE})")
  int webhooks = LargeAccount.Sizes.DEFAULT.webhooks();

  @Option(names = "--only", description = "Run one workload: acme or large (default: both)")
  Only only;

  @Option(
      names = "--acme",
      paramLabel = "DIR",
      description = "The acme example's directory (default: ${DEFAULT-VALUE})")
  Path acme = Path.of("examples", "acme");

  boolean runs(Only workload) {
    return only == null || only == workload;
  }

  /** The acme manifests when acme runs: loaded first, so a wrong path fails before any work. */
  Optional<DesiredState> acme(BenchSettings settings) {
    return runs(Only.acme)
        ? Optional.of(Workloads.acme(acme, settings.version()))
        : Optional.empty();
  }

  ApiVersion version() {
    try {
      return io.chatform.api.ClientConfig.parseVersion(apiVersion);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
  }

  BenchSettings settings() {
    try {
      return new BenchSettings(latencyMs, parallelism, batchSize, maxRps, version());
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
  }

  LargeAccount.Sizes sizes() {
    try {
      LargeAccount.Sizes d = LargeAccount.Sizes.DEFAULT;
      return new LargeAccount.Sizes(
          agents, groups, rules, webhooks, d.tags(), d.cannedResponses(), d.greetings());
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
  }
}
