package io.chatform.cli;

import io.chatform.api.ClientConfig;
import io.chatform.api.Credentials;
import io.chatform.model.ApiVersion;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * The options that say which LiveChat API to talk to and how hard, shared by every command that
 * calls the API ({@code @Mixin TargetOptions target;}).
 */
public final class TargetOptions {
  @Option(
      names = "--api-url",
      paramLabel = "URL",
      defaultValue = ClientConfig.DEFAULT_API_URL,
      description = "Base URL of the Configuration API (default: ${DEFAULT-VALUE}).")
  String apiUrl;

  @Option(
      names = "--api-version",
      paramLabel = "VERSION",
      defaultValue = "3.6",
      completionCandidates = ApiVersions.class,
      description =
          "API version, one of: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); 3.7, a"
              + " developer preview, only when named.")
  String apiVersion;

  @Option(
      names = "--region",
      paramLabel = "REGION",
      description = "Data centre of the license: dal or fra (sent as X-Region).")
  Optional<String> region;

  @Option(
      names = "--ca-cert",
      paramLabel = "FILE",
      description = "PEM certificate to trust in addition to the JDK's CAs (e.g. a TLS emulator).")
  Optional<Path> caCert;

  @Option(
      names = "--max-rps",
      paramLabel = "N",
      defaultValue = "250",
      description =
          "Ceiling of the adaptive request rate: it starts at --start-rps, rises while the API"
              + " never answers 429, halves on each 429 (default ${DEFAULT-VALUE}).")
  double maxRps;

  @Option(
      names = "--start-rps",
      paramLabel = "N",
      defaultValue = "50",
      description =
          "Requests per second at the start, before the rate probes upward (default"
              + " ${DEFAULT-VALUE}; capped by --max-rps; equal to it, the rate never rises).")
  double startRps;

  @Option(
      names = "--parallelism",
      paramLabel = "N",
      defaultValue = "8",
      description = "Most concurrent API calls (default ${DEFAULT-VALUE}).")
  int parallelism;

  @Option(
      names = "--batch-size",
      paramLabel = "N",
      defaultValue = "50",
      description = "Items per batch call (default ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(
      names = "--consistency-wait",
      paramLabel = "SECONDS",
      defaultValue = "5",
      description =
          "After a create whose answer was lost, how long to keep re-reading before concluding"
              + " it did not happen (the API shows writes with a delay; default ${DEFAULT-VALUE}).")
  double consistencyWait;

  @Option(
      names = "--call-timeout",
      paramLabel = "SECONDS",
      defaultValue = "60",
      description =
          "Total deadline of one API call, the whole answer included (default ${DEFAULT-VALUE}).")
  double callTimeout;

  @Option(
      names = "--max-answer-mib",
      paramLabel = "MIB",
      defaultValue = "64",
      description =
          "Largest API answer read, in MiB; a longer one is cut off with an error (default"
              + " ${DEFAULT-VALUE}).")
  long maxAnswerMib;

  @Option(
      names = "--sandbox",
      description =
          "Use the embedded LiveChat emulator instead of an account (no credentials needed);"
              + " its state persists in --sandbox-state.")
  boolean sandbox;

  @Option(
      names = "--sandbox-state",
      paramLabel = "FILE",
      defaultValue = ".chatform/sandbox.json",
      description = "State file of the --sandbox account (default: ${DEFAULT-VALUE}).")
  Path sandboxState;

  @Option(
      names = "--debug",
      description = "Log one line per API attempt (secrets are always redacted).")
  boolean debug;

  @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
  picocli.CommandLine.Model.CommandSpec mixee;

  /** The API version asked for, one of {@link ApiVersion#SUPPORTED} (the same list everywhere). */
  ApiVersion version() {
    try {
      return ClientConfig.parseVersion(apiVersion);
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), e);
    }
  }

  /** True when {@code option} was on the command line (not just its default). */
  boolean given(String option) {
    picocli.CommandLine.ParseResult parsed =
        mixee == null ? null : mixee.commandLine().getParseResult();
    return parsed != null && parsed.hasMatchedOption(option);
  }

  /**
   * Refuses target flags that contradict each other instead of silently ignoring one: the sandbox
   * is its own API, so an API URL or a CA certificate next to {@code --sandbox} is a mistake.
   */
  void checkConflicts() {
    if (!sandbox) {
      return;
    }
    for (String other : java.util.List.of("--api-url", "--ca-cert")) {
      if (given(other)) {
        throw new UserException(
            "--sandbox and "
                + other
                + " contradict each other: --sandbox uses the embedded emulator, not an API at a"
                + " URL; drop one of them");
      }
    }
  }

  /**
   * {@code apply PLANFILE}: the target the saved plan records, for the target flags the command
   * line does not give (a flag that is given wins; a plan made for another target is then refused
   * by {@link PlanProof}). The file is a claim, so only what cannot send credentials elsewhere is
   * taken from an unauthenticated one: its API version and its sandbox (an existing state file).
   * Its API URL is taken only when {@code trusted} (its MAC checks out with CHATFORM_PLAN_KEY).
   */
  void defaultTo(io.chatform.plan.Target saved, boolean trusted) {
    boolean where = given("--api-url") || given("--sandbox") || given("--sandbox-state");
    String url = saved.apiUrl();
    if (url.startsWith(SANDBOX_PREFIX)) {
      Path state = Path.of(url.substring(SANDBOX_PREFIX.length()));
      boolean sandboxState =
          trusted || java.nio.file.Files.isRegularFile(state) && state.toString().endsWith(".json");
      if (sandboxState && (!where || sandbox && !given("--sandbox-state"))) {
        sandbox = true;
        this.sandboxState = state;
      }
    } else if (!where && trusted) {
      apiUrl = url;
    }
    if (!given("--api-version") && ApiVersion.fromLabel(saved.apiVersion()).isPresent()) {
      apiVersion = saved.apiVersion();
    }
  }

  /** How a plan names the sandbox target: by its state file (the port changes every run). */
  static final String SANDBOX_PREFIX = "sandbox:";

  /** Refuses a {@code --region} that is not one, for commands that never build a client. */
  void checkRegion() {
    try {
      if (region != null) {
        region.ifPresent(io.chatform.api.ClientConfig::region);
      }
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage());
    }
  }

  /**
   * Builds the client configuration, reading credentials from {@code env}.
   *
   * @throws UserException with one clear line when an option or the credentials are wrong
   */
  public ClientConfig toClientConfig(Map<String, String> env, PrintWriter debugOut) {
    return toClientConfig(env, debugOut, apiUrl);
  }

  /** As {@link #toClientConfig(Map, PrintWriter)}, against {@code url} (the sandbox's). */
  ClientConfig toClientConfig(Map<String, String> env, PrintWriter debugOut, String url) {
    try {
      ClientConfig.Builder b =
          ClientConfig.builder(Credentials.fromEnvironment(env))
              .apiUrl(url)
              .version(ClientConfig.parseVersion(apiVersion))
              .region(region == null ? Optional.empty() : region)
              .caCert(caCert == null ? Optional.empty() : caCert)
              .maxRps(maxRps)
              .startRps(Math.min(startRps, maxRps))
              .parallelism(parallelism)
              .batchSize(batchSize)
              .consistencyWait(FlagChecks.seconds("--consistency-wait", consistencyWait, true))
              .callTimeout(FlagChecks.seconds("--call-timeout", callTimeout, false))
              .maxAnswerBytes(
                  (long) FlagChecks.range("--max-answer-mib", maxAnswerMib, 1, 4096) << 20);
      if (caCert != null && caCert.isPresent() && !caCert.get().toFile().isFile()) {
        throw new IllegalArgumentException(
            "--ca-cert " + caCert.get() + ": no such file; give the PEM file of the CA to trust");
      }
      if (debug) {
        b.debug(
            line -> {
              synchronized (debugOut) {
                debugOut.println("debug: " + io.chatform.model.Escapes.line(line));
                debugOut.flush();
              }
            });
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new UserException(e.getMessage(), e);
    }
  }
}
