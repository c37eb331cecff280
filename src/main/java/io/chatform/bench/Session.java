package io.chatform.bench;

import io.chatform.api.ClientConfig;
import io.chatform.api.Credentials;
import io.chatform.api.LiveChatClient;
import io.chatform.api.Secret;
import io.chatform.apply.ApplyReport;
import io.chatform.apply.ClientRunner;
import io.chatform.apply.Executor;
import io.chatform.apply.Progress;
import io.chatform.emulator.Emulator;
import io.chatform.emulator.EmulatorConfig;
import io.chatform.emulator.FaultConfig;
import io.chatform.kinds.LiveReader;
import io.chatform.kinds.WriteContext;
import io.chatform.model.DesiredState;
import io.chatform.plan.Plan;
import io.chatform.plan.PlanOptions;
import io.chatform.plan.Planner;
import io.chatform.plan.Target;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An in-process emulator with fixed latency and a client tuned by {@link BenchSettings}: the same
 * read → plan → execute path as {@code chatform apply}, without prompts, progress or verify.
 */
final class Session implements AutoCloseable {
  final Emulator emulator;
  final LiveChatClient client;
  final BenchSettings settings;

  Session(BenchSettings settings) {
    this.settings = settings;
    try {
      emulator =
          Emulator.start(
              EmulatorConfig.defaults()
                  .withThreads(Math.max(16, settings.parallelism() * 2))
                  .withFaults(FaultConfig.none().withLatency(settings.latencyMs(), 0)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the emulator", e);
    }
    client =
        LiveChatClient.create(
            ClientConfig.builder(
                    new Credentials.Pat(
                        EmulatorConfig.SANDBOX_ACCOUNT_ID, Secret.of(EmulatorConfig.SANDBOX_PAT)))
                .apiUrl(emulator.baseUrl())
                .version(settings.version())
                .maxRps(settings.maxRps())
                .startRps(settings.maxRps())
                .parallelism(settings.parallelism())
                .batchSize(settings.batchSize())
                .build());
  }

  LiveReader.Snapshot read(DesiredState desired) {
    return new LiveReader(client).read(desired);
  }

  Plan plan(DesiredState desired, LiveReader.Snapshot snapshot) {
    Target target = new Target(emulator.baseUrl(), "bench", settings.version().label());
    return new Planner()
        .plan(desired, snapshot.state(), PlanOptions.defaults(settings.version(), target));
  }

  /** A runner bound to this session, with the ids the snapshot knows (as apply wires it). */
  ClientRunner runner(LiveReader.Snapshot snapshot) {
    return new ClientRunner(WriteContext.of(client, snapshot));
  }

  ApplyReport execute(Plan plan, ClientRunner runner) {
    ApplyReport report =
        new Executor(runner, settings.parallelism(), false, Progress.NONE, () -> false)
            .execute(plan);
    if (report.incomplete()) {
      throw new io.chatform.model.UserFacingException(
          "the benchmark apply did not complete (a bug to report):\n" + report.text());
    }
    return report;
  }

  @Override
  public void close() {
    client.close();
    emulator.close();
  }
}
