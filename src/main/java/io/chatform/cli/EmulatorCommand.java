package io.chatform.cli;

import io.chatform.emulator.Emulator;
import io.chatform.emulator.EmulatorConfig;
import io.chatform.emulator.FaultConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Runs the local LiveChat Configuration API emulator until Ctrl-C: the sandbox for everything. */
@Command(
    name = "emulator",
    footerHeading = "%nExamples:%n",
    footer = {
      "  chatform emulator",
      "  chatform emulator --port 8443 --tls",
      "  chatform emulator --state emulator.json --latency-ms 50 --fail-rate 0.05"
    },
    mixinStandardHelpOptions = true,
    description = {
      "Run a local LiveChat Configuration API emulator on 127.0.0.1.",
      "Default credentials: Basic auth "
          + EmulatorConfig.SANDBOX_ACCOUNT_ID
          + ":"
          + EmulatorConfig.SANDBOX_PAT
          + " (curl -u "
          + EmulatorConfig.SANDBOX_ACCOUNT_ID
          + ":"
          + EmulatorConfig.SANDBOX_PAT
          + " ...), Bearer token "
          + EmulatorConfig.SANDBOX_TOKEN
          + "; the options below change them."
    })
public final class EmulatorCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "TCP port; 0 = any free port (default: ${DEFAULT-VALUE})")
  int port = 8080;

  @Option(
      names = "--region",
      paramLabel = "REGION",
      description = "dal or fra (default: ${DEFAULT-VALUE})")
  String region = EmulatorConfig.SANDBOX_REGION;

  @Option(
      names = "--account-id",
      paramLabel = "ID",
      description = "Account id for Basic auth (default: ${DEFAULT-VALUE})")
  String accountId = EmulatorConfig.SANDBOX_ACCOUNT_ID;

  @Option(
      names = "--pat",
      paramLabel = "PAT",
      description = "Personal access token for Basic auth (default: ${DEFAULT-VALUE})")
  String pat = EmulatorConfig.SANDBOX_PAT;

  @Option(
      names = "--access-token",
      paramLabel = "TOKEN",
      description = "Bearer token accepted (default: ${DEFAULT-VALUE})")
  String accessToken = EmulatorConfig.SANDBOX_TOKEN;

  @Option(
      names = "--client-id",
      paramLabel = "ID",
      description = "Client ID the Bearer token is bound to (default: ${DEFAULT-VALUE})")
  String clientId = EmulatorConfig.SANDBOX_CLIENT_ID;

  @Option(
      names = "--owner",
      paramLabel = "EMAIL",
      description = "E-mail of the seeded account owner (default: ${DEFAULT-VALUE})")
  String owner = EmulatorConfig.SANDBOX_OWNER;

  @Option(
      names = "--state",
      paramLabel = "FILE",
      description = "Persist the account to FILE after every write")
  Path state;

  @Option(
      names = "--seed",
      paramLabel = "FILE",
      description = "Preload the account from FILE (state JSON)")
  Path seed;

  @Option(
      names = "--threads",
      paramLabel = "N",
      description = "Request threads (default: ${DEFAULT-VALUE})")
  int threads = 16;

  @Option(
      names = "--tls",
      description = "Serve HTTPS (bundled localhost dev certificate by default)")
  boolean tls;

  @Option(names = "--tls-keystore", paramLabel = "FILE", description = "PKCS12 keystore for --tls")
  Path tlsKeystore;

  @Option(
      names = "--tls-password",
      paramLabel = "PASSWORD",
      description = "Password of --tls-keystore")
  String tlsPassword;

  @Option(
      names = "--fault-seed",
      paramLabel = "N",
      description = "Seed for all fault decisions and for the order batch items run in")
  long faultSeed;

  @Option(names = "--latency-ms", paramLabel = "MS", description = "Added latency per call")
  int latencyMs;

  @Option(
      names = "--latency-jitter-ms",
      paramLabel = "MS",
      description = "Up to this much more latency")
  int latencyJitterMs;

  @Option(
      names = "--rate-limit",
      paramLabel = "N",
      description = "Requests/second per credential; 0 = off")
  int rateLimit;

  @Option(
      names = "--fail-rate",
      paramLabel = "P",
      description = "Probability 0..1 of a 500/503 without applying")
  double failRate;

  @Option(
      names = "--reset-after-write-rate",
      paramLabel = "P",
      description = "Probability 0..1 that a write is applied and the connection then dropped")
  double resetAfterWriteRate;

  @Option(
      names = "--consistency-delay-ms",
      paramLabel = "MS",
      description = "list_/get_ methods see writes only after this delay")
  int consistencyDelayMs;

  @Option(
      names = "--consistency-jitter",
      description =
          "Each read lags by a random amount up to --consistency-delay-ms (servers that catch up"
              + " independently: reads sometimes fresh, sometimes stale)")
  boolean consistencyJitter;

  /** The configuration these options describe (validated). */
  EmulatorConfig config() {
    if (!tls && (tlsKeystore != null || tlsPassword != null)) {
      // Without --tls the keystore would be silently ignored and the server would speak HTTP.
      throw new UserException(
          "--tls-keystore/--tls-password need --tls (add --tls to serve HTTPS)");
    }
    if (tlsKeystore != null && tlsPassword == null) {
      throw new UserException("--tls-keystore needs --tls-password");
    }
    try {
      EmulatorConfig.Tls t =
          !tls
              ? EmulatorConfig.Tls.off()
              : tlsKeystore == null
                  ? EmulatorConfig.Tls.devCertificate()
                  : EmulatorConfig.Tls.keystore(tlsKeystore, tlsPassword);
      FaultConfig f =
          new FaultConfig(
              faultSeed,
              latencyMs,
              latencyJitterMs,
              rateLimit,
              failRate,
              resetAfterWriteRate,
              consistencyDelayMs,
              consistencyJitter);
      EmulatorConfig c =
          EmulatorConfig.defaults()
              .withPort(port)
              .withThreads(threads)
              .withRegion(region)
              .withCredentials(
                  new EmulatorConfig.Credentials(
                      accountId, pat, Map.of(accessToken, clientId), owner))
              .withTls(t)
              .withFaults(f);
      if (state != null) {
        c = c.withStatePath(state);
      }
      if (seed != null) {
        c = c.withSeedPath(seed);
      }
      return c;
    } catch (IllegalArgumentException e) {
      throw new UserException("invalid emulator option: " + e.getMessage());
    }
  }

  /** Starts the emulator, turning start-up failures into one clear line. */
  static Emulator start(EmulatorConfig c) {
    try {
      return Emulator.start(c);
    } catch (BindException e) {
      throw new UserException(
          "port " + c.port() + " on 127.0.0.1 is in use; pick another with --port (0 = any)");
    } catch (IOException | RuntimeException e) {
      // Some JDK exceptions (a keystore that is not PKCS12) carry no message: name the cause.
      String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
      throw new UserException("cannot start the emulator: " + why.lines().findFirst().orElse(why));
    }
  }

  @Override
  public Integer call() throws InterruptedException {
    EmulatorConfig c = config();
    Emulator emulator = start(c);
    PrintWriter out = spec.commandLine().getOut();
    out.println("chatform emulator listening on " + emulator.baseUrl());
    out.println("  API:      " + emulator.baseUrl() + "/v3.6/configuration/action/<method>");
    out.println("  region:   " + c.region());
    if (pat.equals(EmulatorConfig.SANDBOX_PAT)) {
      // Only the well-known sandbox credentials are printed; custom secrets never are.
      out.println("  PAT auth: account " + accountId + ", PAT " + pat);
    } else {
      out.println("  PAT auth: account " + accountId + ", PAT (as given)");
    }
    if (accessToken.equals(EmulatorConfig.SANDBOX_TOKEN)) {
      out.println("  Bearer:   " + accessToken + " (Client ID " + clientId + ")");
    } else {
      out.println("  Bearer:   (as given) (Client ID " + clientId + ")");
    }
    out.println("  owner:    " + owner);
    c.statePath().ifPresent(p -> out.println("  state:    " + p));
    out.println("Press Ctrl-C to stop.");
    out.flush();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  stopped.countDown();
                }));
    stopped.await();
    return ExitCodes.OK;
  }
}
