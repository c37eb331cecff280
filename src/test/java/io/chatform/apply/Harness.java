package io.chatform.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.chatform.api.ClientConfig;
import io.chatform.api.Credentials;
import io.chatform.api.LiveChatClient;
import io.chatform.api.RetryPolicy;
import io.chatform.api.Secret;
import io.chatform.emulator.Emulator;
import io.chatform.emulator.EmulatorConfig;
import io.chatform.emulator.FaultConfig;
import io.chatform.kinds.LiveReader;
import io.chatform.kinds.WriteContext;
import io.chatform.manifest.LoadResult;
import io.chatform.manifest.ManifestLoader;
import io.chatform.model.ApiVersion;
import io.chatform.model.DesiredState;
import io.chatform.plan.Plan;
import io.chatform.plan.PlanOptions;
import io.chatform.plan.Planner;
import io.chatform.plan.Target;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The library path end to end, for {@code *IT}s: an in-process emulator (optionally with faults), a
 * client with a fast retry policy, and load → read → plan → execute exactly as the CLI does it.
 */
final class Harness implements AutoCloseable {
  static final String SECRET = "s3cr3t-from-env-9f2a";
  static final Map<String, String> ENV = Map.of("LC_WEBHOOK_SECRET", SECRET);
  static final String CLIENT_ID = EmulatorConfig.SANDBOX_CLIENT_ID;
  private static final AtomicInteger FILES = new AtomicInteger();

  final Emulator emulator;
  final LiveChatClient client;
  final ApiVersion version;
  private final Path dir;

  private Harness(Emulator emulator, LiveChatClient client, ApiVersion version, Path dir) {
    this.emulator = emulator;
    this.client = client;
    this.version = version;
    this.dir = dir;
  }

  static Harness start(ApiVersion version, Path dir) {
    return start(version, dir, FaultConfig.none(), RetryPolicy.DEFAULT);
  }

  static Harness start(ApiVersion version, Path dir, FaultConfig faults, RetryPolicy retry) {
    try {
      Emulator e = Emulator.start(EmulatorConfig.defaults().withFaults(faults));
      ClientConfig config =
          ClientConfig.builder(
                  new Credentials.Pat(
                      EmulatorConfig.SANDBOX_ACCOUNT_ID, Secret.of(EmulatorConfig.SANDBOX_PAT)))
              .apiUrl(e.baseUrl())
              .version(version)
              .maxRps(1000)
              .startRps(1000)
              .retry(retry)
              .callTimeout(Duration.ofSeconds(10))
              // No consistency delay is injected here: probing once after an unclear create is
              // enough, and keeps the fault tests fast.
              .consistencyWait(Duration.ofMillis(100))
              .build();
      return new Harness(e, LiveChatClient.create(config), version, dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A fast retry policy for fault tests: several attempts, millisecond backoff. */
  static RetryPolicy fastRetry(int attempts) {
    return new RetryPolicy(
        attempts, Duration.ofSeconds(20), Duration.ofMillis(1), Duration.ofMillis(5));
  }

  /**
   * {@code examples/acme} as this API version takes it: its greetings (3.6+) are left out on 3.5,
   * where validate refuses the section.
   */
  DesiredState acme() {
    Path acme = Path.of("examples", "acme");
    if (version.atLeast(ApiVersion.V3_6)) {
      return load(acme);
    }
    try (var files = Files.list(acme)) {
      return load(
          files
              .filter(f -> f.toString().endsWith(".yaml"))
              .filter(f -> !f.getFileName().toString().equals("greetings.yaml"))
              .sorted()
              .toArray(Path[]::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Loads manifest files or directories (with {@link #ENV} as the environment). */
  DesiredState load(Path... paths) {
    LoadResult r =
        new ManifestLoader(name -> Optional.ofNullable(ENV.get(name)))
            .load(List.of(paths), version);
    assertThat(r.diagnostics()).as("manifest diagnostics").isEmpty();
    return r.state().orElseThrow();
  }

  /** Loads one manifest given as YAML text. */
  DesiredState yaml(String text) {
    try {
      Path f = dir.resolve("m" + FILES.incrementAndGet() + ".yaml");
      Files.writeString(f, text);
      return load(f);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  record Planned(Plan plan, LiveReader.Snapshot snapshot) {}

  Planned plan(DesiredState desired) {
    return plan(desired, PlanOptions.defaults(version, target()));
  }

  Planned plan(DesiredState desired, PlanOptions options) {
    LiveReader.Snapshot snapshot = new LiveReader(client).read(desired);
    return new Planned(new Planner().plan(desired, snapshot.state(), options), snapshot);
  }

  /** Default plan options, with {@code --allow-empty} as given. */
  PlanOptions options(boolean allowEmpty) {
    return new PlanOptions(version, target(), true, allowEmpty, java.util.OptionalInt.empty());
  }

  Target target() {
    return new Target(emulator.baseUrl(), EmulatorConfig.SANDBOX_ACCOUNT_ID, version.label());
  }

  ApplyReport execute(Planned p) {
    return execute(p, false, () -> false);
  }

  ApplyReport execute(Planned p, boolean failFast, BooleanSupplier stop) {
    WriteContext ctx = WriteContext.of(client, p.snapshot());
    return new Executor(new ClientRunner(ctx), 8, failFast, Progress.NONE, stop).execute(p.plan());
  }

  /** Plans and applies; asserts that everything was done. */
  ApplyReport apply(DesiredState desired) {
    Planned p = plan(desired);
    ApplyReport report = execute(p);
    assertThat(report.incomplete()).as(report.text()).isFalse();
    return report;
  }

  /** Asserts that a fresh plan has no changes. */
  void assertConverged(DesiredState desired) {
    Plan again = plan(desired).plan();
    assertThat(again.summary()).as(again.actions().toString()).isEqualTo("No changes.");
  }

  ObjectNode state() {
    return emulator.state();
  }

  /** The items of one list in the emulator's state, e.g. {@code ("groups", "groups")}. */
  List<JsonNode> items(String module, String list) {
    List<JsonNode> out = new ArrayList<>();
    state().path(module).path(list).forEach(out::add);
    return out;
  }

  JsonNode item(String module, String list, String field, String value) {
    return items(module, list).stream()
        .filter(n -> n.path(field).asText().equals(value))
        .findFirst()
        .orElseThrow(() -> new AssertionError(module + " has no " + field + "=" + value));
  }

  @Override
  public void close() {
    client.close();
    emulator.close();
  }
}
