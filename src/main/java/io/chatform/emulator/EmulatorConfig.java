package io.chatform.emulator;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything an emulator instance is started with; {@link #defaults()} is the sandbox (the
 * credentials the CLI prints and every test uses), changed with the {@code with…} methods.
 *
 * @param port TCP port on 127.0.0.1; 0 = any free port
 * @param threads size of the request thread pool
 * @param credentials the accepted account, PAT and access tokens
 * @param region this emulator's data centre, {@code dal} or {@code fra}
 * @param statePath file the whole account is persisted to after every write and reloaded from
 * @param seedPath file preloaded at start (same format) when there is no state file yet
 * @param tls HTTPS settings
 * @param faults injected faults (all off by default)
 */
public record EmulatorConfig(
    int port,
    int threads,
    Credentials credentials,
    String region,
    Optional<Path> statePath,
    Optional<Path> seedPath,
    Tls tls,
    FaultConfig faults) {
  public static final String SANDBOX_ACCOUNT_ID = "sandbox-account";
  public static final String SANDBOX_PAT = "sandbox-pat";
  public static final String SANDBOX_TOKEN = "sandbox-token";
  public static final String SANDBOX_CLIENT_ID = "c0ffee00c0ffee00c0ffee00c0ffee00";
  public static final String SANDBOX_OWNER = "owner@sandbox.chatform.dev";
  public static final String SANDBOX_REGION = "dal";

  /** Password of the bundled localhost-only development certificate. */
  public static final String DEV_CERT_PASSWORD = "chatform-dev";

  public EmulatorConfig {
    if (!region.equals("dal") && !region.equals("fra")) {
      throw new IllegalArgumentException("region must be dal or fra, not " + region);
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1");
    }
  }

  /** The sandbox: port 0, default credentials, region dal, in-memory state, no TLS, no faults. */
  public static EmulatorConfig defaults() {
    return new EmulatorConfig(
        0,
        16,
        Credentials.sandbox(),
        SANDBOX_REGION,
        Optional.empty(),
        Optional.empty(),
        Tls.off(),
        FaultConfig.none());
  }

  public EmulatorConfig withPort(int p) {
    return new EmulatorConfig(p, threads, credentials, region, statePath, seedPath, tls, faults);
  }

  public EmulatorConfig withThreads(int t) {
    return new EmulatorConfig(port, t, credentials, region, statePath, seedPath, tls, faults);
  }

  public EmulatorConfig withCredentials(Credentials c) {
    return new EmulatorConfig(port, threads, c, region, statePath, seedPath, tls, faults);
  }

  public EmulatorConfig withRegion(String r) {
    return new EmulatorConfig(port, threads, credentials, r, statePath, seedPath, tls, faults);
  }

  public EmulatorConfig withStatePath(Path p) {
    return new EmulatorConfig(
        port, threads, credentials, region, Optional.of(p), seedPath, tls, faults);
  }

  public EmulatorConfig withSeedPath(Path p) {
    return new EmulatorConfig(
        port, threads, credentials, region, statePath, Optional.of(p), tls, faults);
  }

  public EmulatorConfig withTls(Tls t) {
    return new EmulatorConfig(port, threads, credentials, region, statePath, seedPath, t, faults);
  }

  public EmulatorConfig withFaults(FaultConfig f) {
    return new EmulatorConfig(port, threads, credentials, region, statePath, seedPath, tls, f);
  }

  /**
   * The credentials the emulator accepts.
   *
   * @param accountId the account id of Basic auth (and agents' {@code account_id})
   * @param pat the personal access token of Basic auth
   * @param accessTokens Bearer token → the Client ID it is bound to
   * @param ownerEmail the seeded owner agent
   */
  public record Credentials(
      String accountId, String pat, Map<String, String> accessTokens, String ownerEmail) {
    public Credentials {
      accessTokens = Map.copyOf(accessTokens);
    }

    public static Credentials sandbox() {
      return new Credentials(
          SANDBOX_ACCOUNT_ID, SANDBOX_PAT, Map.of(SANDBOX_TOKEN, SANDBOX_CLIENT_ID), SANDBOX_OWNER);
    }

    @Override
    public String toString() { // never the PAT or the tokens
      return "Credentials[accountId="
          + accountId
          + ", owner="
          + ownerEmail
          + ", tokens="
          + accessTokens.size()
          + "]";
    }
  }

  /** HTTPS: off, or on with a PKCS12 keystore (empty = the bundled dev certificate). */
  public record Tls(boolean enabled, Optional<Path> keystore, Optional<String> password) {
    public static Tls off() {
      return new Tls(false, Optional.empty(), Optional.empty());
    }

    public static Tls devCertificate() {
      return new Tls(true, Optional.empty(), Optional.empty());
    }

    public static Tls keystore(Path file, String password) {
      return new Tls(true, Optional.of(file), Optional.of(password));
    }

    @Override
    public String toString() {
      return "Tls[enabled=" + enabled + ", keystore=" + keystore + "]";
    }
  }
}
